/**
 * `tx add`, `account alias`, the merge of hand entries on import and `report recurring`, through
 * the built CLI (issue 28 points 1 and 4). Today is 2026-11-15 (a Sunday).
 */
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ledgerPerTest } from './helpers.js';

const { ledger, ok, json } = ledgerPerTest('pb-txadd-');

interface Listed { id: number; date: string; amount: string; account: string; description: string; category: string | null; tags: string[]; notes: string[] }
const entries = () => json<Listed[]>(['tx', 'list']);

function addCards(): void {
  ok(['account', 'add', 'CMB Card', '--type', 'credit', '--institution', 'China Merchants Bank', '--currency', 'CNY']);
  ok(['account', 'add', 'ICBC Debit', '--type', 'checking', '--institution', 'ICBC', '--currency', 'CNY']);
}

describe('tx add with flags', () => {
  it('adds the entry into the default cash account, with tag and note; --json prints it', () => {
    const e = json<Record<string, unknown>>(['tx', 'add', '--date', '2026-09-03', '--amount', '-50', '--account', '现金', '--description', '加油', '--tag', 'car', '--note', 'full tank', '--yes']);
    expect(e).toMatchObject({ date: '2026-09-03', amount: '-50.00', currency: 'CNY', account: 'Cash', description: '加油', category: 'Transport:Fuel', kind: 'expense', tags: ['car'], notes: ['full tank'], source: 'hand' });
    expect(json<{ name: string; type: string }[]>(['account', 'list']).map((a) => [a.name, a.type])).toEqual([['Cash', 'cash']]);
    expect(entries()).toMatchObject([{ id: e.id, amount: '-50.00', account: 'Cash', tags: ['car'], notes: ['full tank'] }]);
  });

  it('--category wins over the rules; a missing flag and an unknown account are one line each, nothing written', () => {
    addCards();
    const e = json<{ category: string }>(['tx', 'add', '--amount', '-18', '--account', 'CMB Card', '--description', 'STARBUCKS', '--category', 'Groceries', '--yes']);
    expect(e.category).toBe('Groceries');
    const missing = ledger().run(['tx', 'add', '--amount', '-18', '--yes']);
    expect([missing.code, missing.stderr.trim().split('\n').length]).toEqual([2, 1]);
    expect(missing.stderr).toContain('missing --account, --description');
    const unknown = ledger().run(['tx', 'add', '--amount', '-18', '--account', 'Nope', '--description', 'x', '--yes']);
    expect([unknown.code, unknown.stderr.trim()]).toEqual([1, 'pocketbook: no account "Nope" (see `pocketbook account list`, or add one with `pocketbook account add`)']);
    expect(entries()).toHaveLength(1);
  });
});

