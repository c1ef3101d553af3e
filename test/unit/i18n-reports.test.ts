/**
 * Issue 24 points 1–4 for the reports: on report models built from the fixture ledger, the month
 * report, year report, rank, trend, net worth and budgets read in Chinese under zh (headings,
 * labels, column names, channel names, natural months and days, tables aligned with wide
 * characters) and as before under en; JSON never changes with the locale.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Context } from '../../src/core/context.js';
import { type Locale, setLocale, withLocale } from '../../src/core/i18n.js';
import { monthReport } from '../../src/app/reports/report-month.js';
import { yearReport } from '../../src/app/reports/report-year.js';
import { rankReportView, trendReportView } from '../../src/app/reports/report-rank.js';
import { netWorthReportView } from '../../src/app/reports/report-networth.js';
import { monthReportJson } from '../../src/reports/month.js';
import { yearReportJson } from '../../src/reports/year.js';
import { rankReportJson } from '../../src/reports/rank.js';
import { budgetStatus } from '../../src/reports/perks/budget.js';
import { monthDocument } from '../../src/render/report-views.js';
import { yearDocument } from '../../src/render/year-views.js';
import { rankDocument, trendDocument } from '../../src/render/rank-views.js';
import { netWorthDocument } from '../../src/render/networth-views.js';
import { type Document, renderTerminal } from '../../src/render/document.js';
import { renderCsvDocument, renderMarkdownDocument } from '../../src/render/document-text.js';
import { textWidth } from '../../src/render/width.js';
import { budgetLines } from '../../src/cli/views/budgets-view.js';
import { buildFixtureLedger } from './reports/fixture-ledger.js';

let fixture: { db: { close(): void }; file: string; dir: string };
/** The badges and card-benefits sections belong to issue 25 (another area): left out here, as in the goldens. */
const withoutPerks = <R extends { extras: unknown }>(r: R): R => ({ ...r, extras: { budgets: [], benefits: [], badges: [] } });
/** A context in `locale`, which also becomes the run's language, as the CLI sets both (main.ts, runtime.ts). */
const ctxFor = (locale: Locale, today = '2026-11-15'): Context => (setLocale(locale), {
  ledgerPath: fixture.file,
  today,
  settings: { currency: 'CNY', locale, color: false },
  io: { out: () => {}, err: () => {} },
  interactive: false,
  debug: false,
});

beforeAll(() => {
  fixture = buildFixtureLedger();
  fixture.db.close();
});
afterAll(() => rmSync(fixture.dir, { recursive: true, force: true }));
afterAll(() => setLocale('en'));

/** Names from the fixture's data (merchants, accounts), currency codes and flags: allowed in zh text. */
const DATA_WORDS = ['Apple Store', 'ACME Corp', 'Starbucks', 'Landlord', 'Costco', 'CMB Card', 'Checking', 'Alipay', 'Chase', 'CNY', 'USD', '--currency'];

/** Runs of 3+ ASCII letters left in a zh text once the data's own words are taken out. */
function englishLeft(text: string): string[] {
  let rest = text;
  for (const word of DATA_WORDS) rest = rest.split(word).join(' ');
  return rest.match(/[A-Za-z]{3,}/g) ?? [];
}

/** Every output a person reads: terminal, Markdown and CSV. */
const allText = (doc: Document): string => `${renderTerminal(doc)}\n${renderMarkdownDocument(doc)}\n${renderCsvDocument(doc)}`;

/** The lines of one terminal table (from its title to the blank line after it). */
function tableLines(text: string, title: string): string[] {
  const start = text.split('\n').indexOf(title);
  expect(start, title).toBeGreaterThanOrEqual(0);
  const lines = text.split('\n').slice(start + 1);
  return lines.slice(0, lines.indexOf(''));
}

