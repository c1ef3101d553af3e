import { describe, expect, it } from 'vitest';
import { StatementColumns, StatementLines, balancesInLine, looksLikeBalanceLine } from '../../../src/import/formats/statement-lines.js';
import type { NormalizedRow } from '../../../src/core/types.js';

const row = (date: string, amount: number, line = 10, currency = 'EUR'): NormalizedRow => ({ line, date, amount, currency, description: 'x' });
const isoDateOf = (raw: string) => (/^\d{2}\/\d{2}\/\d{4}$/.test(raw) ? `${raw.slice(6)}-${raw.slice(3, 5)}-${raw.slice(0, 2)}` : undefined);

describe('balance lines (pure)', () => {
  it('reads the words of many languages, key: value or key,value cells, as printed', () => {
    const read = (cells: string[], decimal: '.' | ',' = '.') => balancesInLine(cells, 1, decimal).map(({ side, raw, date }) => ({ side, raw, date }));
    expect(read(['Balance at end of period', '', '', '', '+31070,11', ''], ',')).toEqual([{ side: 'closing', raw: '+31070,11', date: undefined }]);
    expect(read(['Balance at start of period', '', '+30000,77'], ',')).toEqual([{ side: 'opening', raw: '+30000,77', date: undefined }]);
    expect(read(['Opening balance: 1,234.56'])).toEqual([{ side: 'opening', raw: '1,234.56', date: undefined }]);
    expect(read(['期初余额：12', '000.00'])).toEqual([{ side: 'opening', raw: '12,000.00', date: undefined }]);
    expect(read(['期末余额', '16,243.60'])[0]).toMatchObject({ side: 'closing', raw: '16,243.60' });
    expect(read(['上期余额', '5.00'])[0]!.side).toBe('opening');
    expect(read(['本期余额', '6.00'])[0]!.side).toBe('closing');
    expect(read(['Saldo inicial', '1.200,00'], ',')[0]).toMatchObject({ side: 'opening', raw: '1.200,00' });
    expect(read(['Saldo final: 1.300,00'], ',')[0]).toMatchObject({ side: 'closing' });
    expect(read(['Anfangssaldo am 01.03.2026', '1.500,00 EUR'], ',')).toEqual([{ side: 'opening', raw: '1.500,00 EUR', date: '01.03.2026' }]);
    expect(read(['Endsaldo', '2.585,70'], ',')[0]!.side).toBe('closing');
    expect(read(['Solde initial', '10,00'], ',')[0]!.side).toBe('opening');
    expect(read(['Solde final', '20,00'], ',')[0]!.side).toBe('closing');
    expect(read(['Solde au 31/03/2026 : 1 200,00'], ',')).toEqual([{ side: 'dated', raw: '1 200,00', date: '31/03/2026' }]);
    expect(read(['Saldo iniziale', '1,00'], ',')[0]!.side).toBe('opening');
    expect(read(['Endsaldo', '1.234.567,89', '31.03.2026'], ',')).toEqual([{ side: 'closing', raw: '1.234.567,89', date: '31.03.2026' }]);
    expect(read(['期末余额 2026年3月31日', '¥1,000.00'])).toEqual([{ side: 'closing', raw: '¥1,000.00', date: '2026年3月31日' }]);
    expect(read(['Saldo finale', '2,00'], ',')[0]!.side).toBe('closing');
    expect(read(['Opening balance', '100.00', 'Closing balance', '150.00']).map((s) => s.side)).toEqual(['opening', 'closing']);
  });

  it('is no balance line without an amount, or when the words only begin a longer word', () => {
    expect(balancesInLine(['Opening balance', '', 'n/a'], 1, '.')).toEqual([]);
    expect(balancesInLine(['Closing balances report'], 1, '.')).toEqual([]);
    expect(looksLikeBalanceLine(['', 'Closing balance', '1.00'])).toBe(true);
    expect(looksLikeBalanceLine(['2026-03-01', 'Opening balance', '1.00'])).toBe(false);
  });

  it('dates an opening balance the day before the first row (or the day it names), a closing one the last row (or its day)', () => {
    const lines = new StatementLines(',', ';');
    lines.line(['Saldo inicial', '1.000,00'], 2);
    lines.line(['Saldo final', '1.050,00'], 9);
    lines.row(row('2026-03-10', 10_000));
    lines.row(row('2026-03-02', -5_000)); // newest first
    expect(lines.events(isoDateOf).map((e) => e.type === 'balance' && e.balance)).toEqual([
      { kind: 'opening', line: 2, date: '2026-03-01', amount: 100_000, currency: 'EUR' },
      { kind: 'closing', line: 9, date: '2026-03-10', amount: 105_000, currency: 'EUR' },
    ]);
    const named = new StatementLines(',', ';');
    named.line(['Solde au 28/02/2026', '1.000,00'], 2);
    named.line(['Solde au 31/03/2026', '1.050,00'], 9);
    named.line(['Solde au 05/03/2026', '7,00'], 10); // inside the rows' range: says nothing
    named.line(['Closing balance 31/03/2026', '1.050,00'], 11); // the same balance again
    named.row(row('2026-03-02', -5_000));
    named.row(row('2026-03-10', 10_000));
    expect(named.events(isoDateOf).map((e) => e.type === 'balance' && [e.balance.kind, e.balance.date, e.balance.amount])).toEqual([
      ['opening', '2026-02-28', 100_000],
      ['closing', '2026-03-31', 105_000],
    ]);
    expect(new StatementLines('.', ',').events(isoDateOf)).toEqual([]); // no rows, no dates
  });

  it('a card layout whose balances move against its rows is in the issuer\'s view', () => {
    const lines = new StatementLines('.', ',');
    lines.line(['Previous balance', '200.00'], 1);
    lines.line(['New balance', '250.00'], 5);
    lines.row(row('2026-03-02', -5_000));
    expect(lines.events(isoDateOf, true).map((e) => e.type === 'balance' && e.balance.amount)).toEqual([-20_000, -25_000]);
    expect(lines.events(isoDateOf, false).map((e) => e.type === 'balance' && e.balance.amount)).toEqual([20_000, 25_000]);
  });
});

