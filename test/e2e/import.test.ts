import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import iconv from 'iconv-lite';
import { type TempLedger, tempLedger } from './helpers.js';

let t: TempLedger;
afterEach(() => t?.cleanup());

const HEAD = 'Date,Description,Amount\n';
function csv(name: string, rows: string[]): string {
  const file = t.file(name);
  writeFileSync(file, HEAD + rows.map((r) => `${r}\n`).join(''));
  return file;
}
function count(sql = 'SELECT count(*) AS n FROM transactions'): number {
  const db = new Database(t.ledger, { readonly: true });
  try {
    return (db.prepare(sql).get() as { n: number }).n;
  } finally {
    db.close();
  }
}
function importJson(args: string[]) {
  const r = t.run(['import', ...args, '--json']);
  return { ...r, data: r.stdout ? (JSON.parse(r.stdout) as { files: Record<string, unknown>[] }) : undefined };
}

const SEPT = ['2026-09-01,STARBUCKS #42,-35.50', '2026-09-02,HEMA FRESH,-120.00', '2026-09-03,SALARY ACME,10000.00'];

describe('pocketbook import', () => {
  it('imports a CSV, prints the JSON contract, and re-import adds 0', () => {
    t = tempLedger();
    const file = csv('card.csv', SEPT);
    const first = importJson([file, '--account', 'Visa']);
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/created account "Visa"/);
    const f = first.data!.files[0]!;
    expect(f).toMatchObject({ file, account: 'Visa', format: 'csv', rows: 3, new: 3, duplicates: 0, skipped: 0 });
    for (const key of ['profile', 'categorized', 'transfers']) expect(f).toHaveProperty(key);
    const again = importJson([file, '--account', 'Visa']);
    expect(again.data!.files[0]).toMatchObject({ rows: 3, new: 0, duplicates: 3 });
    expect(count()).toBe(3);
  });

  it('adds only new rows from an overlapping statement', () => {
    t = tempLedger();
    t.run(['import', csv('a.csv', SEPT), '--account', 'Visa']);
    const r = importJson([csv('b.csv', [...SEPT.slice(1), '2026-09-04,UBER TRIP,-23.10', '2026-09-05,NETFLIX,-68.00']), '--account', 'Visa']);
    expect(r.data!.files[0]).toMatchObject({ rows: 4, new: 2, duplicates: 2 });
    expect(count()).toBe(5);
  });

  it('counts identical rows: three in the file, two in the ledger adds one; rows of one file never collapse', () => {
    t = tempLedger();
    const same = '2026-09-07,STARBUCKS #42,-35.00';
    const two = importJson([csv('two.csv', [same, same]), '--account', 'Visa']);
    expect(two.data!.files[0]).toMatchObject({ new: 2 });
    const three = importJson([csv('three.csv', [same, '2026-09-07,starbucks   #42,-35.00', same]), '--account', 'Visa']);
    expect(three.data!.files[0]).toMatchObject({ rows: 3, new: 1, duplicates: 2 });
    expect(count()).toBe(3);
  });

  it('a bad date and a bad amount fail with FILE:LINE, exit 1, ledger unchanged; a good file in the same run imports', () => {
    t = tempLedger();
    const badDate = csv('bad-date.csv', ['2026-09-01,OK,-1.00', '2026-13-45,BROKEN,-2.00']);
    const badAmount = csv('bad-amount.csv', ['2026-09-01,OK,-1.00', '2026-09-02,ALSO OK,-3.00', '2026-09-03,BROKEN,abc']);
    const good = csv('good.csv', SEPT);
    const r = t.run(['import', badDate, good, badAmount, '--account', 'Visa']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${badDate}:3:`);
    expect(r.stderr).toContain(`${badAmount}:4:`);
    expect(r.stderr).not.toMatch(/internal error|at .*\.js:\d+/);
    expect(count()).toBe(3);
    expect(count('SELECT count(*) AS n FROM batches')).toBe(1);
  });

  it('a first import of files that cannot be opened fails per file, exit 1, and leaves no ledger behind', () => {
    t = tempLedger();
    const r = t.run(['import', t.file('missing.csv'), t.dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/missing\.csv.*no such file/);
    expect(r.stderr).toMatch(/folder/);
    expect(existsSync(t.ledger)).toBe(false);
    const good = csv('good.csv', ['2026-09-01,Coffee,-4.50']);
    const mixed = t.run(['import', good, t.file('missing.csv'), '--account', 'Card']);
    expect(mixed.code).toBe(1);
    expect(count()).toBe(1);
  });

  it('--profile reads a user layout; its bad date fails at its line while a good file imports', () => {
    t = tempLedger();
    const profile = t.file('my-bank.yaml');
    writeFileSync(profile, 'name: my-bank\ndate_format: DD/MM/YYYY\naccount_type: credit\ncolumns:\n  date: When\n  description: What\n  amount: How much\n');
    const good = t.file('good.csv');
    writeFileSync(good, 'When,What,How much\n02/09/2026,Coffee,-3.50\n03/09/2026,Lunch,-42.00\n');
    const bad = t.file('bad.csv');
    writeFileSync(bad, 'When,What,How much\n02/09/2026,Coffee,-3.50\n31/02/2026,Bad,-1.00\n');
    const r = t.run(['import', bad, good, '--profile', profile, '--account', 'Card']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${bad}:3:`);
    expect(r.stderr).toContain('31/02/2026');
    expect(r.stdout).toMatch(/profile my-bank/);
    expect(count()).toBe(2);
    const account = JSON.parse(t.run(['account', 'show', 'Card', '--json']).stdout) as { type: string };
    expect(account.type).toBe('credit');
  });

  it('--dry-run does the work and writes nothing', () => {
    t = tempLedger();
    const r = t.run(['import', csv('card.csv', SEPT), '--account', 'Visa', '--dry-run']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/dry run/);
    expect(r.stdout).toMatch(/would add 3/);
    expect(r.stderr).toMatch(/would create account "Visa"/);
    expect(count()).toBe(0);
    expect(count('SELECT count(*) AS n FROM accounts')).toBe(0);
  });

  it('asks for --account when the statement does not say, and names the header of an unknown layout', () => {
    t = tempLedger();
    const r = t.run(['import', csv('card.csv', SEPT)]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/--account/);
    const odd = t.file('odd.csv');
    writeFileSync(odd, 'Foo;Bar;Baz\n1;2;3\n');
    const u = t.run(['import', odd, '--account', 'Visa']);
    expect(u.code).toBe(1);
    expect(u.stderr).toContain('Foo;Bar;Baz');
    expect(u.stderr).toContain('profile create');
    expect(u.stderr.trim().split('\n')).toHaveLength(1);
    expect(count()).toBe(0);
  });

  it('detects GB18030 and UTF-16 text', () => {
    t = tempLedger();
    const gbk = t.file('gbk.csv');
    writeFileSync(gbk, iconv.encode('日期,摘要,金额\n2026-09-01,星巴克咖啡,-35.50\n2026-09-02,盒马鲜生,-88.00\n', 'gb18030'));
    const r1 = importJson([gbk, '--account', 'CMB']);
    expect(r1.code).toBe(0);
    expect(r1.data!.files[0]).toMatchObject({ new: 2, encoding: 'gb18030' });
    const u16 = t.file('u16.csv');
    writeFileSync(u16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${HEAD}2026-09-05,Café Été,-4.20\n`, 'utf16le')]));
    const r2 = importJson([u16, '--account', 'CMB']);
    expect(r2.data!.files[0]).toMatchObject({ new: 1, encoding: 'utf-16le' });
    const list = JSON.parse(t.run(['tx', 'list', '--json']).stdout) as { description: string }[];
    expect(list.map((e) => e.description)).toEqual(['星巴克咖啡', '盒马鲜生', 'Café Été']);
  });

  it('matches an OFX statement to an account by number suffix, or names a new one after the full number', () => {
    t = tempLedger();
    expect(t.run(['account', 'add', 'Checking', '--type', 'checking', '--number-suffix', '4321']).code).toBe(0);
    const r = importJson(['examples/cmb-checking-2026-09-10.ofx']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.data!.files[0]).toMatchObject({ account: 'Checking', format: 'ofx', new: 24 });
    expect(importJson(['examples/cmb-checking-2026-09-10.ofx']).data!.files[0]).toMatchObject({ account: 'Checking', new: 0, duplicates: 24 });
    t.cleanup();
    t = tempLedger();
    const fresh = importJson(['examples/cmb-checking-2026-09-10.ofx']);
    expect(fresh.code, fresh.stderr).toBe(0);
    expect(fresh.stderr).toMatch(/created account "CMB ••4321"/);
    expect(fresh.data!.files[0]).toMatchObject({ account: 'CMB ••4321', new: 24 });
  });

  it('import list and undo remove exactly one batch; undo refuses when notes would be lost', () => {
    t = tempLedger();
    const first = csv('a.csv', SEPT);
    t.run(['import', first, '--account', 'Visa']);
    t.run(['import', csv('b.csv', ['2026-10-01,UBER,-20.00']), '--account', 'Visa']);
    const list = JSON.parse(t.run(['import', 'list', '--json']).stdout) as Record<string, unknown>[];
    expect(list).toHaveLength(2);
    expect(list[0]).toMatchObject({ id: 1, file: 'a.csv', account: 'Visa', format: 'csv', rows: 3, new: 3, duplicates: 0 });
    expect(list[0]!.sha256).toBe(createHash('sha256').update(readFileSync(first)).digest('hex'));
    expect(list[0]).toHaveProperty('imported_at');
    const db = new Database(t.ledger);
    db.prepare("INSERT INTO notes (tx_id, text, created_at, updated_at) SELECT id, 'keep me', 'x', 'x' FROM transactions WHERE batch_id = 2").run();
    db.close();
    const refused = t.run(['import', 'undo', '2']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/1 note.*--force/);
    expect(count()).toBe(4);
    const undone = t.run(['import', 'undo', '2', '--force']);
    expect(undone.code).toBe(0);
    expect(undone.stderr).toMatch(/1 note/);
    expect(count()).toBe(3);
    // A batch whose rows were all duplicates holds no entries (and no id range); undoing it removes none.
    expect(t.run(['import', csv('c.csv', SEPT.slice(0, 2)), '--account', 'Visa']).code).toBe(0);
    const again = JSON.parse(t.run(['import', 'list', '--json']).stdout) as Record<string, unknown>[];
    expect(again.map((b) => [b.id, b.new, b.duplicates, b.entries])).toEqual([[1, 3, 0, 3], [2, 0, 2, 0]]);
    expect(t.run(['import', 'undo', '2']).code).toBe(0);
    expect(count()).toBe(3);
    expect(t.run(['import', 'undo', '1']).code).toBe(0);
    expect(count()).toBe(0);
    expect(t.run(['import', 'undo', '9']).code).toBe(1);
  });
});