describe('report month in Chinese', () => {
  it('headings, labels, columns, channels and placeholder names are Chinese; months and days read naturally', async () => {
    const r = withoutPerks(await monthReport(ctxFor('zh'), { month: '2026-10' }));
    const doc = withLocale('zh', () => monthDocument(r));
    const text = withLocale('zh', () => renderTerminal(doc));
    expect(text).toContain('消费月报 2026年10月 · CNY');
    for (const label of ['支出', '收入', '结余', '较2026年9月', '较近6个月平均', '净资产', '9月30日 周三', '10月31日 周六', '本期还有其他币种：USD']) expect(text).toContain(label);
    for (const heading of ['支出分类', '商户消费金额排行', '最常消费的商户', '支付渠道', '近6个月收支', '信用卡本期账单', '大额支出', '本月新商户']) expect(text).toContain(heading);
    for (const name of ['银行卡', '支付宝', '微信支付', '转账', '未知渠道', '未分类', '（无商户）', '购物', '旅行（退款多于支出）']) expect(text).toContain(name);
    expect(text).toMatch(/排名\s+分类\s+金额\s+占比\s+笔数/);
    expect(text).toContain('10月14日 周三'); // largest entries
    expect(text).toContain('10月6日 周二 → 11月5日 周四'); // the card's cycle
    expect(text).toContain('本月退款多于消费的分类：旅行');
    const md = withLocale('zh', () => renderMarkdownDocument(doc));
    expect(md).toContain('| 月份 | 支出 | 收入 |');
    expect(md).toContain('| 2026年5月 | 6635.00 | 15000.00 |');
    expect(englishLeft(withLocale('zh', () => allText(doc)))).toEqual([]);
  });

  it('CSV: headers in Chinese, cells keep ISO dates and plain numbers', async () => {
    const r = await monthReport(ctxFor('zh'), { month: '2026-10' });
    const csv = withLocale('zh', () => renderCsvDocument(monthDocument(r)));
    expect(csv).toContain('概要,数值\n支出,11840.00\n收入,15000.00\n结余,3160.00\n较2026-09,4805.00\n');
    expect(csv).toContain('\n2026-10-14,5999.00,苹果,购物:数码电器,CMB Card,35\n');
    expect(csv).toContain('月份,支出,收入\n2026-05,6635.00,15000.00\n');
  });

  it('tables stay aligned with wide characters', async () => {
    const r = await monthReport(ctxFor('zh'), { month: '2026-10' });
    const text = withLocale('zh', () => renderTerminal(monthDocument(r)));
    // Right-aligned last column: every line of the table ends at the same display column.
    for (const title of ['商户消费金额排行', '本月新商户', '大额支出']) {
      const widths = new Set(tableLines(text, title).map(textWidth));
      expect(widths.size, title).toBe(1);
    }
  });

  it('English stays as it was (month and day labels excepted), and JSON is the same in both', async () => {
    const r = await monthReport(ctxFor('en'), { month: '2026-10' });
    const text = withLocale('en', () => renderTerminal(monthDocument(r)));
    expect(text).toContain('Spending report Oct 2026 · CNY');
    for (const label of ['Top merchants by amount', 'Payment channels', 'Uncategorized', '(no merchant)', 'bank_transfer', 'Travel (refunds exceed spending)', 'at Wed 30 Sep']) expect(text).toContain(label);
    expect(englishLeft(text).length).toBeGreaterThan(20);
    const json = (locale: Locale) => withLocale(locale, () => JSON.stringify(monthReportJson(r)));
    expect(json('zh')).toBe(json('en'));
    expect(json('zh')).toContain('"channel":"bank_transfer"');
    expect(json('zh')).toContain('"category":"Uncategorized"');
  });

  it('a month in progress: so far to today, the same days of the month before', async () => {
    const r = await monthReport(ctxFor('zh', '2026-10-22'), { month: '2026-10' });
    const text = withLocale('zh', () => renderTerminal(monthDocument(r)));
    expect(text).toContain('消费月报 2026年10月（截至10月22日 周四） · CNY');
    expect(text).toContain('较2026年9月同期（1–22日）');
    expect(text).toContain('较2026年9月（全月）');
  });
});

