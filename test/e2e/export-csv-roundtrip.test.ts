/**
 * `export --format csv` carries what rebuilds the reports (account type, kind, category, split
 * parts, transfer links, mirrors), and importing it into an empty ledger gives the same
 * `report month` figures.
 */
import { writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { tempLedger } from './helpers.js';

interface MonthJson {
  spending: string;
  income: string;
  net: string;
  categories: unknown[];
  merchants: unknown[];
  channels: unknown[];
  trend: unknown[];
  largest: { id?: number }[];
}

const figures = (r: MonthJson) => ({
  spending: r.spending, income: r.income, net: r.net, categories: r.categories, merchants: r.merchants, channels: r.channels, trend: r.trend,
  largest: r.largest.map(({ id: _id, ...rest }) => rest),
});

describe('csv export round trip', () => {
  const a = tempLedger('pb-csv-a-');
  const b = tempLedger('pb-csv-b-');
  afterAll(() => (a.cleanup(), b.cleanup()));
  const ok = (t: typeof a, args: string[]) => {
    const r = t.run(args);
    expect(r.code, r.stderr).toBe(0);
    return r.stdout;
  };

  it('rebuilds the same month reports in an empty ledger, and a second import adds nothing', () => {
    ok(a, ['demo']);
    const list = JSON.parse(ok(a, ['tx', 'list', '--json'])) as { id: number; amount: string; kind: string }[];
    const spend = list.filter((e) => e.kind === 'expense' && Number(e.amount) < -100);
    ok(a, ['tx', 'split', String(spend[0]!.id), `Dining:Restaurants=${(-Number(spend[0]!.amount) / 2).toFixed(2)}`, `Shopping:Clothing=${(-Number(spend[0]!.amount) / 2).toFixed(2)}`]);
    ok(a, ['tx', 'edit', String(spend[1]!.id), '--kind', 'refund', '--category', 'Income:Salary']);
    ok(a, ['tx', 'edit', String(list.find((e) => e.kind === 'income')!.id), '--category', 'Gifts & red packets:Red packets']);
    ok(a, ['tx', 'tag', String(spend[2]!.id), 'trip', '出差']);
    ok(a, ['tx', 'note', String(spend[2]!.id), '=1+1, a note']);
    const csv = ok(a, ['export', '--format', 'csv']);
    expect(csv).toMatch(new RegExp(`^${spend[0]!.id},.*\\n,.*,Dining:Restaurants,.*,${spend[0]!.id},1,,\\n,.*,Shopping:Clothing,.*,${spend[0]!.id},2,,$`, 'm'));
    expect(csv).toMatch(/^\d+,.*,transfer,.*,\d+,$/m); // a linked transfer names its partner
    const file = a.file('export.csv');
    writeFileSync(file, csv);
    const imported = JSON.parse(ok(b, ['import', file, '--json'])) as { files: { new: number; format: string }[] };
    expect(imported.files[0]).toMatchObject({ format: 'pocketbook-csv' });
    for (const month of ['2026-09', '2026-10']) {
      const want = figures(JSON.parse(ok(a, ['report', 'month', month, '--json'])) as MonthJson);
      expect(figures(JSON.parse(ok(b, ['report', 'month', month, '--json'])) as MonthJson), month).toEqual(want);
    }
    const again = JSON.parse(ok(b, ['import', file, '--json'])) as { files: { new: number; duplicates: number }[] };
    expect(again.files[0]).toMatchObject({ new: 0 });
    const tagged = JSON.parse(ok(b, ['tx', 'list', '--tag', '出差', '--json'])) as { notes: string[]; tags: string[] }[];
    expect(tagged[0]).toMatchObject({ notes: ['=1+1, a note'], tags: ['trip', '出差'].sort() });
  });

  it('reads mirrors back: a card row mirroring a wallet purchase is counted once', () => {
    const t = tempLedger('pb-csv-m-');
    const head = 'id,date,amount,currency,account,description,merchant,category,kind,channel,tags,notes,account_type,split_of,split_part,link,mirror_of';
    const file = t.file('mirror.csv');
    writeFileSync(file, `${head}
7,2026-09-03,-35.00,CNY,Wallet,Coffee,Cafe,Dining:Coffee & tea,expense,alipay,,,wallet,,,,
9,2026-09-03,-35.00,CNY,Card,ALIPAY COFFEE,Cafe,Dining:Coffee & tea,expense,card,,,credit,,,,7
`);
    ok(t, ['import', file]);
    const broken = t.file('broken.csv');
    writeFileSync(broken, `${head}\n8,2026-09-04,-1.00,CNY,Wallet,Tea,,,expense,alipay,,,wallet,,,,\n10,2026-13-04,-1.00,CNY,Wallet,Tea,,,expense,alipay,,,wallet,,,,\n`);
    const refused = t.run(['import', broken]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/broken\.csv:3: date "2026-13-04"/);
    const r = JSON.parse(ok(t, ['report', 'month', '2026-09', '--json'])) as MonthJson;
    expect(r.spending).toBe('35.00');
    expect(ok(t, ['export', '--format', 'csv'])).toMatch(/^2,.*,credit,,,,1$/m);
    t.cleanup();
  });
});
