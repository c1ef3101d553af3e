/**
 * The report cache (migrations 5 and 11): recompute the months that writes marked dirty, so that
 * `report_agg` always equals an aggregation of `report_lines`, and `report_top` holds each
 * month's largest spends. Called before every cached read.
 * Updates and deletions mark months through triggers; inserted rows are found above a watermark
 * (migration 6), so every path that inserts entries is covered without a per-row trigger.
 */
import { forgetRecurring } from './recurring-queries.js';
import type { Statement } from 'better-sqlite3';
import type { Db } from './open.js';
import { sideOfKind } from '../core/sides.js';
import { totalTooLarge } from '../core/money.js';
import { hasBalanceMonths, recomputeBalanceMonths } from './balance-months.js';

export const DIMENSIONS: Record<'c' | 'm' | 'h' | 'd', string> = {
  c: "coalesce(CAST(category_id AS TEXT), '')",
  m: "coalesce(merchant, '')",
  h: "coalesce(channel, '')",
  d: 'date',
};

/**
 * The largest spends kept per currency, month and account (reports ask for 5). An entry counts
 * as `largestSpending` reads it: an expense, not a mirrored row, taking money out.
 */
export const TOP_ENTRIES = 10;

/** A candidate for report_top: an entry's amount, date and id. */
type Spend = [amount: number, date: string, id: number];

/** Whether `a` comes before `b` among the largest spends: more negative, then earlier, then lower id. */
const before = (a: Spend, b: Spend): boolean => (a[0] !== b[0] ? a[0] < b[0] : a[1] !== b[1] ? a[1] < b[1] : a[2] < b[2]);

/** Insert `spend` into `top` (ordered by `before`), keeping at most TOP_ENTRIES. */
function keepTop(top: Spend[], spend: Spend): void {
  if (top.length === TOP_ENTRIES && !before(spend, top[TOP_ENTRIES - 1]!)) return;
  let at = top.length;
  while (at > 0 && before(spend, top[at - 1]!)) at--;
  top.splice(at, 0, spend);
  if (top.length > TOP_ENTRIES) top.pop();
}

/** The report lines of one currency, month, account and class ('s' or 'i'): amount and count per key of each dimension. */
interface Group {
  currency: string;
  month: string;
  accountId: number;
  cls: 's' | 'i';
  sums: Record<keyof typeof DIMENSIONS, Map<string, [amount: number, count: number]>>;
  /** The group's largest spends (class 's' only). */
  top: Spend[];
}

function add(sums: Map<string, [number, number]>, key: string, amount: number, counted: boolean): void {
  const sum = sums.get(key);
  if (sum) {
    sum[0] += amount;
    if (counted) sum[1]++;
  } else {
    sums.set(key, [amount, counted ? 1 : 0]);
  }
}

type Line = [id: number, date: string, accountId: number, currency: string, kind: string, channel: string | null, merchant: string | null, categoryId: number | null, amount: number, entryAmount: number];

/**
 * Recompute report_agg and report_top for the whole months `where` selects (their old rows
 * deleted by the caller), in one pass over their report lines: each line adds to a sum per
 * dimension, and each expense entry is a candidate for its month's largest spends. Memory holds
 * the groups, never the lines. One pass costs about what one of four GROUP BY statements did.
 * Settled reimbursements (migration 26, `reimbursed_entries`) are left out, as the view does.
 */
