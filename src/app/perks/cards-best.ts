/**
 * `cards best`: for each of the top spending categories over the last N months, the credit card
 * whose cashback benefits and points rules would have earned most on that spending, beside what
 * the cards actually earned on it (the model: reports/perks/cards-best.ts).
 *
 * The window is the N calendar months ending with the as-of day's month, up to that day; the
 * as-of day is `--date`, else the latest entry's date (so an old ledger still shows its last months).
 */
import type { Context } from '../../core/context.js';
import { addMonths } from '../../core/dates.js';
import { formatMinor } from '../../core/money.js';
import { parseWholeNumber } from '../../core/options.js';
import type { Db } from '../../ledger/open.js';
import { listAccounts } from '../../ledger/accounts.js';
import { allCategories, categoryWithChildren } from '../../ledger/categories.js';
import { listBenefits } from '../../ledger/benefits.js';
import { type SpendLine, latestEntryDate, listPointsRules, pointValueOf, spendLines } from '../../ledger/points.js';
import type { BenefitSpec } from '../../reports/perks/benefit.js';
import { periodContaining } from '../../reports/perks/periods.js';
import { type BestRow, type CardTerms, type CashbackTerms, type Earnings, bestCard, cardEarnings } from '../../reports/perks/cards-best.js';
import { type Reward, rankRewards, valuePerPoint } from '../../reports/perks/points-catalogue.js';
import { categoryInfos, openReportLedger, resolveFilter } from '../reports/report-common.js';
import { modelRules, parseDate } from './points.js';
import { readCatalogue } from './points-advise.js';

export interface CardsBestOptions {
  months?: string;
  top?: string;
  date?: string;
  catalogue?: string;
}

export interface CardsBestView {
  from: string;
  to: string;
  months: number;
  /** `date`: --date; `latest`: the latest entry's date; `today`: an empty ledger. */
  asOfSource: 'date' | 'latest' | 'today';
  currency: string;
  /** How each card's points are valued: the reward and its value per point, or null (worth 0). */
  valued: { account: string; reward: string; perPoint: string }[];
  /** Cards with points rules but nothing to value their points. */
  unvalued: string[];
  rows: BestRow[];
}

/** A card's cashback benefits (cashback with a rate and a cap) in the model's terms. */
function cashbackTerms(db: Db, accountId: number, statementDay: number | null): CashbackTerms[] {
  return listBenefits(db)
    .filter((b) => b.accountId === accountId)
    .map((b) => JSON.parse(b.specJson) as BenefitSpec)
    .filter((s) => s.metric === 'cashback' && s.rateBp !== undefined && s.cap !== undefined)
    .map((s) => ({
      rateBp: s.rateBp!,
      cap: s.cap!,
      restrictions: {
        ...(s.category ? { categoryIds: categoryWithChildren(db, s.category.id) } : {}),
        ...(s.merchant !== undefined ? { merchant: s.merchant } : {}),
        ...(s.channel !== undefined ? { channel: s.channel } : {}),
      },
      periodOf: (date: string) => periodContaining(s.period, date, { statementDay, ...(s.from ? { from: s.from } : {}) }).start,
    }));
}

/** Lines grouped by their top-level category (uncategorized lines left out). */
function byTopCategory(db: Db, lines: readonly SpendLine[]): Map<number, SpendLine[]> {
  const parent = new Map(allCategories(db).map((c) => [c.id, c.parent_id]));
  const top = (id: number): number => {
    let at = id;
    for (let p = parent.get(at); p !== null && p !== undefined; p = parent.get(at)) at = p;
    return at;
  };
  const groups = new Map<number, SpendLine[]>();
  for (const l of lines) {
    if (l.categoryId === null) continue;
    const key = top(l.categoryId);
    const list = groups.get(key);
    if (list) list.push(l);
    else groups.set(key, [l]);
  }
  return groups;
}

const add = (a: Earnings, b: Earnings): Earnings => ({ cashback: a.cashback + b.cashback, points: a.points + b.points, total: a.total + b.total });
const NONE: Earnings = { cashback: 0, points: 0, total: 0 };

export function cardsBestUse(ctx: Context, o: CardsBestOptions): CardsBestView {
  const months = parseWholeNumber(o.months ?? '3', '--months', { min: 1, max: 120, code: 'BAD_INPUT' });
  const top = parseWholeNumber(o.top ?? '5', '--top', { min: 1, code: 'BAD_INPUT' });
  const db = openReportLedger(ctx);
  try {
    const latest = latestEntryDate(db);
    const to = o.date !== undefined ? parseDate(o.date, ctx.today) : (latest ?? ctx.today);
    const from = `${addMonths(to.slice(0, 7), -(months - 1))}-01`;
    const currency = resolveFilter(db, ctx, {}, { from, to }).filter.currency;
    const given = o.catalogue !== undefined ? readCatalogueBest(o.catalogue, currency) : null;
    const cards: CardTerms[] = listAccounts(db)
      .filter((a) => a.type === 'credit' && a.currency === currency)
      .map((a) => ({
        accountId: a.id, account: a.name, cashback: cashbackTerms(db, a.id, a.statementDay), points: modelRules(db, listPointsRules(db, a.id)),
        pointValue: given ?? pointValueOf(db, a.id) ?? null,
      }));
    const withPoints = cards.filter((c) => c.points.length > 0);
    const valued = withPoints.flatMap((c) => (c.pointValue ? [{ account: c.account, reward: c.pointValue.name, perPoint: valuePerPoint(c.pointValue, currency) }] : []));
    const unvalued = withPoints.filter((c) => !c.pointValue).map((c) => c.account);
    const names = new Map(categoryInfos(db, ctx.settings.locale).map((c) => [c.id, c.path]));
    const actual = new Map<number, Earnings>();
    for (const card of cards) {
      for (const [cat, lines] of byTopCategory(db, spendLines(db, { accountId: card.accountId, from, to, currency }))) {
        actual.set(cat, add(actual.get(cat) ?? NONE, cardEarnings(lines, card)));
      }
    }
    const rows = [...byTopCategory(db, spendLines(db, { from, to, currency }))]
      .map(([cat, lines]) => ({ cat, lines, spend: -lines.reduce((a, l) => a + l.amount, 0) }))
      .filter((g) => g.spend > 0)
      .sort((a, b) => b.spend - a.spend)
      .slice(0, top)
      .map((g) => ({ category: names.get(g.cat) ?? String(g.cat), spend: g.spend, best: bestCard(g.lines, cards), actual: actual.get(g.cat) ?? NONE }));
    const asOfSource = o.date !== undefined ? 'date' : latest !== null ? 'latest' : 'today';
    return { from, to, months, asOfSource, currency, valued, unvalued, rows };
  } finally {
    db.close();
  }
}

/** The best value per point in a catalogue. */
function readCatalogueBest(file: string, currency: string): Reward | null {
  return rankRewards(readCatalogue(file, currency), 0)[0] ?? null;
}

/** The `cards best --json` rows. */
export function cardsBestJson(v: CardsBestView): Record<string, unknown>[] {
  const money = (x: number) => formatMinor(x, v.currency);
  return v.rows.map((r) => ({
    category: r.category,
    spend: money(r.spend),
    best_account: r.best?.account ?? null,
    best_earned: money(r.best?.earnings.total ?? 0),
    actual_earned: money(r.actual.total),
    best_cashback: money(r.best?.earnings.cashback ?? 0),
    best_points: r.best?.earnings.points ?? 0,
    actual_points: r.actual.points,
    currency: v.currency,
    from: v.from,
    to: v.to,
  }));
}
