/**
 * The user's rules (table `rules`, ordered by position) and the defaults switch (`meta`).
 */
import type { Db } from './open.js';
import type { Rule } from '../core/rule.js';

interface RuleRow {
  name: string;
  match_json: string;
  set_json: string;
}

export function listUserRules(db: Db): Rule[] {
  const rows = db.prepare('SELECT name, match_json, set_json FROM rules ORDER BY position, id').all() as RuleRow[];
  return rows.map((r) => ({ name: r.name, match: JSON.parse(r.match_json) as Rule['match'], set: JSON.parse(r.set_json) as Rule['set'] }));
}

/** Replace all user rules with these, in this order (one transaction). */
export function saveUserRules(db: Db, rules: readonly Rule[], now: string): void {
  const insert = db.prepare('INSERT INTO rules (position, name, match_json, set_json, created_at) VALUES (?, ?, ?, ?, ?)');
  db.transaction(() => {
    const created = new Map(
      (db.prepare('SELECT name, created_at FROM rules').all() as { name: string; created_at: string }[]).map((r) => [r.name, r.created_at]),
    );
    db.prepare('DELETE FROM rules').run();
    rules.forEach((r, i) => insert.run(i, r.name, JSON.stringify(r.match), JSON.stringify(r.set), created.get(r.name) ?? now));
  })();
}

const DEFAULTS_KEY = 'rules.defaults';

export function defaultsEnabled(db: Db): boolean {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(DEFAULTS_KEY) as { value: string } | undefined;
  return row?.value !== 'off';
}

export function setDefaultsEnabled(db: Db, on: boolean): void {
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(DEFAULTS_KEY, on ? 'on' : 'off');
}

/** An entry as `rules apply` reads it. */
export interface RuleEntryRow {
  id: number;
  date: string;
  description: string;
  counterparty: string | null;
  source_category: string | null;
  amount: number;
  currency: string;
  account: string;
  /** The account is a credit card (money arriving there is a payment or a refund: core/card-inflow.ts). */
  credit: boolean;
  merchant: string | null;
  merchant_source: string | null;
  category_id: number | null;
  category_source: string | null;
  kind: 'expense' | 'income' | 'transfer' | 'refund';
  kind_source: string | null;
  channel: string;
  channel_source: string | null;
}

const SCOPE_DERIVED = `(t.category_id IS NULL OR t.category_source LIKE 'rule:%' OR t.merchant_source LIKE 'rule:%'
  OR t.kind_source LIKE 'rule:%' OR t.channel_source LIKE 'rule:%')`;

/** The id range of the entries (0, 0 when there are none). */
export function entryIdRange(db: Db): { min: number; max: number } {
  const r = db.prepare('SELECT ifnull(min(id), 0) AS min, ifnull(max(id), 0) AS max FROM transactions').get() as { min: number; max: number };
  return r;
}

/**
 * Entries in id order, a page at a time (keyset), so writes can happen between pages; only ids
 * in (after, upto] when a range is given.
 */
export function* entriesForRules(db: Db, all: boolean, range: { after: number; upto: number } = { after: 0, upto: Number.MAX_SAFE_INTEGER }, pageSize = 20_000): Generator<RuleEntryRow[]> {
  const rows = db.prepare('SELECT id, name, type FROM accounts').all() as { id: number; name: string; type: string }[];
  const accounts = new Map(rows.map((a) => [a.id, a.name]));
  const credit = new Set(rows.filter((a) => a.type === 'credit').map((a) => a.id));
  const stmt = db.prepare(
    `SELECT t.id, t.date, t.description, t.counterparty, t.source_category, t.amount, t.currency, t.account_id AS account,
            t.merchant, t.merchant_source, t.category_id, t.category_source, t.kind, t.kind_source, t.channel, t.channel_source
     FROM transactions t WHERE t.id > ? AND t.id <= ? ${all ? '' : `AND ${SCOPE_DERIVED}`} ORDER BY t.id LIMIT ?`,
  );
  stmt.raw(true);
  let after = range.after;
  for (;;) {
    const raw = stmt.all(after, range.upto, pageSize) as unknown[][];
    if (raw.length === 0) return;
    // Raw rows are much cheaper to fetch than objects; build the objects here.
    const page = raw.map((c) => ({
      id: c[0] as number, date: c[1] as string, description: c[2] as string, counterparty: c[3] as string | null,
      source_category: c[4] as string | null, amount: c[5] as number, currency: c[6] as string, account: accounts.get(c[7] as number) ?? '', credit: credit.has(c[7] as number),
      merchant: c[8] as string | null, merchant_source: c[9] as string | null, category_id: c[10] as number | null,
      category_source: c[11] as string | null, kind: c[12] as RuleEntryRow['kind'], kind_source: c[13] as string | null,
      channel: c[14] as string, channel_source: c[15] as string | null,
    }));
    yield page;
    after = page[page.length - 1]!.id;
  }
}

export interface RuleUpdate {
  id: number;
  merchant: string | null;
  merchantSource: string | null;
  categoryId: number | null;
  categorySource: string | null;
  kind: string;
  kindSource: string | null;
  channel: string;
  channelSource: string | null;
  tags?: readonly string[];
}

/** A prepared writer for rule results; call inside a transaction. */
export function ruleUpdater(db: Db): (u: RuleUpdate) => void {
  const update = db.prepare(
    `UPDATE transactions SET merchant = ?, merchant_source = ?, category_id = ?, category_source = ?, kind = ?, kind_source = ?,
     channel = ?, channel_source = ? WHERE id = ?`,
  );
  const tag = db.prepare('INSERT OR IGNORE INTO tags (tx_id, tag) VALUES (?, ?)');
  return (u) => {
    update.run(u.merchant, u.merchantSource, u.categoryId, u.categorySource, u.kind, u.kindSource, u.channel, u.channelSource, u.id);
    for (const t of u.tags ?? []) tag.run(u.id, t);
  };
}
