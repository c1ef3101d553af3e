/**
 * Balance checkpoints in `export --format ledger|beancount` (issue 27, point 5), through the built CLI:
 * a ledger whose entries meet its checkpoints passes hledger check, ledger --pedantic and bean-check;
 * with one entry deleted, hledger and bean-check fail naming the assertion; range exports open with
 * the balance before --from; csv and json exports are unchanged.
 */
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, tempLedger } from './helpers.js';
import { requireTools, runWith, tool, writeText } from './export-tools.js';

const TOOLS = ['hledger', 'ledger', 'bean-check'];

describe('export carries the balance checkpoints as assertions', () => {
  const t = tempLedger('pb-exp-bal-');
  afterAll(() => t.cleanup());
  const ok = (args: string[], ledger?: string) => {
    const r = ledger ? runCli(['--ledger', ledger, ...args], { env: { POCKETBOOK_CONFIG_DIR: t.configDir } }) : t.run(args);
    expect(r.code, r.stderr).toBe(0);
    return r.stdout;
  };
  const bank = writeText(t.file('bank.csv'), 'Date,Description,Amount\n2026-09-01,SALARY,5000.00\n2026-09-01,COFFEE,-35.50\n2026-09-03,GROCERIES,-120.00\n2026-09-05,RENT,-2000.00\n');
  const card = writeText(t.file('card.csv'), 'Date,Description,Amount\n2026-09-02,LUNCH,-50.00\n2026-09-04,BOOKS,-80.00\n');
  ok(['import', bank, '--account', 'Bank']);
  ok(['account', 'add', 'Card', '--type', 'credit']);
  ok(['import', card, '--account', 'Card']);
  // Checkpoints as a statement would give them: the bank opened with 10,000.00, the card owed 170.00.
  const db = new Database(t.ledger);
  const add = db.prepare(
    "INSERT INTO balance_checkpoints (account_id, date, amount, currency, source, kind, file, line, created_at) VALUES ((SELECT id FROM accounts WHERE name = ?), ?, ?, 'CNY', 'statement', ?, ?, ?, '')",
  );
  add.run('Bank', '2026-09-01', 1_496_450, 'running', 'bank.csv', 2);
  add.run('Bank', '2026-09-03', 1_500_000, 'running', 'bank.csv', 4); // an earlier figure of the day: the later one wins
  add.run('Bank', '2026-09-03', 1_484_450, 'closing', 'bank.csv', 5);
  add.run('Bank', '2026-09-04', 1, 'available', 'bank.csv', 6); // never a balance
  add.run('Bank', '2026-09-05', 1_284_450, 'ledger', 'bank.csv', 9);
  add.run('Card', '2026-09-04', -30_000, 'closing', 'card.csv', 3);
  db.close();

  it('writes the opening, one assertion per account and day after its entries, and the beancount balance the day after', () => {
    const journal = ok(['export', '--format', 'ledger']);
    expect(journal).toContain('2026-08-31 * Opening balance\n    Assets:Bank');
    expect(journal).toMatch(/2026-08-31 \* Opening balance\n {4}Assets:Bank +10000\.00 CNY\n {4}Equity:Opening-Balances +-10000\.00 CNY/);
    expect(journal).toMatch(/2026-09-01 \* Opening balance\n {4}Liabilities:Card +-170\.00 CNY/);
    expect(journal).toMatch(/GROCERIES.*\n.*\n.*\n\n2026-09-03 \* Balance checkpoint \(closing, bank\.csv:5\)\n {4}Assets:Bank +0 CNY = 14844\.50 CNY\n\n2026-09-04 \* Books/);
    expect(journal.match(/= 14844\.50 CNY/g)).toHaveLength(1);
    expect(journal).not.toMatch(/= 15000\.00|= 0\.01/);
    expect(journal).toMatch(/Liabilities:Card +0 CNY = -300\.00 CNY/);
    const bean = ok(['export', '--format', 'beancount']);
    expect(bean).toMatch(/\n2026-08-31 open Assets:Bank\n/);
    expect(bean).toMatch(/\n2026-09-04 balance Assets:Bank +14844\.50 CNY\n {2}source: "closing, bank\.csv:5"/);
    expect(bean).toMatch(/\n2026-09-06 balance Assets:Bank +12844\.50 CNY/);
    expect(bean).toMatch(/\n2026-09-05 balance Liabilities:Card +-300\.00 CNY/);
    expect(bean).not.toMatch(/balance Assets:Bank +0\.01/);
  });

  it('passes hledger check, ledger --pedantic and bean-check, whole and by range', { skip: !runWith(...TOOLS) }, () => {
    requireTools(...TOOLS);
    for (const range of [[], ['--from', '2026-09-03'], ['--from', '2026-09-02', '--to', '2026-09-04'], ['--to', '2026-09-02']]) {
      const journal = writeText(t.file('x.journal'), ok(['export', '--format', 'ledger', ...range]));
      const bean = writeText(t.file('x.beancount'), ok(['export', '--format', 'beancount', ...range]));
      expect(tool('hledger', ['-f', journal, 'check']), range.join(' ')).toEqual({ code: 0, out: '' });
      const pedantic = tool('ledger', ['-f', journal, '--pedantic', 'balance']);
      expect(pedantic.code, pedantic.out).toBe(0);
      expect(tool('bean-check', [bean]), range.join(' ')).toEqual({ code: 0, out: '' });
    }
    // The balances are real money: what the statements say on the last day.
    const journal = writeText(t.file('x.journal'), ok(['export', '--format', 'ledger']));
    const bal = tool('hledger', ['-f', journal, 'balance', '--flat', '--no-total', 'Assets', 'Liabilities']).out;
    expect(bal).toMatch(/12844\.50 CNY\s+Assets:Bank/);
    expect(bal).toMatch(/-300\.00 CNY\s+Liabilities:Card/);
  });

  it('writes the balance before --from when the range holds a checkpoint, and leaves out those outside it', () => {
    const journal = ok(['export', '--format', 'ledger', '--from', '2026-09-03', '--to', '2026-09-03']);
    expect(journal).toMatch(/2026-09-02 \* Opening balance\n {4}Assets:Bank +14964\.50 CNY/);
    expect(journal).toContain('= 14844.50 CNY');
    expect(journal).not.toMatch(/= 14964\.50|= 12844\.50|= -300\.00/);
    // The card has no checkpoint on the 3rd: it stays a plain sum of its entries (joinable exports).
    expect(journal).not.toMatch(/Opening balance\n {4}Liabilities:Card/);
  });

  it('fails in hledger and bean-check, naming the assertion, when an entry is missing', { skip: !runWith(...TOOLS) }, () => {
    requireTools(...TOOLS);
    const broken = t.file('broken.db');
    const copy = new Database(t.ledger);
    copy.exec(`VACUUM INTO '${broken}'`);
    copy.close();
    const cut = new Database(broken);
    cut.prepare("DELETE FROM transactions WHERE description = 'GROCERIES'").run();
    cut.close();
    const journal = writeText(t.file('broken.journal'), ok(['export', '--format', 'ledger'], broken));
    const bean = writeText(t.file('broken.beancount'), ok(['export', '--format', 'beancount'], broken));
    const h = tool('hledger', ['-f', journal, 'check']);
    expect(h.code).not.toBe(0);
    expect(h.out).toContain('balance assertion');
    expect(h.out).toContain('Balance checkpoint (closing, bank.csv:5)');
    expect(h.out).toMatch(/asserted:\s+14844\.50/);
    expect(tool('ledger', ['-f', journal, '--pedantic', 'balance']).code).not.toBe(0);
    const b = tool('bean-check', [bean]);
    expect(b.code).not.toBe(0);
    expect(b.out).toContain("Balance failed for 'Assets:Bank': expected 14844.50 CNY != accumulated 14964.50 CNY");
  });

  it('--no-balances leaves out openings and assertions, so a later period joins an earlier export', { skip: !runWith('hledger') }, () => {
    requireTools('hledger');
    for (const format of ['ledger', 'beancount']) {
      const plain = ok(['export', '--format', format, '--no-balances']);
      expect(plain).not.toMatch(/Opening balance|Balance checkpoint| = |\bbalance (Assets|Liabilities)/);
      expect(plain).toContain('GROCERIES');
    }
    // September to the 3rd with its balances, then the rest without: the whole ledger, checked once.
    const joined = ok(['export', '--format', 'ledger', '--to', '2026-09-03']) + ok(['export', '--format', 'ledger', '--from', '2026-09-04', '--no-balances']);
    const file = writeText(t.file('joined.journal'), joined);
    expect(tool('hledger', ['-f', file, 'check']).code).toBe(0);
    const bal = tool('hledger', ['-f', file, 'balance', '--flat', '--no-total', 'Assets', 'Liabilities']).out;
    expect(bal).toMatch(/12844\.50 CNY\s+Assets:Bank/);
    expect(bal).toMatch(/-300\.00 CNY\s+Liabilities:Card/);
  });

  it('leaves csv and json unchanged (their contracts are entries only)', () => {
    const json = JSON.parse(ok(['export', '--format', 'json'])) as { description: string }[];
    expect(Array.isArray(json)).toBe(true);
    expect(json).toHaveLength(6);
    const csv = ok(['export', '--format', 'csv']);
    expect(csv.trim().split('\n')).toHaveLength(7);
    expect(csv).not.toMatch(/14844|checkpoint/i);
  });
});
