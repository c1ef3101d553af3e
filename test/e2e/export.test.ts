import { afterAll, describe, expect, it } from 'vitest';
import { seededLedger } from './history-helpers.js';

/** Sum of posting amounts per transaction block must be zero (balanced journal). */
function checkBalanced(text: string, posting: RegExp): number {
  const blocks = text.split(/\n\n/).filter((b) => /^\d{4}-\d\d-\d\d \*/.test(b));
  for (const b of blocks) {
    let sum = 0;
    for (const line of b.split('\n').slice(1)) {
      if (/ = /.test(line)) continue; // a balance assertion (`0 CNY = 27800.77 CNY`) posts nothing
      const m = posting.exec(line);
      if (m) sum += Math.round(Number(m[1]) * 100);
    }
    expect(sum, b).toBe(0);
  }
  return blocks.length;
}

describe('export (e2e)', () => {
  const t = seededLedger();
  afterAll(() => t.cleanup());
  const all = t.json<{ id: number; date: string }[]>(['tx', 'list']);

  it('exports json like tx list, within --from/--to', () => {
    expect(t.json(['export', '--format', 'json'])).toEqual(t.json(['tx', 'list']));
    const sept = t.json<{ date: string }[]>(['export', '--from', '2026-09-01', '--to', '2026-09-30']);
    expect(sept.length).toBe(all.filter((e) => e.date >= '2026-09-01' && e.date <= '2026-09-30').length);
  });

  it('exports formula-safe csv', () => {
    const id = String(all[0]!.id);
    t.run(['tx', 'note', id, '=HYPERLINK("x")']);
    const csv = t.run(['export', '--format', 'csv']).stdout;
    expect(csv.split('\n')[0]).toBe('id,date,amount,currency,account,description,merchant,category,kind,channel,tags,notes,account_type,split_of,split_part,link,mirror_of');
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csv.trim().split('\n')).toHaveLength(all.length + 1);
  });

  it('exports balanced ledger and beancount journals with categories as accounts', () => {
    const ledger = t.run(['export', '--format', 'ledger']);
    expect(ledger.code, ledger.stderr).toBe(0);
    expect(ledger.stdout).toMatch(/Expenses:Dining/);
    expect(ledger.stdout).toMatch(/Assets:/);
    expect(checkBalanced(ledger.stdout, /\s(-?\d+\.\d\d) CNY$/)).toBeGreaterThan(10);
    const bean = t.run(['export', '--format', 'beancount']);
    expect(bean.code, bean.stderr).toBe(0);
    expect(bean.stdout).toMatch(/^\d{4}-\d\d-\d\d open Assets:/m);
    expect(checkBalanced(bean.stdout, /\s(-?\d+\.\d\d) CNY$/)).toBeGreaterThan(10);
    for (const line of bean.stdout.split('\n').filter((l) => /^ {2}[A-Z]/.test(l))) {
      expect(line.trim().split(/\s+/)[0]).toMatch(/^(Assets|Liabilities|Expenses|Income|Equity)(:[^\s:a-z-][^\s:]*)+$/);
    }
  });

  it('refuses unknown formats and bad dates', () => {
    expect(t.run(['export', '--format', 'xml']).code).toBe(2);
    expect(t.run(['export', '--from', '2026-13-01']).code).toBe(2);
  });
});
