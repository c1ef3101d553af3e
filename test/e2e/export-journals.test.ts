/**
 * `export --format ledger|beancount` read by the real tools: hledger and ledger-cli check accounts
 * and commodities, bean-check passes whatever the user named things, every tag and note survives,
 * the postings agree with `report month`, and two joined period exports count a transfer once.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { seededLedger } from './history-helpers.js';
import { requireTools, runWith, tool, writeText } from './export-tools.js';
import { beancountCategories, ledgerTop, nonZero, postingSums, sidesFromPostings, unbalanced } from '../unit/export/journal-sums.js';

describe('journal exports read by hledger, ledger-cli and beancount', () => {
  const t = seededLedger();
  afterAll(() => t.cleanup());
  const ok = (args: string[]) => {
    const r = t.run(args);
    expect(r.code, r.stderr).toBe(0);
    return r.stdout;
  };
  // What users type: Chinese names, names that clean up alike, kinds under other trees.
  ok(['account', 'rename', 'Alipay', '支付宝']);
  ok(['account', 'add', 'Cash (old)', '--type', 'cash']);
  ok(['account', 'add', 'Cash old', '--type', 'cash']);
  ok(['account', 'add', '招行储蓄', '--type', 'savings', '--institution', 'CMB', '--number-suffix', '7788']);
  const csv = writeText(t.file('savings.csv'), 'Date,Description,Amount\n2026-10-01,FROM CHECKING,500.00\n2026-10-02,RED PACKET 红包,88.00\n');
  ok(['import', csv, '--account', '招行储蓄']);
  const entries = t.json<{ id: number; date: string; amount: string; account: string; description: string }[]>(['tx', 'list']);
  const savings = entries.filter((e) => e.account === '招行储蓄');
  const outgoing = entries.find((e) => e.date === '2026-09-30' && e.account !== '招行储蓄') ?? entries.find((e) => e.date <= '2026-09-30' && Number(e.amount) < 0)!;
  const first = entries[0]!.id;
  ok(['tx', 'tag', String(first), 'a', 'b', '出差']);
  ok(['tx', 'note', String(first), 'first note, with a comma']);
  ok(['tx', 'note', String(first), 'second: note\nits [2] line :x:y:']);
  ok(['tx', 'edit', String(savings[1]!.id), '--kind', 'income', '--category', 'Gifts & red packets:Red packets']);
  ok(['tx', 'edit', String(entries[2]!.id), '--kind', 'refund', '--category', 'Income:Salary']);
  ok(['tx', 'edit', String(entries[3]!.id), '--kind', 'expense', '--category', 'Transfer:Own accounts']);

  it('passes hledger check, ledger --pedantic and bean-check; tags and notes survive', { skip: !runWith('hledger', 'ledger', 'bean-check') }, () => {
    requireTools('hledger', 'ledger', 'bean-check');
    const journal = writeText(t.file('x.journal'), ok(['export', '--format', 'ledger']));
    const bean = writeText(t.file('x.beancount'), ok(['export', '--format', 'beancount']));
    expect(tool('hledger', ['-f', journal, 'check', 'accounts', 'commodities'])).toEqual({ code: 0, out: '' });
    const pedantic = tool('ledger', ['-f', journal, '--pedantic', 'balance']);
    expect(pedantic.code, pedantic.out).toBe(0);
    expect(tool('bean-check', [bean])).toEqual({ code: 0, out: '' });
    for (const tag of ['a', 'b', '出差']) {
      expect(tool('hledger', ['-f', journal, 'print', `tag:${tag}`]).out, tag).toContain(`pocketbook-id: ${first}`);
      expect(tool('ledger', ['-f', journal, 'print', `%${tag}`]).out, tag).toContain(`pocketbook-id: ${first}`);
    }
    const [tx] = JSON.parse(tool('hledger', ['-f', journal, 'print', 'tag:a', '-O', 'json']).out) as { tcomment: string }[];
    expect(tx!.tcomment).toContain('[note 1] first note, with a comma\n[note 2] second: note\n[note 2] its [2] line :x:y:');
    const printed = tool('ledger', ['-f', journal, 'print', '%a']).out;
    expect(printed).toContain('; [note 1] first note, with a comma');
    expect(printed).toContain('; [note 2] its [2] line :x:y:');
    expect(tool('bean-check', [bean]).code).toBe(0);
    const text = ok(['export', '--format', 'beancount']);
    expect(text).toMatch(/open Assets:Alipay\n {2}name: "支付宝"\n/);
    expect(text).toMatch(/open Assets:CMB-7788\n {2}name: "招行储蓄"\n/);
    expect(text).toMatch(/open Assets:Cash-old\n {2}name: "Cash \(old\)"\n/);
    expect(text).toMatch(/open Assets:Cash-old-2\n {2}name: "Cash old"\n/);
    expect(text).not.toMatch(/Income:Income:/);
  });

  it('agrees with report month in every month', () => {
    const ledgerText = ok(['export', '--format', 'ledger']);
    const beanText = ok(['export', '--format', 'beancount']);
    expect(unbalanced(ledgerText, 'ledger')).toEqual([]);
    expect(unbalanced(beanText, 'beancount')).toEqual([]);
    const cats = beancountCategories(beanText);
    const fromLedger = sidesFromPostings(postingSums(ledgerText, 'ledger'), ledgerTop);
    const fromBean = sidesFromPostings(postingSums(beanText, 'beancount'), (a) => (cats.get(a) === '' ? 'Uncategorized' : cats.get(a)?.split(':')[0]));
    for (const month of ['2026-09', '2026-10']) {
      const r = t.json<{ income: string; categories: { category: string; amount: string }[] }>(['report', 'month', month]);
      const want = {
        spending: Object.fromEntries(r.categories.map((c) => [c.category, Math.round(Number(c.amount) * 100)] as const).filter(([, v]) => v !== 0).sort(([a], [b]) => (a < b ? -1 : 1))),
        income: Math.round(Number(r.income) * 100),
      };
      for (const got of [fromLedger, fromBean]) {
        const slot = got.get(`${month}|CNY`)!;
        expect({ spending: nonZero(slot.spending), income: slot.income }, month).toEqual(want);
      }
    }
  });

  it('counts a transfer crossing --to/--from once in two joined period exports', { skip: !runWith('hledger') }, () => {
    requireTools('hledger');
    const incoming = savings[0]!;
    ok(['tx', 'edit', String(outgoing.id), '--kind', 'transfer']);
    const link = t.run(['tx', 'link', String(outgoing.id), String(incoming.id), '--force']);
    if (link.code !== 0) ok(['tx', 'link', String(outgoing.id), String(incoming.id)]);
    const whole = writeText(t.file('whole.journal'), ok(['export', '--format', 'ledger']));
    const sept = writeText(t.file('sept.journal'), ok(['export', '--format', 'ledger', '--to', '2026-09-30']));
    // The later period without the balance checkpoints (its opening would count September again).
    const oct = writeText(t.file('oct.journal'), ok(['export', '--format', 'ledger', '--from', '2026-10-01', '--no-balances']));
    const balances = (...files: string[]) => tool('hledger', [...files.flatMap((f) => ['-f', f]), 'balance', '--flat', '--no-total', '-O', 'csv']);
    const joined = balances(sept, oct);
    expect(joined.code, joined.out).toBe(0);
    // The same balances; hledger lists declared accounts in the order the joined files declare them.
    const lines = (out: string) => out.split('\n').sort();
    expect(lines(joined.out)).toEqual(lines(balances(whole).out));
    expect(joined.out).not.toMatch(/In-transit/);
    expect(ok(['export', '--format', 'ledger', '--to', '2026-09-30'])).toMatch(/Equity:Transfers:In-transit/);
  });

});
