import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, tempLedger } from './helpers.js';
import { importRows, json } from './perks-helpers.js';

const t = tempLedger('pb-badges-');
const on = { env: { POCKETBOOK_TODAY: '2026-09-30' } };
afterAll(() => t.cleanup());

type Badge = { id: string; name: string; earned: boolean; progress: number; reason: string };
const badges = (...args: string[]) => Object.fromEntries(json<Badge[]>(t.run(['badges', ...args, '--json'], on)).map((b) => [b.id, b]));

beforeAll(() => {
  t.run(['account', 'add', 'Card', '--type', 'credit']);
  importRows(t, 'Card', 'jun.csv', [['2026-06-03', 'METRO', '-800.00']]);
  importRows(t, 'Card', 'jul.csv', [['2026-07-03', 'METRO', '-900.00'], ['2026-07-09', 'SUPERMARKET', '-100.00']]);
  importRows(t, 'Card', 'aug.csv', [['2026-08-03', 'METRO', '-700.00']]);
  // September: 10 Starbucks visits (Dining:Coffee & tea) and 5 merchants never seen before.
  const sep: [string, string, string][] = Array.from({ length: 10 }, (_, i) => [`2026-09-${String(i + 1).padStart(2, '0')}`, 'STARBUCKS COFFEE', `-${30 + i}.00`]);
  sep.push(['2026-09-20', 'HAIDILAO HOTPOT', '-300.00'], ['2026-09-21', 'DIDI TAXI', '-25.00'], ['2026-09-22', 'APPLE STORE', '-100.00'], ['2026-09-23', 'IKEA', '-50.00']);
  importRows(t, 'Card', 'sep.csv', sep);
});

describe('pocketbook badges', () => {
  it('built-in badges with their published criteria', () => {
    const b = badges('2026-09');
    expect(b['star-foodie']).toMatchObject({ name: 'Star Foodie 星级美食家', earned: true, reason: '11 dining purchases (needs 10)' });
    // September spending: 345 + 300 + 25 + 100 + 50 = 820 < mean(800, 1000, 700) = 833.33
    expect(b['savvy-spender']).toMatchObject({ earned: true, reason: 'spent 820.00 vs 3-month average 833.33' });
    expect(b['pocket-star']).toMatchObject({ earned: true, progress: 1 });
    expect(b['life-explorer']!.reason).toMatch(/^\d+ new merchants \(needs 5\)$/);
    const june = badges('2026-06');
    expect(june['pocket-star']).toMatchObject({ earned: false, reason: 'statements imported for 1 of the last 3 months' });
    expect(june['savvy-spender']).toMatchObject({ earned: false, progress: 0 });
    const help = t.run(['badges', '--help']).stdout;
    for (const name of ['Star Foodie 星级美食家', 'Life Explorer 生活探险家', 'Savvy Spender 消费小能手', 'Pocket Star 口袋星人', 'Examples:']) expect(help).toContain(name);
  });

  it('lists earned and nearly earned with why', () => {
    const out = t.run(['badges', '2026-09'], on).stdout;
    expect(out).toMatch(/Earned\n {2}★ Star Foodie 星级美食家 — 11 dining purchases \(needs 10\)/);
    const file = t.file('near.yaml');
    writeFileSync(file, 'badges:\n  - id: coffee\n    name: Coffee lover\n    when: count(merchant = "Starbucks") >= 12\n');
    expect(t.run(['badges', '2026-09', '--file', file], on).stdout).toMatch(/Nearly there\n {2}☆ Coffee lover \[████████░░\] 83%\n {6}— count\(merchant = "Starbucks"\) >= 12: 10 >= 12 ✗/);
  });

  it('custom badges from the shipped example, via --file and via the badges.file setting', () => {
    const example = path.join(REPO_ROOT, 'examples', 'badges.yaml');
    const b = badges('2026-09', '--file', example);
    expect(b['frugal-month']).toMatchObject({ earned: true, reason: 'spending < 3000: 820.00 < 3,000.00 ✓' });
    expect(b['coffee-lover']).toMatchObject({ earned: true });
    expect(t.run(['config', 'set', 'badges.file', example]).code).toBe(0);
    expect(badges('2026-09')['frugal-month']).toMatchObject({ earned: true });
    const report = json<{ badges: (Badge & { new: boolean })[] }>(t.run(['report', 'month', '2026-09', '--json'], on));
    expect(report.badges.map((x) => x.id)).toEqual(expect.arrayContaining(['star-foodie', 'frugal-month', 'coffee-lover']));
    expect(report.badges.find((x) => x.id === 'star-foodie')).toMatchObject({ earned: true, new: true });
    expect(report.badges.find((x) => x.id === 'frugal-month')).toMatchObject({ new: false }); // earned in August too
    t.run(['config', 'set', 'badges.file', t.file('none-yet.yaml')]);
  });

  it('custom badge errors are located and write nothing', () => {
    const file = t.file('bad.yaml');
    writeFileSync(file, 'badges:\n  - id: a\n    name: A\n    when: spending < 10\n  - id: b\n    name: B\n    when: count(category = Dining) > 1\n');
    const r = t.run(['badges', '--file', file], on);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`pocketbook: ${file}:7: badge "b": when: expected a "quoted" name, found "Dining" (column 18 of "count(category = Dining) > 1") (see \`pocketbook badges --help\` for the format)\n`);
    const missing = t.run(['badges'], on); // badges.file points to a file that does not exist
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/none-yet.yaml: cannot read badges file \(ENOENT\)/);
    t.run(['config', 'set', 'badges.file', '']);
  });

  it('report month --compare sets shares beside the reference profile and the 12-month average', () => {
    const r = json<{ compare: { source: string; groups: Record<string, unknown>[] }; spending: string }>(
      t.run(['report', 'month', '2026-09', '--compare', path.join(REPO_ROOT, 'examples', 'reference-household.yaml'), '--json'], on),
    );
    expect(r.spending).toBe('820.00');
    expect(r.compare.source).toMatch(/National Bureau of Statistics/);
    const g = Object.fromEntries(r.compare.groups.map((x) => [x.group, x]));
    // food: Dining 645 of 820 mapped; transport: Transport 25 (Didi); household: Shopping 150 (Apple, IKEA)
    expect(g.food).toMatchObject({ amount: '645.00', share: 0.7866, reference_share: 0.298 });
    expect(g.transport).toMatchObject({ amount: '25.00', reference_share: 0.136, average_12m: '800.00', average_share_12m: 0.96 });
    const text = t.run(['report', 'month', '2026-09', '--compare', 'examples/reference-household.yaml'], on).stdout;
    expect(text).toMatch(/Compared with China NBS 2023[\s\S]*Food, tobacco & liquor 食品烟酒\s+645.00\s+78.7%\s+29.8%\s+\+48.9 pt/);
    const bad = t.file('ref.yaml');
    writeFileSync(bad, 'name: x\nsource: y\ngroups:\n  - id: a\n    share: 100\n    categories: [Dining, Nope]\n');
    const e = t.run(['report', 'month', '--compare', bad], on);
    expect(e.code).toBe(1);
    expect(e.stderr).toBe(`pocketbook: ${bad}:6: group "a": no category named "Nope"\n`);
  });
});
