import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PocketbookError, formatError } from '../../src/core/errors.js';
import { loadProfile, parseProfileText, validateProfile } from '../../src/import/profile-load.js';
import { builtinProfiles, findProfile } from '../../src/import/profiles/index.js';
import { draftProfile } from '../../src/app/import/profiles.js';
import { readCsv } from './csv-helpers.js';

function profileError(text: string): PocketbookError {
  try {
    parseProfileText(text, 'my.yaml');
  } catch (err) {
    if (err instanceof PocketbookError) return err;
    throw err;
  }
  throw new Error('expected a PROFILE error');
}

const GOOD = `name: my-bank
encoding: gb18030
delimiter: ","
skip_lines: 3
header_contains: ["交易日", "人民币金额"]
date_format: "YYYY-MM-DD"
columns:
  date: "交易日"
  description: ["交易摘要", "对方户名"]
  amount: "人民币金额"
  currency: null
skip_status: []
amount_sign: invert
stop_at_blank_line: true
`;

describe('user profiles', () => {
  it('reads the SPEC example', () => {
    const profile = parseProfileText(GOOD, 'my.yaml');
    expect(profile).toMatchObject({ name: 'my-bank', skip_lines: 3, amount_sign: 'invert', columns: { date: '交易日', amount: '人民币金额' } });
    expect(profile.columns.currency).toBeUndefined();
  });

  it('reads JSON profiles too', () => {
    const json = JSON.stringify({ name: 'j', columns: { date: 0, description: 1, debit: 2, credit: 3 }, header: false });
    expect(parseProfileText(json, 'p.json').columns.debit).toBe(2);
  });

  it.each([
    [`name: x\ncolumns:\n  date: D\n  description: T\n  amout: A\n`, 5, /unknown field "amout" in columns/],
    [`name: x\nskip_line: 2\ncolumns:\n  date: D\n  description: T\n  amount: A\n`, 2, /unknown field "skip_line"/],
    [`name: x\ncolumns:\n  description: T\n  amount: A\n`, 2, /columns.date is missing/],
    [`name: x\ncolumns:\n  date: D\n  amount: A\n`, 2, /columns.description is missing/],
    [`name: x\ncolumns:\n  date: D\n  description: T\n`, 2, /no amount rule/],
    [`name: x\ndate_format: "YYYY-QQ-DD"\ncolumns:\n  date: D\n  description: T\n  amount: A\n`, 2, /date_format "YYYY-QQ-DD"/],
    [`name: x\ndate_format: "YYYY"\ncolumns:\n  date: D\n  description: T\n  amount: A\n`, 2, /needs a month/],
    [`name: x\ndecimal: ";"\ncolumns:\n  date: D\n  description: T\n  amount: A\n`, 2, /decimal must be one of/],
    [`name: x\nencoding: klingon\ncolumns:\n  date: D\n  description: T\n  amount: A\n`, 2, /unknown encoding/],
    [`name: x\nheader: false\ncolumns:\n  date: Date\n  description: 1\n  amount: 2\n`, 4, /0-based column number/],
    [`name: x\ncolumns:\n  date: D\n  description: T\n  amount: A\n  direction: {column: X, out: [a], in: [b], sideways: [c]}\n`, 6, /unknown field "sideways"/],
    [`name: x\ncolumns: [1, 2\n`, 3, /./],
  ])('rejects a bad profile with a located PROFILE error (%#)', (text, line, message) => {
    const err = profileError(text);
    expect(err.code).toBe('PROFILE');
    expect(err.message).toMatch(message);
    expect(err.location).toEqual({ file: 'my.yaml', line });
    expect(formatError(err)).toMatch(new RegExp(`^my\\.yaml:${line}: `));
  });

  it('loads a built-in by name, a file by path, and names both in the error otherwise', async () => {
    expect((await loadProfile('revolut')).name).toBe('revolut');
    const dir = mkdtempSync(path.join(tmpdir(), 'pb-profile-'));
    const file = path.join(dir, 'bank.yaml');
    writeFileSync(file, 'columns:\n  date: Date\n  description: Memo\n  amount: Amt\ndate_format: DD/MM/YYYY\n');
    const loaded = await loadProfile(file);
    expect(loaded.name).toBe('bank');
    const { rows } = await readCsv('Date,Memo,Amt\n31/01/2026,x,-2.50\n', { profile: loaded });
    expect(rows[0]).toMatchObject({ date: '2026-01-31', amount: -250 });
    await expect(loadProfile('no-such-profile')).rejects.toThrow(/no built-in profile or profile file/);
  });

  it('every built-in profile passes the same validation as user profiles and has a unique name', () => {
    for (const profile of builtinProfiles) expect(validateProfile(JSON.parse(JSON.stringify(profile)), profile.name)).toEqual(profile);
    expect(new Set(builtinProfiles.map((p) => p.name)).size).toBe(builtinProfiles.length);
    expect(findProfile('GENERIC')?.name).toBe('generic');
  });

  it('drafts a starter profile from a CSV header that reads the file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pb-draft-'));
    const csv = path.join(dir, 'bank.csv');
    writeFileSync(csv, 'My Bank export\n\nBuchungstag;Verwendungszweck;Betrag\n15.09.2026;Miete;-800,00\n16.09.2026;Gehalt;2.500,00\n');
    const yaml = await draftProfile(csv);
    expect(yaml).toMatch(/date_format: "?DD\.MM\.YYYY"?/);
    expect(yaml).toContain('decimal: ","');
    expect(yaml).not.toContain('TODO');
    const profile = parseProfileText(yaml, 'draft.yaml');
    const { rows } = await readCsv('My Bank export\n\nBuchungstag;Verwendungszweck;Betrag\n15.09.2026;Miete;-800,00\n16.09.2026;Gehalt;2.500,00\n', { profile });
    expect(rows.map((r) => r.amount)).toEqual([-80000, 250000]);
  });
});
