/**
 * Report totals against `tx list --json` through the built CLI, on the fixture ledger plus a
 * seeded pseudo-random batch: for each month and filter, spending = −Σ expense/refund amounts
 * and income = Σ income amounts of the listed entries (transfers and the mirrored card row
 * excluded), and the categories add up to the total.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TempLedger, tempLedger } from './helpers.js';
import { type Entry, buildFixtureLedger, insertEntries } from '../unit/reports/fixture-ledger.js';

/** "−12.34" → −1234 (two-decimal currency), without floating point. */
const minor = (text: string): number => {
  const [whole = '0', frac = ''] = text.replace('-', '').split('.');
  const value = Number(whole) * 100 + Number(frac.padEnd(2, '0'));
  return text.startsWith('-') ? -value : value;
};

let t: TempLedger;
let mirrored: Set<number>;

beforeAll(() => {
  t = tempLedger('pb-report-inv-');
  const { db, ids } = buildFixtureLedger(t.dir);
  mirrored = new Set([ids[30]!]);
  let seed = 42;
  const next = (n: number) => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed % n;
  };
  const kinds = ['expense', 'expense', 'expense', 'income', 'transfer', 'refund'] as const;
  const extra: Entry[] = Array.from({ length: 300 }, () => {
    const kind = kinds[next(kinds.length)]!;
    const magnitude = 1 + next(200_000);
    return {
      account: ['Checking', 'CMB Card', 'Alipay'][next(3)]!,
      date: `2026-${['08', '09', '10', '11'][next(4)]}-${String(1 + next(28)).padStart(2, '0')}`,
      amount: kind === 'expense' || (kind === 'transfer' && next(2) === 0) ? -magnitude : magnitude,
      kind,
      merchant: ['Starbucks', '海底捞', 'Costco', null][next(4)]!,
      category: ['Dining:Coffee & tea', 'Groceries:Supermarkets', 'Shopping:Electronics', null][next(4)]!,
      channel: ['card', 'alipay', 'wechat'][next(3)]!,
      tags: next(5) === 0 ? ['family'] : [],
    };
  });
  db.transaction(() => insertEntries(db, extra))();
  db.close();
});
afterAll(() => t.cleanup());

const json = (args: string[]) => {
  const res = t.run(args, { env: { POCKETBOOK_TODAY: '2026-11-15' } });
  expect(res.stderr).toBe('');
  return JSON.parse(res.stdout);
};

describe('report month equals tx list', () => {
  for (const month of ['2026-08', '2026-09', '2026-10', '2026-11']) {
    for (const filter of [[], ['--account', 'Alipay'], ['--tag', 'family']]) {
      it(`${month} ${filter.join(' ') || '(all)'}`, () => {
        const report = json(['report', 'month', month, ...filter, '--json']);
        const entries = (json(['tx', 'list', '--month', month, ...filter, '--json']) as { id: number; amount: string; kind: string; currency: string }[])
          .filter((e) => e.currency === 'CNY' && !mirrored.has(e.id));
        const sum = (kinds: string[]) => entries.filter((e) => kinds.includes(e.kind)).reduce((s, e) => s + minor(e.amount), 0);
        expect(minor(report.spending)).toBe(0 - sum(['expense', 'refund']) + 0);
        expect(minor(report.income)).toBe(sum(['income']));
        const categories = (report.categories as { amount: string }[]).reduce((s, c) => s + minor(c.amount), 0);
        expect(categories).toBe(minor(report.spending));
        const channels = (report.channels as { amount: string }[]).reduce((s, c) => s + minor(c.amount), 0);
        expect(channels).toBe(minor(report.spending));
      });
    }
  }
});