describe('tx add with quick text', () => {
  it('understands Chinese and English, prints what it understood, and adds with --yes', () => {
    addCards();
    const r = ok(['tx', 'add', '昨天 加油 50 招行', '--yes']);
    expect(r.stdout).toContain('Understood:\n  Date: 2026-11-14\n  Amount: -50.00 CNY (spending)\n  Account: CMB Card\n  Category: Transport:Fuel');
    expect(r.stdout).toMatch(/added entry \d+: 2026-11-14 -50.00 CNY CMB Card "加油"/);
    expect(json<Record<string, unknown>>(['tx', 'add', 'lunch 13.2 cmb', '--yes'])).toMatchObject({ date: '2026-11-15', amount: '-13.20', account: 'CMB Card', description: 'lunch' });
    expect(json<Record<string, unknown>>(['tx', 'add', '9月3日 工资 +5200 工行', '--yes'])).toMatchObject({ date: '2026-09-03', amount: '5200.00', account: 'ICBC Debit', category: 'Salary', kind: 'income' });
    expect(entries()).toHaveLength(3);
  });

  it('without a terminal and without --yes it refuses in one line, and writes nothing', () => {
    addCards();
    const r = ledger().run(['tx', 'add', 'lunch 13.2 cmb']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual(['pocketbook: tx add asks to confirm and needs a terminal (add --yes to add it without asking)']);
    expect(entries()).toEqual([]);
  });

  it('names what it cannot place, and asks (or refuses) when a bank has two accounts', () => {
    addCards();
    ok(['account', 'add', 'CMB Debit', '--type', 'checking', '--institution', '招商银行', '--currency', 'CNY']);
    const cases: [string, string][] = [
      ['lunch 12 icbc xyz', "pocketbook: I did not understand: 'xyz' (keep the description in one place, or use --description)"],
      ['lunch 13.2 15 icbc', 'pocketbook: two amounts in "lunch 13.2 15 icbc": \'13.2\', \'15\' (keep one amount; put numbers of the description in quotes)'],
      ['lunch icbc', 'pocketbook: no amount in "lunch icbc" (write the amount as a number, e.g. 50 or +5200)'],
      ['lunch 12 中信', 'pocketbook: no account of yours matches "中信" (add it with `pocketbook account add`, or give a short name with `pocketbook account alias`)'],
      ['lunch 12 招行', 'pocketbook: "招行" could be any of these accounts: "CMB Card", "CMB Debit" (name one of them, or make a short name with `pocketbook account alias`)'],
    ];
    for (const [text, line] of cases) {
      const r = ledger().run(['tx', 'add', text, '--yes']);
      expect([r.code, r.stderr.trim()], text).toEqual([1, line]);
    }
    expect(entries()).toEqual([]);
  });

  it('account alias gives a short name tx add understands', () => {
    addCards();
    ok(['account', 'add', 'CMB Debit', '--type', 'checking', '--institution', '招商银行', '--currency', 'CNY']);
    expect(ok(['account', 'alias', '招卡', 'CMB Card']).stdout.trim()).toBe('"招卡" now means account "CMB Card"');
    expect(json<unknown[]>(['account', 'alias'])).toEqual([{ alias: '招卡', account: 'CMB Card' }]);
    expect(json<{ account: string }>(['tx', 'add', 'last friday taxi 40 招卡', '--yes'])).toMatchObject({ account: 'CMB Card', date: '2026-11-13' });
    const bad = ledger().run(['account', 'alias', '50', 'CMB Card']);
    expect([bad.code, bad.stderr.trim().split('\n').length]).toEqual([1, 1]);
  });

  it('--help shows examples', () => {
    expect(ok(['tx', 'add', '--help']).stdout).toContain('$ pocketbook tx add "昨天 加油 50 招行"');
    expect(ok(['report', 'recurring', '--help']).stdout).toContain('$ pocketbook report recurring --json');
  });
});

describe('hand entries merged on import', () => {
  it('a statement row within 3 days becomes the hand entry (note, tags, category kept); one 5 days away does not', () => {
    addCards();
    ok(['tx', 'add', '--date', '2026-11-10', '--amount', '-200', '--account', 'CMB Card', '--description', '加油', '--category', 'Groceries', '--tag', 'trip', '--note', 'hand note', '--yes']);
    ok(['tx', 'add', '--date', '2026-11-01', '--amount', '-13.20', '--account', 'CMB Card', '--description', 'lunch', '--yes']);
    const csv = ledger().file('cmb.csv');
    writeFileSync(csv, 'Date,Description,Amount\n2026-11-12,SINOPEC STATION 123,-200.00\n2026-11-06,LUNCH PLACE,-13.20\n');
    const r = ok(['import', csv, '--account', 'CMB Card']);
    expect(r.stdout).toContain('merged with 1 hand entry');
    const list = entries();
    expect(list.map((e) => [e.date, e.amount, e.description])).toEqual([
      ['2026-11-01', '-13.20', 'lunch'],
      ['2026-11-06', '-13.20', 'LUNCH PLACE'],
      ['2026-11-12', '-200.00', 'SINOPEC STATION 123'],
    ]);
    expect(list[2]).toMatchObject({ category: 'Groceries', tags: ['trip'], notes: ['hand note'] });
    // tx show says which entries were typed by hand, and when a statement row was merged into one.
    const show = (e: { id: number }) => json<{ hand_entry: { entered_at: string; merged_at: string | null } | null }>(['tx', 'show', String(e.id)]).hand_entry;
    expect(show(list[2]!)).toMatchObject({ merged_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
    expect(show(list[0]!)).toMatchObject({ merged_at: null });
    expect(show(list[1]!)).toBeNull();
    expect(ok(['tx', 'show', String(list[2]!.id)]).stdout).toMatch(/By hand: +typed in on \d{4}-\d\d-\d\d, merged with its statement row on /);
    // The same statement again: duplicates, nothing merged twice.
    const again = json<{ files: { new: number; duplicates: number; merged?: number }[] }>(['import', csv, '--account', 'CMB Card']);
    expect(again.files[0]).toMatchObject({ new: 0, duplicates: 2 });
    expect(again.files[0]!.merged).toBeUndefined();
  });

  it('undoing the import keeps the merged hand entry (notes, tags, category); importing again merges it again', () => {
    addCards();
    ok(['tx', 'add', '--date', '2026-11-10', '--amount', '-200', '--account', 'CMB Card', '--description', '加油', '--category', 'Groceries', '--tag', 'trip', '--note', 'hand note', '--yes']);
    const csv = ledger().file('cmb.csv');
    writeFileSync(csv, 'Date,Description,Amount\n2026-11-12,SINOPEC STATION 123,-200.00\n2026-11-06,LUNCH PLACE,-13.20\n');
    const batch = json<{ files: { batch: number; merged?: number }[] }>(['import', csv, '--account', 'CMB Card']).files[0]!;
    expect(batch.merged).toBe(1);
    // Nothing of the user's is lost, so undo needs no --force; the statement's own row goes.
    const undo = ok(['import', 'undo', String(batch.batch)]);
    expect(undo.stdout).toContain('1 entries you had typed by hand stay');
    expect(entries().map((e) => [e.date, e.amount, e.category, e.tags, e.notes])).toEqual([['2026-11-12', '-200.00', 'Groceries', ['trip'], ['hand note']]]);
    const again = json<{ files: { new: number; merged?: number }[] }>(['import', csv, '--account', 'CMB Card']).files[0]!;
    expect(again).toMatchObject({ new: 2, merged: 1 });
    expect(entries()).toHaveLength(2);
  });

  it('two statement rows and one hand entry: only the nearest row merges', () => {
    addCards();
    ok(['tx', 'add', '--date', '2026-11-10', '--amount', '-30', '--account', 'CMB Card', '--description', 'coffee', '--note', 'mine', '--yes']);
    const csv = ledger().file('two.csv');
    writeFileSync(csv, 'Date,Description,Amount\n2026-11-12,CAFE A,-30.00\n2026-11-11,CAFE B,-30.00\n');
    expect(json<{ files: { merged?: number }[] }>(['import', csv, '--account', 'CMB Card']).files[0]!.merged).toBe(1);
    expect(entries().map((e) => [e.description, e.notes])).toEqual([['CAFE B', ['mine']], ['CAFE A', []]]);
  });
});

describe('report recurring', () => {
  it('finds the monthly and weekly charges, flags a price change and a missed one, not the irregular coffee', () => {
    addCards();
    const rows = ['Date,Description,Amount'];
    for (const m of ['06', '07', '08', '09', '10']) rows.push(`2026-${m}-05,NETFLIX.COM,-68.00`);
    rows.push('2026-11-05,NETFLIX.COM,-78.00');
    for (const m of ['05', '06', '07', '08', '09']) rows.push(`2026-${m}-01,CITY GYM,-200.00`);
    for (const d of ['10-04', '10-11', '10-18', '10-25', '11-01', '11-08']) rows.push(`2026-${d},FRESHBOX WEEKLY,-30.00`);
    for (const d of ['09-02', '09-03', '09-11', '09-25', '10-01', '10-02', '10-19', '10-22', '11-04', '11-12']) rows.push(`2026-${d},STARBUCKS,-32.00`);
    const csv = ledger().file('card.csv');
    writeFileSync(csv, `${rows.join('\n')}\n`);
    ok(['import', csv, '--account', 'CMB Card']);
    const list = json<Record<string, unknown>[]>(['report', 'recurring']);
    // Largest monthly cost first; merchants as the merchant normalization names them.
    expect(list).toEqual([
      { merchant: 'City GYM', interval: 'monthly', last_date: '2026-09-01', last_amount: '200.00', next_date: '2026-10-01', monthly_cost: '200.00', price_change: null, missed: true, currency: 'CNY', count: 5 },
      { merchant: 'Freshbox Weekly', interval: 'weekly', last_date: '2026-11-08', last_amount: '30.00', next_date: '2026-11-15', monthly_cost: '130.00', price_change: null, missed: false, currency: 'CNY', count: 6 },
      { merchant: 'Netflix', interval: 'monthly', last_date: '2026-11-05', last_amount: '78.00', next_date: '2026-12-05', monthly_cost: '78.00', price_change: { from: '68.00', to: '78.00' }, missed: false, currency: 'CNY', count: 6 },
    ]);
    const month = json<{ recurring: { monthly_total: string; price_changes: { from: string; to: string }[] } }>(['report', 'month', '2026-11']);
    expect(month.recurring).toMatchObject({ monthly_total: '408.00', price_changes: [{ from: '68.00', to: '78.00' }] });
    const text = ok(['report', 'recurring']).stdout;
    expect(text).toContain('Recurring charges');
    expect(text).toMatch(/price 68\.00 → 78\.00/);
    expect(text).toContain('did not come');
  });
});
