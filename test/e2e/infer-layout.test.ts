/**
 * Issue 30 (classes 1, 4, 5, 8) through the built CLI: statements of layouts no built-in profile
 * knows import with the inferred layout said on stderr; a card export printing purchases positive
 * is inverted and makes a credit account; a balance column that contradicts the printed sign
 * inverts it; an unclear file is refused with one located question and nothing written; the
 * currency comes from the file, else the locale, and is said when assumed; `import --explain` and
 * `profile create --from` print a profile that imports the file the same way.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO_ROOT, type TempLedger, tempLedger } from './helpers.js';
import { countIn } from './reconcile-helpers.js';

const fx = (name: string) => path.join(REPO_ROOT, 'test', 'fixtures', 'unseen', name);
let t: TempLedger;
afterEach(() => t?.cleanup());
const C = { LANG: 'C.UTF-8', LC_ALL: undefined, LC_MONETARY: undefined };
const sum = (account: string) => countIn(t.ledger, `SELECT coalesce(sum(t.amount), 0) FROM transactions t JOIN accounts a ON a.id = t.account_id WHERE a.name = '${account}'`);
const lines = (stderr: string) => stderr.split('\n').filter((l) => l.trim() !== '');

describe('inferred layouts through the CLI', () => {
  it('a German Soll/Haben file after a preamble: imported, the layout said on one stderr line', () => {
    t = tempLedger();
    const r = t.run(['import', fx('de-soll-haben.csv'), '--account', 'Giro'], { env: C });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/de-soll-haben\.csv: layout inferred: header on line 7; date "Buchungstag" \(DD\.MM\.YYYY\).*"S\/H"/);
    expect(sum('Giro')).toBe(-8400 + 245000 - 5623 - 1990 + 10000 - 95000);
    expect(countIn(t.ledger, "SELECT count(*) FROM accounts WHERE name = 'Giro' AND currency = 'EUR'")).toBe(1);
  });

  it('a US card export with positive purchases: inverted, a credit account, USD from the locale (said)', () => {
    t = tempLedger();
    const r = t.run(['import', fx('us-card-positive.csv'), '--account', 'Visa'], { env: { ...C, LANG: 'en_US.UTF-8' } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/purchases are printed positive/);
    expect(r.stderr).toMatch(/amounts read as USD/);
    expect(sum('Visa')).toBe(-(475 + 6218 + 2399 + 4102 + 1850) + 25000 + 2399);
    expect(countIn(t.ledger, "SELECT count(*) FROM accounts WHERE name = 'Visa' AND type = 'credit' AND currency = 'USD'")).toBe(1);
  });

  it('a balance column against the printed sign: inverted, and the balances reconcile', () => {
    t = tempLedger();
    const r = t.run(['import', fx('balance-inverted.csv'), '--account', 'Cheque'], { env: C });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/moves against the amounts/);
    expect(r.stderr).not.toMatch(/does not reconcile/);
    expect(sum('Cheque')).toBe(100000 - 1240 + 210000 - 6500 - 4820);
  });

  it("Swiss 1'234.50 and a Japanese file: CHF and JPY from their headers", () => {
    t = tempLedger();
    expect(t.run(['import', fx('ch-apostrophe.csv'), '--account', 'PostFinance'], { env: C }).code).toBe(0);
    expect(sum('PostFinance')).toBe(-4530 + 625000 - 215000 - 123450);
    const r = t.run(['import', fx('jp-bank.csv'), '--account', 'Yucho'], { env: C });
    expect(r.code, r.stderr).toBe(0);
    expect(sum('Yucho')).toBe(250000 - 3240 - 8120 - 20000);
    expect(countIn(t.ledger, "SELECT count(*) FROM accounts WHERE currency IN ('CHF', 'JPY')")).toBe(2);
  });

  it('an unclear file no layout claims: one located line with the question, exit 1, nothing written', () => {
    t = tempLedger();
    const file = t.file('card.csv');
    writeFileSync(file, 'Statement 2024-05\n\nPosted,Merchant,Charge\n2024-05-01,Corner shop,12.40\n2024-05-03,Bakery,4.10\n2024-05-06,Cinema,22.00\n');
    const r = t.run(['import', file, '--account', 'Card'], { env: C });
    expect(r.code).toBe(1);
    const said = lines(r.stderr).filter((l) => l.startsWith('pocketbook: '));
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(/card\.csv:3: layout unclear: .*amount_sign/);
    expect(countIn(t.ledger, 'SELECT count(*) FROM transactions')).toBe(0);
  });

  it('import --explain prints the profile and imports nothing; profile create --from writes one that imports the file the same', () => {
    t = tempLedger();
    const explain = t.run(['import', fx('de-soll-haben.csv'), '--explain'], { env: C });
    expect(explain.code, explain.stderr).toBe(0);
    expect(explain.stdout).toMatch(/skip_lines: 6/);
    expect(explain.stdout).not.toMatch(/TODO/);
    const created = t.run(['profile', 'create', '--from', fx('us-card-positive.csv')], { env: C });
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toBe(t.run(['import', fx('us-card-positive.csv'), '--explain'], { env: C }).stdout);
    const yaml = t.file('card.yaml');
    writeFileSync(yaml, created.stdout);
    const r = t.run(['import', fx('us-card-positive.csv'), '--account', 'Visa', '--profile', yaml], { env: C });
    expect(r.code, r.stderr).toBe(0);
    expect(sum('Visa')).toBe(-(475 + 6218 + 2399 + 4102 + 1850) + 25000 + 2399);
  });

  it('profile create: without a terminal the open question refuses (no hang); --yes takes the default', () => {
    t = tempLedger();
    const asked = t.run(['profile', 'create', '--from', fx('all-positive.csv')], { env: C, input: '' });
    expect(asked.code).toBe(1);
    expect(lines(asked.stderr).join('\n')).toMatch(/all-positive\.csv:1: layout unclear: .*amount_sign.*--yes/);
    const yes = t.run(['profile', 'create', '--from', fx('all-positive.csv'), '--yes'], { env: C });
    expect(yes.code, yes.stderr).toBe(0);
    expect(yes.stdout).toMatch(/amount_sign: invert/);
  });
});

describe('spreadsheets like CSV through the CLI', () => {
  it('a plain-layout .xlsx imports through the same layouts, dates from serials, balances reconcile', () => {
    t = tempLedger();
    const r = t.run(['import', fx('plain-layout.xlsx'), '--account', 'Sheet'], { env: C });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(/does not reconcile/);
    expect(sum('Sheet')).toBe(50000 - 4250 + 200000 - 90000);
    expect(countIn(t.ledger, "SELECT min(date) FROM transactions WHERE date = '2024-04-01'")).toBeDefined();
    expect(countIn(t.ledger, "SELECT count(*) FROM transactions WHERE date BETWEEN '2024-04-01' AND '2024-04-10'")).toBe(4);
  });
});