describe('report year in Chinese', () => {
  it('reads as an annual bill: natural months and weekdays, no English left', () => {
    const r = yearReport(ctxFor('zh'), { year: '2026' });
    const doc = withLocale('zh', () => yearDocument(r));
    const text = withLocale('zh', () => renderTerminal(doc));
    expect(text).toContain('年度账单 2026年（截至目前） · CNY');
    for (const label of ['净结余', '储蓄率', '支出较2025年', '支出最多的月份', '2026年10月（11,840.00）', '支出最多的星期', '周三（13,269.00，7 笔）', '最常消费的商户', '星巴克（', '单笔最大支出', '10月14日 周三 Apple Store 5,999.00', '逐月收支', '支出分类排行', '商户排行']) {
      expect(text).toContain(label);
    }
    expect(text).toContain('2025年12月31日 周三'); // net worth the day before the year: its year is said
    expect(englishLeft(withLocale('zh', () => allText(doc)))).toEqual([]);
    expect(withLocale('zh', () => JSON.stringify(yearReportJson(r)))).toContain('"weekday":"Wednesday"');
  });

  it('English keeps its words', () => {
    const text = withLocale('en', () => renderTerminal(yearDocument(yearReport(ctxFor('en'), { year: '2026' }))));
    expect(text).toContain('Annual bill 2026 (so far) · CNY');
    expect(text).toMatch(/Busiest weekday\s+Wednesday \(13,269\.00, 7 payments\)/);
    expect(text).toContain('at Wed 31 Dec 2025');
  });
});

describe('report rank and trend in Chinese', () => {
  it('rank by channel: Chinese channel names on screen, enum values in JSON', () => {
    const view = rankReportView(ctxFor('zh'), { by: 'channel', month: '2026-10' });
    const doc = withLocale('zh', () => rankDocument(view.report));
    const text = withLocale('zh', () => renderTerminal(doc));
    expect(text).toContain('按渠道的支出排行，2026年10月 · CNY');
    expect(text).toContain('总支出');
    expect(text).toMatch(/排名\s+渠道\s+金额/);
    expect(text).toMatch(/1\s+银行卡\s+7,787\.00/);
    expect(englishLeft(withLocale('zh', () => allText(doc)))).toEqual([]);
    expect((rankReportJson(view.report).items as { channel: string }[]).map((i) => i.channel)).toContain('card');
    expect(withLocale('en', () => renderTerminal(rankDocument(view.report)))).toContain('Spending by channel, Oct 2026 · CNY');
  });

  it('rank over days of one year, and the rest beyond --top', () => {
    const view = rankReportView(ctxFor('zh'), { by: 'merchant', from: '2026-10-01', to: '2026-10-20', top: 2 });
    const text = withLocale('zh', () => renderTerminal(rankDocument(view.report)));
    expect(text).toContain('按商户的支出排行，2026年 10月1日 周四 → 10月20日 周二');
    expect(text).toContain('前 2 名');
    expect(text).toMatch(/其余 \d+ 项：/);
  });

  it('trend by category: months as headers, Chinese category and series names', () => {
    const view = trendReportView(ctxFor('zh'), { by: 'category', months: 3, until: '2026-10', top: 2 });
    const doc = withLocale('zh', () => trendDocument(view.report));
    const text = withLocale('zh', () => renderTerminal(doc));
    expect(text).toContain('收支趋势 2026年8月 → 2026年10月 · CNY · 按分类');
    expect(text).toMatch(/分类\s+2026年8月\s+2026年9月\s+2026年10月\s+合计/);
    expect(text).toContain('其他');
    expect(englishLeft(withLocale('zh', () => allText(doc)))).toEqual([]);
    expect(withLocale('zh', () => renderCsvDocument(doc))).toContain('\n2026-10,11840.00,15000.00,3160.00\n');
  });
});

