/**
 * Issue 30's open points through the built CLI: a profile's `sheet:` and the first sheet with data,
 * saved profiles for `--profile NAME`, `profile create --from` a workbook, `import --type`,
 * `--date-format`, the statement year anchor and the file's own decimal mark on the generic CSV
 * path, QIF/OFX amounts rounded with a warning, .xls files over 64 KiB, and a QIF whose dates do
 * not settle day-first vs month-first. Fixtures: test/fixtures/unseen/.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO_ROOT, type TempLedger, tempLedger } from './helpers.js';
import { countIn } from './reconcile-helpers.js';
import { biffStream, xlsOf } from '../../src/bench/workbooks.js';

const fx = (name: string) => path.join(REPO_ROOT, 'test', 'fixtures', 'unseen', name);
let t: TempLedger;
afterEach(() => t?.cleanup());
const C = { LANG: 'C.UTF-8', LC_ALL: undefined, LC_MONETARY: undefined };
const sum = (account: string) => countIn(t.ledger, `SELECT coalesce(sum(t.amount), 0) FROM transactions t JOIN accounts a ON a.id = t.account_id WHERE a.name = '${account}'`);
const dates = (account: string) =>
  String(countIn(t.ledger, `SELECT group_concat(d, ' ') FROM (SELECT t.date AS d FROM transactions t JOIN accounts a ON a.id = t.account_id WHERE a.name = '${account}' ORDER BY t.date)`));
const errors = (stderr: string) => stderr.split('\n').filter((l) => l.startsWith('pocketbook: '));
const entries = () => countIn(t.ledger, 'SELECT count(*) FROM transactions');

describe('workbooks: sheet:, the first sheet with data, profile create', () => {
  it('the first sheet with data is read when the first tab is empty; profile create names the sheet and imports the same', () => {
    t = tempLedger();
    const r = t.run(['import', fx('empty-first.xlsx'), '--account', 'Cheque'], { env: C });
    expect(r.code, r.stderr).toBe(0);
    expect(sum('Cheque')).toBe(-450 + 250000 - 6215 - 1280);
    const created = t.run(['profile', 'create', '--from', fx('empty-first.xlsx')], { env: C });
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toMatch(/^sheet: Transactions$/m);
    expect(created.stdout).not.toMatch(/TODO/);
    const yaml = t.file('wb.yaml');
    writeFileSync(yaml, created.stdout);
    const again = t.run(['import', fx('empty-first.xlsx'), '--account', 'Second', '--profile', yaml], { env: C });
    expect(again.code, again.stderr).toBe(0);
    expect(sum('Second')).toBe(sum('Cheque'));
  });

  it('a profile naming the sheet imports it; an unknown sheet is one line listing the sheets, nothing written', () => {
    t = tempLedger();
    // The first sheet with data is a summary, no statement: the sheet has to be named.
    expect(t.run(['import', fx('sheets.xlsx'), '--account', 'Giro'], { env: C }).code).toBe(1);
    const created = t.run(['profile', 'create', '--from', fx('sheets.xlsx'), '--sheet', 'Buchungen'], { env: C });
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toMatch(/^sheet: Buchungen$/m);
    const yaml = t.file('giro.yaml');
    writeFileSync(yaml, created.stdout);
    const r = t.run(['import', fx('sheets.xlsx'), '--account', 'Giro', '--profile', yaml], { env: C });
    expect(r.code, r.stderr).toBe(0);
    expect(sum('Giro')).toBe(-8400 + 245000 - 5623 - 1990);
    const byNumber = t.file('by-number.yaml');
    writeFileSync(byNumber, created.stdout.replace(/^sheet: Buchungen$/m, 'sheet: 2'));
    expect(t.run(['import', fx('sheets.xlsx'), '--account', 'Giro', '--profile', byNumber], { env: C }).code).toBe(0);
    const wrong = t.file('wrong.yaml');
    writeFileSync(wrong, created.stdout.replace(/^sheet: Buchungen$/m, 'sheet: Umsätze'));
    const before = entries();
    const bad = t.run(['import', fx('sheets.xlsx'), '--account', 'Giro', '--profile', wrong], { env: C });
    expect(bad.code).toBe(1);
    expect(errors(bad.stderr)).toHaveLength(1);
    expect(errors(bad.stderr)[0]).toMatch(/sheets\.xlsx: the workbook has no sheet "Umsätze"; its sheets: 1 "Übersicht", 2 "Buchungen"/);
    expect(entries()).toBe(before);
  });

  it('an .xls over 64 KiB is detected as a workbook and imported', () => {
    t = tempLedger();
    const rows = [
      ['Date', 'Description', 'Amount', 'Balance'],
      ['2024-05-02', 'Coffee House', '-4.50', '995.50'],
      ['2024-05-03', 'Salary', '2500.00', '3495.50'],
      ['2024-05-07', 'Grocer', '-62.15', '3433.35'],
    ];
    const stream = biffStream(rows);
    // Empty records after the sheet pad the workbook stream to 126 sectors (xlsOf's most): the file ends past 64 KiB.
    const pad = Buffer.alloc(126 * 512 - stream.length);
    const file = t.file('big.xls');
    writeFileSync(file, xlsOf(rows, Buffer.concat([stream, pad])));
    expect(readFileSync(file).length).toBeGreaterThan(64 * 1024);
    const r = t.run(['import', file, '--account', 'Big'], { env: C });
    expect(r.code, r.stderr).toBe(0);
    expect(sum('Big')).toBe(-450 + 250000 - 6215);
  });
});

describe('--profile NAME, --type, --date-format', () => {
  it('profile create --save, then --profile NAME; an unknown name says which names exist', () => {
    t = tempLedger();
    const saved = t.run(['profile', 'create', '--from', fx('de-soll-haben.csv'), '--save', 'giro'], { env: C });
    expect(saved.code, saved.stderr).toBe(0);
    expect(saved.stderr).toContain(path.join(t.configDir, 'profiles', 'giro.yaml'));
    expect(readFileSync(path.join(t.configDir, 'profiles', 'giro.yaml'), 'utf8')).toMatch(/^name: "giro"$/m);
    const r = t.run(['import', fx('de-soll-haben.csv'), '--account', 'Giro', '--profile', 'giro'], { env: C });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/profile giro/);
    expect(sum('Giro')).toBe(-8400 + 245000 - 5623 - 1990 + 10000 - 95000);
    expect(t.run(['profile', 'list'], { env: C }).stdout).toMatch(/^giro\s/m);
    const unknown = t.run(['import', fx('de-soll-haben.csv'), '--profile', 'girp'], { env: C });
    expect(unknown.code).toBe(1);
    expect(errors(unknown.stderr)).toHaveLength(1);
    expect(errors(unknown.stderr)[0]).toMatch(/no profile named "girp" \(saved profiles: giro; built-in profiles: .*generic/);
    const twice = t.run(['profile', 'create', '--from', fx('de-soll-haben.csv'), '--save', 'giro'], { env: C });
    expect(twice.code).toBe(1);
    expect(errors(twice.stderr)[0]).toMatch(/already exists/);
  });

  it('--type forces the reader where detection cannot tell (a QIF after a text line, named .txt); an unknown type lists the known', () => {
    t = tempLedger();
    const plain = t.run(['import', fx('bank-export.txt'), '--account', 'Q'], { env: C });
    expect(plain.code).toBe(1);
    expect(errors(plain.stderr)[0]).toMatch(/unknown statement layout/);
    const r = t.run(['import', fx('bank-export.txt'), '--account', 'Q', '--type', 'qif'], { env: C });
    expect(r.code, r.stderr).toBe(0);
    expect(sum('Q')).toBe(-2340 + 210000);
    expect(dates('Q')).toBe('2024-05-02 2024-05-20');
    const bad = t.run(['import', fx('bank-export.txt'), '--type', 'pdf'], { env: C });
    expect(bad.code).toBe(1);
    expect(errors(bad.stderr)).toEqual([expect.stringMatching(/unknown --type "pdf" \(known types: ofx, csv, .*qif, camt.*xlsx, xls\)/)]);
  });

  it('a day-first QIF whose days are all ≤ 12 is refused with the fix; --date-format DD/MM/YY imports it', () => {
    t = tempLedger();
    const r = t.run(['import', fx('day-first-low.qif'), '--account', 'Compte'], { env: C });
    expect(r.code).toBe(1);
    expect(errors(r.stderr)).toHaveLength(1);
    expect(errors(r.stderr)[0]).toMatch(/day-first-low\.qif:2: .*"03\/04\/21" is 2021-04-03 or 2021-03-04.*--date-format DD\/MM\/YY/);
    expect(entries()).toBe(0);
    const ok = t.run(['import', fx('day-first-low.qif'), '--account', 'Compte', '--date-format', 'DD/MM/YY'], { env: C });
    expect(ok.code, ok.stderr).toBe(0);
    expect(dates('Compte')).toBe('2021-04-03 2021-04-05 2021-04-11');
    expect(sum('Compte')).toBe(-4500 + 180000 - 1250);
  });

  it('--date-format settles a CSV the file cannot; a bad one is refused', () => {
    t = tempLedger();
    const r = t.run(['import', fx('day-month-unclear.csv'), '--account', 'N', '--date-format', 'DD/MM/YYYY'], { env: C });
    expect(r.code, r.stderr).toBe(0);
    expect(dates('N')).toBe('2020-06-05 2020-07-01');
    const bad = t.run(['import', fx('day-month-unclear.csv'), '--date-format', 'YYYY'], { env: C });
    expect(bad.code).toBe(1);
    expect(errors(bad.stderr)[0]).toMatch(/--date-format "YYYY" is not a date format with a day and a month/);
  });
});

describe('the generic CSV path and QIF/OFX amounts', () => {
  it('dates with no year take it from the file name: a December row in a January statement is the year before', () => {
    t = tempLedger();
    const r = t.run(['import', fx('kontoauszug-2021-01.csv'), '--account', 'Giro'], { env: C });
    expect(r.code, r.stderr).toBe(0);
    expect(dates('Giro')).toBe('2020-12-28 2020-12-30 2021-01-03 2021-01-15');
  });

  it('the decimal mark is settled by the amounts (1.250.000 groups); amounts that read both ways are refused with the question', () => {
    t = tempLedger();
    const r = t.run(['import', fx('idr-grouping.csv'), '--account', 'BCA'], { env: C });
    expect(r.code, r.stderr).toBe(0);
    expect(sum('BCA')).toBe((-1250000 + 12500000 - 325500 - 100000) * 100);
    const unclear = t.run(['import', fx('decimal-unclear.csv'), '--account', 'D'], { env: C });
    expect(unclear.code).toBe(1);
    expect(errors(unclear.stderr)).toEqual([expect.stringMatching(/decimal-unclear\.csv: .*does "\." in "-1\.250" separate thousands or decimals\?/)]);
    expect(entries()).toBe(4);
  });

  it('QIF and OFX amounts with more decimals than the currency keeps: rounded half-even with the CSV warning, not refused', () => {
    t = tempLedger();
    const q = t.run(['import', fx('precision.qif'), '--account', 'Q'], { env: { ...C, LANG: 'en_US.UTF-8' } });
    expect(q.code, q.stderr).toBe(0);
    expect(q.stderr).toContain('precision.qif:3: amount has more decimals than USD keeps; rounded half-even to the minor unit');
    expect(sum('Q')).toBe(-346 + 10000 - 100);
    const o = t.run(['import', fx('precision.ofx')], { env: C });
    expect(o.code, o.stderr).toBe(0);
    expect(o.stderr).toContain('precision.ofx:17: amount has more decimals than USD keeps; rounded half-even to the minor unit');
    expect(o.stderr).toMatch(/precision\.ofx: 1 more row rounded the same way/);
    expect(countIn(t.ledger, "SELECT coalesce(sum(t.amount), 0) FROM transactions t JOIN accounts a ON a.id = t.account_id WHERE a.currency = 'USD' AND a.name <> 'Q'")).toBe(-1234 + 25000 + 0);
  });
});
