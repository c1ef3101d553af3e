/**
 * Chinese bank balance lines (china/balance-lines.ts) on a spreadsheet's whole cells — the .xls
 * path, which no made-up fixture reaches end to end — and on a card statement in the issuer's view.
 */
import { describe, expect, it } from 'vitest';
import { balanceLineEvents } from '../../../src/import/formats/china/balance-lines.js';
import type { ReaderEvent } from '../../../src/import/types.js';

const row = (line: number, date: string, amount: number): ReaderEvent => ({
  type: 'row', row: { line, date, amount, currency: 'CNY', description: 'x', channel: 'card' },
});
const rows = [row(5, '2026-05-02', 800000), row(6, '2026-05-08', -25640)];
const balances = (events: ReaderEvent[]) => events.flatMap((e) => (e.type === 'balance' ? [e.balance] : []));

describe('balance lines of a Chinese bank export', () => {
  it('spreadsheet cells: a label cell and its amount cell, a label with its amount in one cell', () => {
    const around = [
      { line: 2, cells: ['账号', '6222****1234'] },
      { line: 3, cells: ['上期余额', '12,345.67', '', '本期余额：20,089.27'] },
      { line: 9, cells: ['', '合计', '2'] },
    ];
    expect(balances(balanceLineEvents(around, false, rows, false))).toEqual([
      { kind: 'opening', line: 3, date: '2026-05-01', amount: 1234567, currency: 'CNY' },
      { kind: 'closing', line: 3, date: '2026-05-08', amount: 2008927, currency: 'CNY' },
    ]);
  });

  it('a dated line names its own day; no balance words, no events', () => {
    expect(balances(balanceLineEvents([{ line: 1, cells: ['期末余额 2026年05月31日', '20089.27'] }], false, rows, false)))
      .toEqual([{ kind: 'closing', line: 1, date: '2026-05-31', amount: 2008927, currency: 'CNY' }]);
    expect(balanceLineEvents([{ line: 1, cells: ['交易明细', '2026-05'] }], false, rows, false)).toEqual([]);
  });

  it("a card statement whose balances move against its rows is in the issuer's view and negated", () => {
    const card = [row(5, '2026-05-02', -10000), row(6, '2026-05-08', -2000)];
    const around = [{ line: 1, cells: ['期初余额', '500.00'] }, { line: 9, cells: ['期末余额', '620.00'] }];
    expect(balances(balanceLineEvents(around, false, card, true)).map((b) => b.amount)).toEqual([-50000, -62000]);
  });
});
