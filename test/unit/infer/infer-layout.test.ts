/**
 * Issue 30 classes 1, 4, 5: layout inference on made-up statements of layouts no built-in profile
 * knows — header after a preamble, roles from header words and values, the sign from a type
 * column, the balance column or the payment rows, the date order from the file, the currency from
 * the header — and the one question when the evidence does not settle it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { headLines } from '../../../src/import/formats/csv-header.js';
import { inferLayout } from '../../../src/import/infer/layout.js';
import { REPO_ROOT } from '../../e2e/helpers.js';

const lines = (name: string) => headLines(readFileSync(path.join(REPO_ROOT, 'test', 'fixtures', 'unseen', name), 'utf8'));
const infer = (name: string, card = false) => inferLayout(lines(name), { card });

describe('layout inference', () => {
  it('a German statement with a preamble and a banner, signs in an S/H column, decimal comma', () => {
    const p = infer('de-soll-haben.csv')!.profile!;
    expect(p).toMatchObject({ skip_lines: 6, delimiter: ';', decimal: ',', date_format: 'DD.MM.YYYY', amount_sign: 'as-is' });
    expect(p.columns).toMatchObject({ date: 'Buchungstag', amount: 'Umsatz', currency: 'Währung', direction: { column: 'S/H', out: ['S'], in: ['H'] } });
    expect(p.columns.description).toEqual(['Auftraggeber / Empfänger', 'Verwendungszweck']);
  });

  it('a US card export with purchases positive: the payment and the return say invert', () => {
    const inference = infer('us-card-positive.csv')!;
    expect(inference.profile).toMatchObject({ amount_sign: 'invert', account_type: 'credit', date_format: 'MM/DD/YYYY' });
    expect(inference.profile!.columns).toMatchObject({ date: 'Transaction Date', amount: 'Amount' });
    expect(inference.evidence.join('; ')).toMatch(/payments or refunds/);
  });

  it("a Swiss file: 1'234.50, debit and credit columns, CHF from the header", () => {
    const p = infer('ch-apostrophe.csv')!.profile!;
    expect(p).toMatchObject({ decimal: '.', currency: 'CHF', amount_sign: 'as-is' });
    expect(p.columns).toMatchObject({ debit: 'Belastung CHF', credit: 'Gutschrift CHF' });
  });

  it('a Japanese bank file: 出金/入金 columns, 残高 follows them, yen from the header', () => {
    const inference = infer('jp-bank.csv')!;
    expect(inference.profile).toMatchObject({ currency: 'JPY', amount_sign: 'as-is', date_format: 'YYYY/MM/DD' });
    expect(inference.profile!.columns).toMatchObject({ debit: '出金金額(円)', credit: '入金金額(円)', description: ['摘要'] });
    expect(inference.evidence.join('; ')).toMatch(/balance column follows/);
  });

  it('a balance column that contradicts the printed sign: the sign is inverted, never kept', () => {
    const inference = infer('balance-inverted.csv')!;
    expect(inference.profile!.amount_sign).toBe('invert');
    expect(inference.evidence.join('; ')).toMatch(/moves against the amounts/);
  });

  it('only positive amounts and no evidence: the one question, naming amount_sign', () => {
    const inference = infer('all-positive.csv')!;
    expect(inference.profile).toBeUndefined();
    expect(inference.question).toMatch(/positive amounts money out.*amount_sign/);
    expect(infer('all-positive.csv', true)!.profile!.amount_sign).toBe('invert');
  });

  it('day-first vs month-first settled by the order of the rows', () => {
    expect(infer('order-settles-dates.csv')!.profile!.date_format).toBe('DD/MM/YYYY');
  });

  it('a Dr/Cr type column and a currency column', () => {
    const p = infer('dr-cr-type.csv')!.profile!;
    expect(p.columns).toMatchObject({ date: 'Txn Date', currency: 'Currency', direction: { column: 'Dr/Cr', out: ['DR'], in: ['CR'] } });
    expect(p.columns.description).toEqual(['Narration']);
  });

  it('a text that is no table infers nothing', () => {
    expect(inferLayout(['hello', 'world'])).toBeUndefined();
  });
});
