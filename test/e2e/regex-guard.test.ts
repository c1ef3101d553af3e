/**
 * Issue 23 point 5 end to end: every user regex — profile stop_at / ignore_rows / row_pattern,
 * rules from a file, `rules add`, and rules already stored in a ledger — goes through the
 * backtracking guard. A refused pattern is one located line naming the field and the pattern,
 * exit 1, and the ledger is left exactly as it was.
 */
import Database from 'better-sqlite3';
import { chmodSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { logicalHash } from '../../src/bench/inspect.js';
import { tempLedger, type CliResult, type TempLedger } from './helpers.js';

let t: TempLedger;
const STATEMENT = 'Date,Description,Amount\n2026-09-02,Coffee,-3.50\n2026-09-03,Lunch,-12.00\nSummary follows,,\nnot,a,row\n';

function profile(extra: string, header = true): string {
  const file = t.file('evil.yaml');
  const columns = header ? '  date: Date\n  description: Description\n  amount: Amount\n' : '  date: 0\n  description: 1\n  amount: 2\n';
  writeFileSync(file, `name: evil\ndate_format: YYYY-MM-DD\n${header ? '' : 'header: false\n'}columns:\n${columns}${extra}`);
  return file;
}

/** The single stderr line of a refusal. */
function refusal(r: CliResult): string {
  expect(r.code).toBe(1);
  const lines = r.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
  return lines[0]!;
}

beforeEach(() => {
  t = tempLedger('pb-regex-');
  writeFileSync(t.file('first.csv'), 'Date,Description,Amount\n2026-08-01,Rent,-900.00\n');
  expect(t.run(['import', t.file('first.csv'), '--account', 'Card']).code).toBe(0);
  writeFileSync(t.file('s.csv'), STATEMENT);
});
afterEach(() => t.cleanup());

describe('profile regexes are checked when the profile is read', () => {
  it.each([
    ['stop_at', 'stop_at:\n  - "^Summary"\n  - "[^](a+)+"\n', 9, 'stop_at[1]', true],
    ['ignore_rows', 'ignore_rows:\n  - ".*.*.*.*.*.*.*.*="\n', 8, 'ignore_rows[0]', true],
    ['row_pattern', 'row_pattern:\n  - "^\\\\d{4}-\\\\d{2}-\\\\d{2}$"\n  - "(\\\\w+\\\\s?)*$"\n', 10, 'row_pattern[1]', false],
  ] as const)('a hostile %s refuses the import at its line, ledger unchanged', (_field, yaml, line, label, header) => {
    const file = profile(yaml, header);
    const before = logicalHash(t.ledger);
    const msg = refusal(t.run(['import', t.file('s.csv'), '--profile', file, '--account', 'Card']));
    expect(msg).toContain(`${file}:${line}:`);
    expect(msg).toContain(label);
    expect(msg).toMatch(/backtrack/);
    expect(logicalHash(t.ledger)).toBe(before);
  });

  it('a profile whose patterns are ordinary imports, and its stop_at still ends the data', () => {
    const without = profile('ignore_rows:\n  - "^\\\\s*$"\n');
    expect(t.run(['import', t.file('s.csv'), '--profile', without, '--account', 'Card']).code).toBe(1);
    const file = profile('stop_at:\n  - "^Summary"\nignore_rows:\n  - "^\\\\s*$"\n');
    const r = t.run(['import', t.file('s.csv'), '--profile', file, '--account', 'Card', '--json']);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { files: { new: number }[] }).files[0]!.new).toBe(2);
  });
});

describe('rule regexes are checked wherever rules come from', () => {
  it('rules import: a polynomial pattern is one located line naming the rule, nothing written', () => {
    writeFileSync(t.file('rules.yaml'), 'rules:\n  - name: Ok\n    match:\n      description: amazon.*prime\n    set:\n      category: Other\n  - name: Eq\n    match:\n      description: ".*.*.*.*.*.*.*.*="\n    set:\n      category: Other\n');
    const before = logicalHash(t.ledger);
    const msg = refusal(t.run(['rules', 'import', t.file('rules.yaml')]));
    expect(msg).toContain(`${t.file('rules.yaml')}:9:`);
    expect(msg).toContain('rule "Eq": match.description ".*.*.*.*.*.*.*.*="');
    expect(msg).toMatch(/polynomial.*bounded repeat like \.\{0,40\}/);
    expect(logicalHash(t.ledger)).toBe(before);
  });

  it('rules add refuses the [^] bypass and a nested repetition on the merchant', () => {
    const before = logicalHash(t.ledger);
    expect(refusal(t.run(['rules', 'add', 'Evil', '--match', '[^](a+)+]', '--category', 'Other']))).toMatch(/rule "Evil".*exponential/);
    expect(refusal(t.run(['rules', 'add', 'Evil', '--match-merchant', '(?:a|b?)+$', '--category', 'Other']))).toMatch(/match\.merchant/);
    expect(logicalHash(t.ledger)).toBe(before);
    expect(t.run(['rules', 'add', 'Fine', '--match', 'a\\k<b|uber.*trip', '--category', 'Other']).code).toBe(0);
  });

  it('rules edit: a polynomial pattern in the edited file keeps the old rules', () => {
    expect(t.run(['rules', 'add', 'Keep', '--match', 'keep', '--category', 'Other']).code).toBe(0);
    const editor = t.file('editor.sh');
    const yaml = String.raw`rules:
  - name: X
    match:
      description: '\s*\s*x'
    set:
      category: Other`;
    writeFileSync(editor, `#!/bin/sh\ncat > "$1" <<'EOF'\n${yaml}\nEOF\n`);
    chmodSync(editor, 0o755);
    const r = t.run(['rules', 'edit'], { env: { EDITOR: editor, VISUAL: '' } });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/\.yaml:4: rule "X": match\.description "\\s\*\\s\*x" can backtrack.*polynomial/);
    const list = JSON.parse(t.run(['rules', 'list', '--json']).stdout) as { name: string }[];
    expect(list.map((x) => x.name)).toEqual(['Keep']);
  });

  it('a rule stored by an older version is checked again before an import uses it', () => {
    expect(t.run(['rules', 'add', 'Old', '--match', 'coffee.*', '--category', 'Other']).code).toBe(0);
    const db = new Database(t.ledger);
    db.prepare('UPDATE rules SET match_json = ? WHERE name = ?').run(JSON.stringify({ description: '\\s*\\s*\\s*$' }), 'Old');
    db.close();
    writeFileSync(t.file('sept.csv'), 'Date,Description,Amount\n2026-09-02,Coffee,-3.50\n');
    const before = logicalHash(t.ledger);
    const msg = refusal(t.run(['import', t.file('sept.csv'), '--account', 'Card']));
    expect(msg).toContain('rule "Old": match.description "\\s*\\s*\\s*$"');
    expect(msg).toMatch(/rules edit/);
    expect(msg).not.toContain('sept.csv'); // refused before the file is read, not at some row
    expect(logicalHash(t.ledger)).toBe(before);
  });
});