describe('report networth in Chinese', () => {
  it('heading, columns and months in Chinese; CSV cells keep ISO months', () => {
    const view = netWorthReportView(ctxFor('zh'), { months: 3 });
    const doc = withLocale('zh', () => netWorthDocument(view.report));
    const text = withLocale('zh', () => renderTerminal(doc));
    expect(text).toContain('每月末净资产，2026年9月 → 2026年11月');
    expect(text).toContain('CNY（负债：信用账户的欠款）');
    expect(text).toMatch(/月份\s+资产\s+负债\s+净资产/);
    expect(text).toMatch(/2026年10月\s+[\d,.]+/);
    expect(englishLeft(withLocale('zh', () => allText(doc)))).toEqual([]);
    expect(withLocale('zh', () => renderCsvDocument(doc))).toMatch(/月份,资产,负债,净资产\n2026-09,/);
    expect(withLocale('en', () => renderCsvDocument(netWorthDocument(view.report)))).toMatch(/Month,Assets,Liabilities,Net worth\n2026-09,/);
  });
});

describe('budget status in Chinese', () => {
  const range = { start: '2026-10-01', end: '2026-10-31' };
  const statuses = [
    budgetStatus({ category: '餐饮', period: 'month', amount: 120_000, currency: 'CNY', spent: 43_500, range }, '2026-10-10'),
    budgetStatus({ category: '交通', period: 'month', amount: 5_000, currency: 'CNY', spent: 9_900, range }, '2026-11-02'),
    budgetStatus({ category: '购物', period: 'year', amount: 1_000_000, currency: 'CNY', spent: 10_000, range: { start: '2026-01-01', end: '2026-12-31' } }, '2026-10-10'),
  ];

  it('heading, what is left, over budget and the pace', () => {
    const text = withLocale('zh', () => budgetLines('2026-10', statuses, false));
    expect(text).toContain('预算 2026年10月');
    expect(text).toContain('已花 435.00 / 预算 1,200.00 CNY · 剩余 765.00');
    expect(text).toContain('按目前的速度，月底将花 1,348.50（将超支）');
    expect(text).toContain('已超支 49.00');
    expect(text).toContain('购物（2026年度）');
    expect(text).toContain('按目前的速度，年底将花');
    expect(englishLeft(text)).toEqual([]);
    expect(withLocale('zh', () => budgetLines('2026-10', [], false))).toContain('还没有预算');
  });

  it('English as before, the month named naturally', () => {
    const text = withLocale('en', () => budgetLines('2026-10', statuses, false));
    expect(text).toContain('Budgets Oct 2026');
    expect(text).toMatch(/餐饮\n {2}\[███████░+\] 36% {2}435\.00 of 1,200\.00 CNY · 765\.00 left/);
    expect(text).toContain('at this rate you will spend 1,348.50 by month end (over budget)');
    expect(text).toContain('OVER BUDGET by 49.00');
  });

  it('the month report shows budgets as Chinese sentences', async () => {
    const r = await monthReport(ctxFor('zh'), { month: '2026-10' });
    const budgets = [
      { category: 'Uncategorized', budget: '50.00', spent: '165.00', remaining: '-115.00', status: 'over' },
      { category: '交通', budget: '100.00', spent: '15.00', remaining: '85.00', status: 'heading_over' },
    ];
    const doc = withLocale('zh', () => monthDocument({ ...r, extras: { budgets, benefits: [], badges: [] } }));
    const text = withLocale('zh', () => renderTerminal(doc));
    expect(text).toMatch(/预算\n未分类\s+\[/);
    expect(text).toContain('已花 165.00 / 50.00 · 超支 115.00');
    expect(text).toContain('剩余 85.00 · 照此会超支');
    expect(text).not.toMatch(/over|left|Uncategorized/);
  });
});
