/**
 * Reimbursements (报销, issue 28 point 3) through the built CLI: `tx reimburse` marks, links by
 * hand and undoes; a later statement's payment is matched on import; `report reimbursements`
 * (JSON, text, en and zh); the month report's outstanding total; month, year and rank agree once
 * a pair is settled; bad inputs are one line, exit 1, nothing written. Today is 2026-11-15.
 */
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ledgerPerTest } from './helpers.js';

const { ledger, ok, json } = ledgerPerTest('pb-reimburse-');
const add = (date: string, amount: string, account: string, description: string): number =>
  json<{ id: number }>(['tx', 'add', '--date', date, '--amount', amount, '--account', account, '--description', description, '--yes']).id;

interface Owed { id: number; date: string; description: string; amount: string; currency: string; from: string | null; since_days: number; status: string; note: string | null; paid_by?: number }
interface Report { outstanding: Owed[]; by_payer: { from: string | null; currency: string; amount: string; count: number; since: string }[]; totals: { currency: string; amount: string; count: number }[]; settled?: Owed[] }
interface Month { spending: string; income: string; reimbursements_outstanding?: string }

/** Two accounts; a hotel and a taxi on the card, salary in the bank. */
function household(): { hotel: number; taxi: number; salary: number } {
  ok(['account', 'add', 'CMB Card', '--type', 'credit', '--institution', 'China Merchants Bank', '--currency', 'CNY']);
  ok(['account', 'add', 'ICBC', '--type', 'checking', '--institution', 'ICBC', '--currency', 'CNY']);
  return {
    hotel: add('2026-10-08', '-1280', 'CMB Card', 'Hilton Shanghai'),
    taxi: add('2026-10-09', '-86.50', 'CMB Card', 'Didi taxi to Hongqiao'),
    salary: add('2026-10-10', '15000', 'ICBC', 'Salary October'),
  };
}

function statement(name: string, rows: string[]): string {
  const file = ledger().file(name);
  writeFileSync(file, ['Date,Description,Amount', ...rows].join('\n') + '\n');
  return file;
}