function recompute(db: Db, where: string, ...params: unknown[]): void {
  const lines = db
    .prepare(
      `SELECT t.id, t.date, t.account_id, t.currency, t.kind, t.channel, t.merchant,
              coalesce(s.category_id, t.category_id), coalesce(s.amount, t.amount), t.amount
       FROM transactions t LEFT JOIN splits s ON s.tx_id = t.id
       WHERE t.kind <> 'transfer' AND t.mirror_of IS NULL AND t.id NOT IN (SELECT tx_id FROM reimbursed_entries) AND ${where}`,
    )
    .raw()
    .iterate(...params) as IterableIterator<Line>;
  const groups = new Map<string, Group>();
  let lastId = 0;
  for (const [id, date, accountId, currency, kind, channel, merchant, categoryId, amount, entryAmount] of lines) {
    const month = date.slice(0, 7);
    const cls = sideOfKind(kind) === 'spending' ? 's' : 'i';
    const name = `${currency}|${month}|${accountId}|${cls}`;
    let g = groups.get(name);
    if (!g) {
      g = { currency, month, accountId, cls, sums: { c: new Map(), m: new Map(), h: new Map(), d: new Map() }, top: [] };
      groups.set(name, g);
    }
    const counted = cls === 'i' ? amount > 0 : amount < 0;
    add(g.sums.c, categoryId === null ? '' : String(categoryId), amount, counted);
    add(g.sums.m, merchant ?? '', amount, counted);
    add(g.sums.h, channel ?? '', amount, counted);
    add(g.sums.d, date, amount, counted);
    // A split entry gives a line per part, one after another: it is one candidate.
    if (id !== lastId && kind === 'expense' && entryAmount < 0) keepTop(g.top, [entryAmount, date, id]);
    lastId = id;
  }
  const insertSum = db.prepare('INSERT INTO report_agg (dim, currency, month, account_id, key, cls, amount, count) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const insertTop = db.prepare('INSERT INTO report_top (currency, month, account_id, rank, tx_id, amount, date) VALUES (?, ?, ?, ?, ?, ?, ?)');
  for (const g of groups.values()) {
    for (const [dim, sums] of Object.entries(g.sums)) {
      for (const [key, [amount, count]] of sums) {
        if (!Number.isSafeInteger(amount)) throw totalTooLarge(g.currency);
        insertSum.run(dim, g.currency, g.month, g.accountId, key, g.cls, amount, count);
      }
    }
    g.top.forEach(([amount, date, id], i) => insertTop.run(g.currency, g.month, g.accountId, i + 1, id, amount, date));
  }
}

const UPTO_KEY = 'report_rows_upto';

/**
 * The watermark when rows were inserted above it since the last refresh (migration 6: inserts
 * carry no trigger), else undefined. A ledger without the watermark yet counts from 0.
 */
function newRowsAbove(db: Db): number | undefined {
  const upto = Number((db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(UPTO_KEY) as string | undefined) ?? 0);
  const max = (db.prepare('SELECT max(id) FROM transactions').pluck().get() as number | null) ?? 0;
  return max > upto ? upto : undefined;
}

/** Rows a writer inserted: their lowest and highest id, and the months of all of them (EntryWriter.inserted). */
export interface InsertedRows {
  first: number;
  last: number;
  months: Iterable<string>;
}

/**
 * Mark the months of rows inserted since the last refresh dirty and move the watermark (inside a
 * write transaction). `known`: rows the caller inserted itself, whose months it kept as it went;
 * only rows outside their id range (inserted otherwise) are read to find theirs. A million-row
 * import saves a pass over every row it wrote.
 */
export function markNewRows(db: Db, known?: InsertedRows): void {
  const upto = newRowsAbove(db);
  if (upto === undefined) return;
  const read = db.prepare('INSERT OR IGNORE INTO report_dirty SELECT DISTINCT substr(date, 1, 7) FROM transactions WHERE id > ? AND id < ?');
  if (known && known.first > upto) {
    const mark = db.prepare('INSERT OR IGNORE INTO report_dirty VALUES (?)');
    for (const month of known.months) mark.run(month);
    read.run(upto, known.first);
    read.run(known.last, Number.MAX_SAFE_INTEGER);
  } else {
    read.run(upto, Number.MAX_SAFE_INTEGER);
  }
  db.prepare('INSERT INTO meta (key, value) VALUES (?, (SELECT CAST(max(id) AS TEXT) FROM transactions)) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(UPTO_KEY);
}

/** How many months are waiting to be recomputed. */
export function dirtyMonths(db: Db): number {
  return db.prepare('SELECT count(*) FROM report_dirty').pluck().get() as number;
}

/** Per connection: whether the cache tables exist (only a migration adds them). */
const hasCache = new WeakMap<Db, boolean>();

/** Whether this ledger has the cache tables (an older schema reads the view directly). */
export function hasReportCache(db: Db): boolean {
  let has = hasCache.get(db);
  if (has === undefined) {
    // report_top is the newest of the cache's tables (migration 11).
    has = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'report_top'").get() !== undefined;
    // Only remembered once true: a connection that migrates later must see the tables appear.
    if (has) hasCache.set(db, has);
  }
  return has;
}

/** Per connection: the prepared "is anything to recompute?" probe (a report asks it a dozen times). */
const probes = new WeakMap<Db, Statement>();

/**
 * Bring `report_agg` up to date. Returns the number of months recomputed. Many dirty months
 * (a big import) are rebuilt in one pass over the table; a few, month by month.
 */
export function refreshReportCache(db: Db): number {
  if (!hasReportCache(db)) return 0;
  let probe = probes.get(db);
  if (!probe) {
    probe = db.prepare(
      `SELECT EXISTS (SELECT 1 FROM report_dirty)
         OR ifnull((SELECT max(id) FROM transactions), 0) > ifnull((SELECT CAST(value AS INTEGER) FROM meta WHERE key = '${UPTO_KEY}'), 0)`,
    ).pluck();
    probes.set(db, probe);
  }
  if (probe.get() === 0) return 0;
  let refreshed = 0;
  db.transaction(() => {
    // Any write since the last refresh may change which charges recur: found again when asked.
    forgetRecurring(db);
    markNewRows(db);
    const months = (db.prepare('SELECT month FROM report_dirty ORDER BY month').all() as { month: string }[]).map((r) => r.month);
    refreshed = months.length;
    if (months.length > 24) {
      db.exec(`DELETE FROM report_agg WHERE month IN (SELECT month FROM report_dirty);
        DELETE FROM report_top WHERE month IN (SELECT month FROM report_dirty);`);
      recompute(db, 'substr(t.date, 1, 7) IN (SELECT month FROM report_dirty)');
      if (hasBalanceMonths(db)) recomputeBalanceMonths(db, 'all-dirty');
      db.exec('DELETE FROM report_dirty');
      return;
    }
    const clear = db.prepare('DELETE FROM report_agg WHERE dim = ? AND month = ?');
    const clearTop = db.prepare('DELETE FROM report_top WHERE month = ?');
    const done = db.prepare('DELETE FROM report_dirty WHERE month = ?');
    for (const month of months) {
      for (const dim of Object.keys(DIMENSIONS)) clear.run(dim, month);
      clearTop.run(month);
      recompute(db, 't.date >= ? AND t.date <= ?', `${month}-01`, `${month}-31`);
      if (hasBalanceMonths(db)) recomputeBalanceMonths(db, month);
      done.run(month);
    }
  }).immediate();
  return refreshed;
}
