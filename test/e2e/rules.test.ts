/**
 * End to end through the built CLI (`npx tsc -p tsconfig.json` first): rules, hand-set fields,
 * rules test/apply/import/export/edit/suggest, categorize without a terminal.
 */
import { writeFileSync, chmodSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REPO_ROOT, tempLedger, type TempLedger } from './helpers.js';

const FIX = path.join(REPO_ROOT, 'test', 'fixtures', 'rules');
let t: TempLedger;

interface TxJson { id: number; description: string; merchant: string | null; category: string | null; kind: string; tags: string[] }
const list = (): TxJson[] => JSON.parse(t.run(['tx', 'list', '--json']).stdout) as TxJson[];
const byDesc = (d: string) => list().filter((x) => x.description.includes(d));
function ok(args: string[], env?: Record<string, string>) {
  const r = t.run(args, { env });
  expect(r.code, `${args.join(' ')}\n${r.stderr}`).toBe(0);
  return r;
}

beforeEach(() => {
  t = tempLedger('pb-rules-');
  ok(['import', path.join(FIX, 'card.csv'), '--account', 'Card']);
});
afterEach(() => t.cleanup());

describe('rules end to end', () => {
  it('categorizes on import with shipped defaults and clean merchants', () => {
    const sb = byDesc('STARBUCKS')[0]!;
    expect(sb.merchant).toBe('Starbucks');
    expect(sb.category).toBe('Dining:Coffee & tea');
    expect(byDesc('滴滴')[0]!.category).toBe('Transport:Taxi');
    const pay = byDesc('PAYMENT')[0]!;
    expect(pay.kind).toBe('transfer');
  });

  it('a hand-set category survives rules apply --all and re-import', () => {
    const didi = byDesc('快车')[0]!;
    ok(['tx', 'edit', String(didi.id), '--category', '旅行:酒店']);
    ok(['rules', 'add', 'Didi', '--match', 'didi|滴滴', '--category', 'Transport:Public transit']);
    const applied = ok(['rules', 'apply', '--all']);
    expect(applied.stdout).toMatch(/1 entry changed/);
    ok(['import', path.join(FIX, 'card.csv'), '--account', 'Card']);
    expect(byDesc('快车')[0]!.category).toBe('Travel:Hotels');
    expect(byDesc('专车')[0]!.category).toBe('Transport:Public transit');
  });

  it('rules test shows before → after and writes nothing', () => {
    const categoriesBefore = ok(['category', 'list', '--json']).stdout;
    const r = ok(['rules', 'test', '--match', 'didi|滴滴', '--category', 'Travel:Trains', '--format', 'csv']);
    expect(r.stdout).toMatch(/category,Transport:Taxi,Travel:Trains/);
    expect(r.stdout.trim().split('\n')).toHaveLength(3);
    expect(byDesc('滴滴').every((x) => x.category === 'Transport:Taxi')).toBe(true);
    expect(JSON.parse(ok(['rules', 'list', '--json']).stdout)).toEqual([]);
    const r2 = ok(['rules', 'test', '--match', '快车', '--category', 'Travel:Spaceships', '--json']);
    expect((JSON.parse(r2.stdout) as { total: number }).total).toBe(1);
    expect(ok(['category', 'list', '--json']).stdout).toBe(categoriesBefore);
  });

  it('an invalid rules file changes nothing and names the line', () => {
    ok(['rules', 'add', 'Keep', '--match', 'keep', '--category', 'Other']);
    const r = t.run(['rules', 'import', path.join(FIX, 'bad-rules.yaml')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bad-rules\.yaml:9: rule "Broken".*backtrack/);
    const names = (JSON.parse(ok(['rules', 'list', '--json']).stdout) as { name: string }[]).map((x) => x.name);
    expect(names).toEqual(['Keep']);
  });

  it('imports, exports (round trip), creates unknown categories and applies', () => {
    const r = ok(['rules', 'import', path.join(FIX, 'good-rules.yaml')]);
    expect(r.stderr).toMatch(/created category "Treats:Bakery"/);
    const exported = ok(['rules', 'export']).stdout;
    writeFileSync(t.file('again.yaml'), exported);
    ok(['rules', 'import', t.file('again.yaml'), '--replace']);
    expect(ok(['rules', 'export']).stdout).toBe(exported);
    ok(['rules', 'apply']);
    const bakery = byDesc('BAKERY');
    expect(bakery.map((x) => x.category)).toEqual(['Treats:Bakery', 'Treats:Bakery']);
    expect(bakery[0]!.merchant).toBe('Local Bakery');
    expect(bakery[0]!.tags).toContain('sweet');
  });

  it('rules edit keeps the old rules when the edited file is invalid', () => {
    ok(['rules', 'add', 'Keep', '--match', 'keep', '--category', 'Other']);
    const editor = t.file('editor.sh');
    writeFileSync(editor, '#!/bin/sh\nprintf "rules:\\n  - name: X\\n    match: {amount: nope}\\n    set: {category: Other}\\n" > "$1"\n');
    chmodSync(editor, 0o755);
    const r = t.run(['rules', 'edit'], { env: { EDITOR: editor, VISUAL: '' } });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/\.yaml:3: rule "X".*"nope" is not a number.*old rules were kept/);
    expect((JSON.parse(ok(['rules', 'list', '--json']).stdout) as { name: string }[]).map((x) => x.name)).toEqual(['Keep']);
    const good = t.file('editor2.sh');
    writeFileSync(good, '#!/bin/sh\nprintf "rules:\\n  - name: Y\\n    match: {description: bakery}\\n    set: {category: Other}\\n" > "$1"\n');
    chmodSync(good, 0o755);
    expect(t.run(['rules', 'edit'], { env: { EDITOR: good, VISUAL: '' } }).stdout).toMatch(/saved 1 rules/);
  });

  it('suggests rules from consistent hand-made choices', () => {
    for (const x of byDesc('BAKERY')) ok(['tx', 'edit', String(x.id), '--category', 'Dining:Snacks & bakery']);
    const r = ok(['rules', 'suggest', '--yes']);
    expect(r.stdout).toMatch(/added 1 rule/);
    const rules = JSON.parse(ok(['rules', 'list', '--json']).stdout) as { name: string; set: { category: string } }[];
    expect(rules[0]!.set.category).toBe('Dining:Snacks & bakery');
    expect(ok(['rules', 'suggest']).stdout).toMatch(/no suggestions/);
  });

  it('defaults can be switched off', () => {
    ok(['rules', 'defaults', 'off']);
    ok(['rules', 'apply', '--all']);
    expect(byDesc('STARBUCKS')[0]!.category).toBeNull();
    ok(['rules', 'defaults', 'on']);
    ok(['rules', 'apply']);
    expect(byDesc('STARBUCKS')[0]!.category).toBe('Dining:Coffee & tea');
  });

  it('categorize without a terminal exits 1 and points at tx edit and rules add', () => {
    const r = t.run(['categorize']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/tx edit/);
    expect(r.stderr).toMatch(/rules add/);
  });
});