describe('tx reimburse and report reimbursements', () => {
  it('marks an expense, which stays in spending; a later statement\'s payment is matched on import and both leave every report', () => {
    const { hotel, taxi } = household();
    const before = json<Month>(['report', 'month', '2026-10']);
    expect(before).toMatchObject({ spending: '1366.50', income: '15000.00' });
    expect(before.reimbursements_outstanding).toBeUndefined();

    const marked = ok(['tx', 'reimburse', String(hotel), '--from', 'Acme', '--note', 'Shanghai trip']).stdout;
    expect(marked).toContain(`entry ${hotel} (2026-10-08 -1280.00 CNY "Hilton Shanghai") is owed back by Acme`);
    expect(marked).toContain('no payment found yet');
    const owed = json<Report>(['report', 'reimbursements']);
    expect(owed.outstanding).toEqual([
      { id: hotel, date: '2026-10-08', description: 'Hilton Shanghai', amount: '1280.00', currency: 'CNY', from: 'Acme', since_days: 38, status: 'outstanding', note: 'Shanghai trip' },
    ]);
    expect(owed.by_payer).toEqual([{ from: 'Acme', currency: 'CNY', amount: '1280.00', count: 1, since: '2026-10-08' }]);
    // Still spending until paid back; the month shows what is owed.
    expect(json<Month>(['report', 'month', '2026-10'])).toMatchObject({ spending: '1366.50', reimbursements_outstanding: '1280.00' });
    expect(ok(['report', 'month', '2026-10']).stdout).toMatch(/Owed back \(reimbursements\)\s+1,280\.00 CNY/);

    const file = statement('icbc-nov.csv', ['2026-11-02,ACME LTD expense claim,1280.00', '2026-11-03,Interest,1.20']);
    const imported = ok(['import', file, '--account', 'ICBC']);
    expect(imported.stdout).toContain(`reimbursements: entry ${hotel + 3} paid back entries ${hotel}`);

    const after = json<Report>(['report', 'reimbursements', '--all']);
    expect(after.outstanding).toEqual([]);
    expect(after.settled).toMatchObject([{ id: hotel, status: 'settled', paid_by: hotel + 3, since_days: 25 }]);
    // October: the hotel leaves spending; it was still owed at October's end. November: the payment leaves income.
    expect(json<Month>(['report', 'month', '2026-10'])).toMatchObject({ spending: '86.50', income: '15000.00', reimbursements_outstanding: '1280.00' });
    const nov = json<Month>(['report', 'month', '2026-11']);
    expect(nov).toMatchObject({ spending: '0.00', income: '1.20' });
    expect(nov.reimbursements_outstanding).toBeUndefined();
    const year = json<{ spending: string; income: string }>(['report', 'year', '2026']);
    expect(year).toMatchObject({ spending: '86.50', income: '15001.20' });
    const rank = json<{ total: string; items: { merchant: string }[] }>(['report', 'rank', '--by', 'merchant', '--year', '2026']);
    expect(rank.total).toBe('86.50');
    expect(rank.items.map((i) => i.merchant)).not.toContain('Hilton Shanghai');
    expect(json<Report>(['report', 'reimbursements']).outstanding.map((o) => o.id)).not.toContain(taxi);
  });

  it('links by hand (one expense or several paid together), refuses a partial payment, and --undo brings both back', () => {
    const { hotel, taxi } = household();
    ok(['tx', 'reimburse', String(hotel), String(taxi), '--from', '星辰科技']);
    const partial = add('2026-11-01', '1000', 'ICBC', '报销款');
    const refused = ledger().run(['tx', 'reimburse', String(hotel), '--paid-by', String(partial)]);
    expect([refused.code, refused.stderr.trim().split('\n').length]).toEqual([1, 1]);
    expect(refused.stderr).toContain(`entry ${partial} brings 1000.00 CNY, the expenses come to 1280.00 CNY: partial reimbursements are not linked`);
    expect(json<Report>(['report', 'reimbursements']).outstanding).toHaveLength(2);

    const full = add('2026-11-05', '1366.50', 'ICBC', '报销款 十月');
    const linked = json<{ paid: { payment: number; expenses: number[]; linked_by: string } }>(['tx', 'reimburse', String(hotel), String(taxi), '--paid-by', String(full)]);
    expect(linked.paid).toMatchObject({ payment: full, expenses: [hotel, taxi], linked_by: 'hand' });
    expect(json<Month>(['report', 'month', '2026-10'])).toMatchObject({ spending: '0.00', reimbursements_outstanding: '1366.50' });
    expect(json<Month>(['report', 'month', '2026-11'])).toMatchObject({ income: '1000.00' });
    // A new note on a paid-back expense keeps its payment.
    const renoted = json<{ paid: { payment: number } }>(['tx', 'reimburse', String(hotel), '--note', 'claim 2026-117']);
    expect(renoted.paid.payment).toBe(full);
    expect(json<Report>(['report', 'reimbursements', '--all']).settled).toMatchObject([{ id: hotel, note: 'claim 2026-117', from: '星辰科技' }, { id: taxi }]);
    // An export holds the money that moved, and says that reports leave these three entries out.
    const exported = ok(['export', '--format', 'ledger']);
    expect(exported.stderr.trim()).toBe('note: 3 entries are settled reimbursements (an expense paid back, and its payment): the export holds them as the money that moved, while reports leave them out of spending and income');
    expect(exported.stdout).toMatch(/^2026-10-\d\d .+\n/m);
    expect(ok(['export', '--format', 'ledger', '--to', '2026-09-30']).stderr).toBe('');

    ok(['tx', 'reimburse', String(taxi), '--undo']);
    // The payment no longer fits the hotel alone: the hotel is outstanding again and both count.
    expect(json<Report>(['report', 'reimbursements']).outstanding.map((o) => o.id)).toEqual([hotel]);
    expect(json<Month>(['report', 'month', '2026-10'])).toMatchObject({ spending: '1366.50' });
    ok(['tx', 'reimburse', String(hotel), '--clear']);
    expect(json<Month>(['report', 'month', '2026-10'])).toMatchObject({ spending: '1366.50' });
    expect(json<Month>(['report', 'month', '2026-11'])).toMatchObject({ income: '2366.50' });
    expect(json<Report>(['report', 'reimbursements', '--all'])).toEqual({ outstanding: [], by_payer: [], totals: [], settled: [] });
  });

  it('two candidate payments on import: nothing is guessed, the summary says how to link by hand', () => {
    const { hotel } = household();
    ok(['tx', 'reimburse', String(hotel), '--from', 'Acme']);
    const file = statement('icbc.csv', ['2026-11-02,Acme claim 1,1280.00', '2026-11-04,Acme claim 2,1280.00']);
    const out = ok(['import', file, '--account', 'ICBC']).stdout;
    expect(out).toContain(`entry ${hotel}: entries ${hotel + 3}, ${hotel + 4} could each be its payment; not linked (link one by hand: pocketbook tx reimburse ${hotel} --paid-by ${hotel + 3})`);
    expect(json<Report>(['report', 'reimbursements']).outstanding).toHaveLength(1);
    ok(['tx', 'reimburse', String(hotel), '--paid-by', String(hotel + 4)]);
    expect(json<Report>(['report', 'reimbursements']).outstanding).toEqual([]);
  });

  it('marking matches a payment already in the ledger; the report and the marking speak Chinese with --lang zh', () => {
    const { hotel, taxi } = household();
    add('2026-11-02', '1280', 'ICBC', '星辰科技 差旅报销');
    const out = ok(['tx', 'reimburse', String(hotel), '--from', '星辰科技', '--lang', 'zh']).stdout;
    expect(out).toContain(`流水 ${hotel}（2026-10-08 -1280.00 CNY“Hilton Shanghai”）已标记为待报销，由 星辰科技 报销`);
    expect(out).toContain(`自动匹配：流水 ${hotel + 3}（2026-11-02 到账 1280.00 CNY）报销了流水 ${hotel}`);
    ok(['tx', 'reimburse', String(taxi)]);
    const zh = ok(['report', 'reimbursements', '--all', '--lang', 'zh']).stdout;
    expect(zh).toContain('待报销');
    expect(zh).toContain('按报销方');
    expect(zh).toContain('（未指定）');
    expect(zh).toContain('待报销合计：86.50 CNY（共 1 笔）');
    expect(zh).toContain('已报销');
    const en = ok(['report', 'reimbursements']).stdout;
    expect(en).toContain('Total owed back: 86.50 CNY (1 entries)');
    expect(en).toContain('(not named)');
    expect(ok(['report', 'month', '2026-10', '--lang', 'zh']).stdout).toMatch(/待报销\s+1,366\.50 CNY/);
    expect(ok(['report', 'month', '2026-11', '--lang', 'zh']).stdout).toMatch(/待报销\s+86\.50 CNY/);
  });
});

