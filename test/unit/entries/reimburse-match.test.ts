/** Which income pays back which marked expense (报销, issue 28 point 3): the pure matching rules. */
import { describe, expect, it } from 'vitest';
import { matchReimbursements, mentionsPayer } from '../../../src/app/entries/reimburse-match.js';
import type { PaymentRow, ReimbursementRow } from '../../../src/ledger/reimbursements.js';

const owed = (id: number, date: string, amount: number, payer: string | null, currency = 'CNY'): ReimbursementRow => ({
  id, date, amount, currency, description: `expense ${id}`, payer, note: null, paidBy: null, paidDate: null, linkedBy: null,
});
const income = (id: number, date: string, amount: number, description: string, counterparty: string | null = null, currency = 'CNY'): PaymentRow => ({
  id, date, amount, currency, description, counterparty,
});

describe('matchReimbursements', () => {
  it('links an income of the same amount, naming the payer, dated on or after the expense', () => {
    const r = matchReimbursements([owed(1, '2026-10-08', -128_000, 'Acme')], [income(9, '2026-11-02', 128_000, 'ACME LTD expense claim')]);
    expect(r).toEqual({ links: [{ payment: 9, expenses: [1] }], unclear: [] });
  });

  it('finds the payer in the counterparty too, and Chinese names as they are', () => {
    const r = matchReimbursements([owed(1, '2026-10-08', -5_000, '星辰科技')], [income(9, '2026-10-20', 5_000, '转账收入', '上海星辰科技有限公司')]);
    expect(r.links).toEqual([{ payment: 9, expenses: [1] }]);
  });

  it('does not link another amount (a partial payment), another payer, another currency, or an earlier income', () => {
    const e = owed(1, '2026-10-08', -128_000, 'Acme');
    for (const p of [
      income(9, '2026-11-02', 100_000, 'Acme partial'),
      income(9, '2026-11-02', 128_000, 'Globex refund'),
      income(9, '2026-11-02', 128_000, 'Acme', null, 'USD'),
      income(9, '2026-10-07', 128_000, 'Acme'),
    ]) {
      expect(matchReimbursements([e], [p])).toEqual({ links: [], unclear: [] });
    }
  });

  it('never matches an expense without a payer (it waits for --paid-by)', () => {
    expect(matchReimbursements([owed(1, '2026-10-08', -128_000, null)], [income(9, '2026-11-02', 128_000, 'anything')]).links).toEqual([]);
  });

  it('does not guess between two candidate payments: the expense is unclear with both', () => {
    const r = matchReimbursements([owed(1, '2026-10-08', -30_000, 'Acme')], [income(8, '2026-10-20', 30_000, 'Acme'), income(9, '2026-10-25', 30_000, 'Acme claim')]);
    expect(r).toEqual({ links: [], unclear: [{ expense: 1, candidates: [8, 9] }] });
  });

  it('does not guess between two expenses one payment could pay', () => {
    const r = matchReimbursements([owed(1, '2026-10-08', -30_000, 'Acme'), owed(2, '2026-10-09', -30_000, 'Acme')], [income(9, '2026-10-25', 30_000, 'Acme')]);
    expect(r.links).toEqual([]);
    expect(r.unclear).toEqual([{ expense: 1, candidates: [9] }, { expense: 2, candidates: [9] }]);
  });

  it('one payment equal to the sum of a payer\'s outstanding expenses settles them together', () => {
    const r = matchReimbursements(
      [owed(1, '2026-10-08', -128_000, 'Acme'), owed(2, '2026-10-09', -30_000, 'Acme'), owed(3, '2026-10-09', -7_000, 'Globex')],
      [income(9, '2026-11-02', 158_000, 'ACME expenses October')],
    );
    expect(r).toEqual({ links: [{ payment: 9, expenses: [1, 2] }], unclear: [] });
  });

  it('a sum that does not add up exactly links nothing', () => {
    const r = matchReimbursements([owed(1, '2026-10-08', -128_000, 'Acme'), owed(2, '2026-10-09', -30_000, 'Acme')], [income(9, '2026-11-02', 150_000, 'Acme')]);
    expect(r.links).toEqual([]);
  });
});

describe('mentionsPayer', () => {
  it('ignores case and surrounding blanks; an empty name matches nothing', () => {
    expect(mentionsPayer({ description: 'acme ltd', counterparty: null }, ' ACME ')).toBe(true);
    expect(mentionsPayer({ description: 'acme ltd', counterparty: null }, '  ')).toBe(false);
  });
});