describe('statement balance columns (pure)', () => {
  const header = ['bank_code', 'initial_date', 'final_date', 'initial_balance', 'final_balance', 'transaction_date', 'amount'];
  it('one opening and one closing balance per statement, dated by its period columns', () => {
    const cols = StatementColumns.of(header, '.')!;
    const cells = (o: string, c: string, from: string, to: string) => ['1', from, to, o, c, '', ''];
    cols.see(row('2019-11-02', 150_000, 2), cells('000.00', '1000.00', '2019-11-01', '2019-11-30'));
    cols.see(row('2019-11-10', -50_000, 3), cells('000.00', '1000.00', '2019-11-01', '2019-11-30'));
    cols.see(row('2019-12-05', 100, 4), cells('1000.00', '1000.01', '2019-12-01', '2019-12-31'));
    expect(cols.events(() => undefined).map((e) => e.type === 'balance' && [e.balance.kind, e.balance.date, e.balance.amount, e.balance.line])).toEqual([
      ['opening', '2019-10-31', 0, 2],
      ['closing', '2019-11-30', 100_000, 2],
      ['opening', '2019-11-30', 100_000, 4],
      ['closing', '2019-12-31', 100_001, 4],
    ]);
  });

  it('without period columns, the rows\' range; none without balance columns', () => {
    const cols = StatementColumns.of(['Date', 'Amount', 'Opening Balance', 'Closing Balance'], ',')!;
    cols.see(row('2026-01-05', -1_000), ['', '', '10,00', '0,00']);
    cols.see(row('2026-01-03', 0), ['', '', '10,00', '0,00']);
    expect(cols.events(() => undefined).map((e) => e.type === 'balance' && [e.balance.kind, e.balance.date, e.balance.amount])).toEqual([
      ['opening', '2026-01-02', 1_000],
      ['closing', '2026-01-05', 0],
    ]);
    expect(StatementColumns.of(['Date', 'Amount', 'Balance'], '.')).toBeUndefined();
  });
});