describe('bad inputs: one line, exit 1, nothing written', () => {
  it('refuses unknown ids, income, transfers, a payment that is not income or is earlier, and --undo of an unmarked entry', () => {
    const { hotel, salary } = household();
    const transfer = add('2026-10-11', '-500', 'ICBC', 'To card');
    ok(['tx', 'edit', String(transfer), '--kind', 'transfer']);
    const early = add('2026-10-01', '1280', 'ICBC', 'Acme');
    const cases: [string[], string][] = [
      [['tx', 'reimburse', '999'], 'pocketbook: no entry 999 (see `pocketbook tx list`)'],
      [['tx', 'reimburse', String(salary)], `pocketbook: entry ${salary} is income, not an expense (mark the expense owed back; an income that paid it back is linked with --paid-by ${salary})`],
      [['tx', 'reimburse', String(transfer)], `pocketbook: entry ${transfer} is a transfer between your own accounts, not an expense`],
      [['tx', 'reimburse', String(hotel), '--paid-by', String(transfer)], `pocketbook: entry ${transfer} is not income: a reimbursement is money coming in`],
      [['tx', 'reimburse', String(hotel), '--paid-by', String(early)], `pocketbook: entry ${early} (2026-10-01) is dated before expense ${hotel} (2026-10-08)`],
      [['tx', 'reimburse', String(hotel), '--undo'], `pocketbook: entry ${hotel} is not marked as owed back (see \`pocketbook report reimbursements --all\`)`],
    ];
    for (const [args, line] of cases) {
      const r = ledger().run(args);
      expect([r.code, r.stderr.trim()], args.join(' ')).toEqual([1, line]);
    }
    const zh = ledger().run(['tx', 'reimburse', String(salary), '--lang', 'zh']);
    expect([zh.code, zh.stderr.trim().split('\n').length]).toEqual([1, 1]);
    expect(zh.stderr).toContain(`流水 ${salary} 是收入，不是支出`);
    expect(json<Report>(['report', 'reimbursements', '--all'])).toEqual({ outstanding: [], by_payer: [], totals: [], settled: [] });
  });

  it('a payment already used elsewhere is refused with the command that links them together', () => {
    const { hotel, taxi } = household();
    const pay = add('2026-11-02', '1280', 'ICBC', 'Acme');
    ok(['tx', 'reimburse', String(hotel), '--paid-by', String(pay)]);
    const r = ledger().run(['tx', 'reimburse', String(taxi), '--paid-by', String(pay)]);
    expect([r.code, r.stderr.trim()]).toEqual([1, `pocketbook: entry ${pay} already pays back entries ${hotel} (expenses paid back together are linked in one command: pocketbook tx reimburse ${hotel} ${taxi} --paid-by ${pay})`]);
    expect(json<Report>(['report', 'reimbursements']).outstanding).toEqual([]);
  });
});

describe('the demo', () => {
  it('marks the Hangzhou trip as owed back by ACME TECH; the 1200.00 travel claim in the demo is not its payment (a partial amount)', () => {
    ok(['demo']);
    const r = json<Report>(['report', 'reimbursements']);
    expect(r.outstanding.map((o) => [o.description, o.amount, o.from])).toEqual([['CTRIP HOTEL HANGZHOU', '1288.00', 'ACME TECH'], ['DIDI CHUXING', '64.20', 'ACME TECH']]);
    expect(r.totals).toEqual([{ currency: 'CNY', amount: '1352.20', count: 2 }]);
    expect(json<Month>(['report', 'month', '2026-10']).reimbursements_outstanding).toBe('1352.20');
  });
});
