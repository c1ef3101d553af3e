/** Points rules, the bank's points figures (`points set`) and the spending lines points are earned on. */
import type { Db } from './open.js';
import { SPENDING_KINDS_SQL } from '../core/sides.js';
import type { BenefitLine } from '../core/benefit-line.js';

export interface PointsRuleRow {
  id: number;
  accountId: number;
  account: string;
  currency: string;
  categoryId: number | null;
  perMinor: number;
  times: number;
  expireMonths: number | null;
  expireYearEnd: boolean;
}

export interface NewPointsRule {
  accountId: number;
  categoryId: number | null;
  perMinor: number;
  times: number;
  expireMonths: number | null;
  expireYearEnd: boolean;
}

export function insertPointsRule(db: Db, r: NewPointsRule, now: string): number {
  return Number(
    db
      .prepare('INSERT INTO points_rules (account_id, category_id, per_minor, times, expire_months, expire_year_end, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(r.accountId, r.categoryId, r.perMinor, r.times, r.expireMonths, r.expireYearEnd ? 1 : 0, now).lastInsertRowid,
  );
}

export function findPointsRule(db: Db, accountId: number, categoryId: number | null): number | undefined {
  const row = db.prepare('SELECT id FROM points_rules WHERE account_id = ? AND ifnull(category_id, 0) = ?').get(accountId, categoryId ?? 0) as { id: number } | undefined;
  return row?.id;
}

/** Every rule (or one account's), by account then id. */
export function listPointsRules(db: Db, accountId?: number): PointsRuleRow[] {
  const rows = db
    .prepare(
      `SELECT r.id, r.account_id AS accountId, a.name AS account, a.currency, r.category_id AS categoryId, r.per_minor AS perMinor,
              r.times, r.expire_months AS expireMonths, r.expire_year_end AS expireYearEnd
       FROM points_rules r JOIN accounts a ON a.id = r.account_id
       ${accountId !== undefined ? 'WHERE r.account_id = ?' : ''} ORDER BY a.name COLLATE NOCASE, r.id`,
    )
    .all(...(accountId !== undefined ? [accountId] : [])) as (Omit<PointsRuleRow, 'expireYearEnd'> & { expireYearEnd: number })[];
  return rows.map((r) => ({ ...r, expireYearEnd: r.expireYearEnd === 1 }));
}

export function deletePointsRule(db: Db, id: number): boolean {
  return db.prepare('DELETE FROM points_rules WHERE id = ?').run(id).changes > 0;
}

export interface PointsFigure {
  date: string;
  balance: number;
}

/** `points set`: the bank's figure on a day; a second one on the same day replaces the first. */
export function setPointsBalance(db: Db, accountId: number, f: PointsFigure, now: string): void {
  db.prepare(
    `INSERT INTO points_balances (account_id, date, balance, created_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (account_id, date) DO UPDATE SET balance = excluded.balance, created_at = excluded.created_at`,
  ).run(accountId, f.date, f.balance, now);
}

/** One account's figures, oldest first. */
export function pointsFigures(db: Db, accountId: number): PointsFigure[] {
  return db.prepare('SELECT date, balance FROM points_balances WHERE account_id = ? ORDER BY date').all(accountId) as PointsFigure[];
}

/** Accounts with a points rule or a figure. */
export function pointsAccountIds(db: Db): number[] {
  return (
    db.prepare('SELECT account_id AS id FROM points_rules UNION SELECT account_id FROM points_balances ORDER BY 1').all() as { id: number }[]
  ).map((r) => r.id);
}

/** A purchase or refund line (split parts separate), signed: negative = money out. */
export interface SpendLine extends BenefitLine {
  accountId: number;
}

/**
 * Purchases and refunds in a range and currency. With an account: its own rows (a card row
 * mirroring a wallet purchase is still a charge on that card); without: every account, mirrored
 * rows once. Oldest first.
 */
export function spendLines(db: Db, q: { accountId?: number; from: string; to: string; currency: string }): SpendLine[] {
  const own = q.accountId !== undefined;
  return db
    .prepare(
      `SELECT t.id AS txId, t.date, t.account_id AS accountId, t.kind, coalesce(s.amount, t.amount) AS amount,
              coalesce(s.category_id, t.category_id) AS categoryId, t.merchant, t.description, t.channel
       FROM transactions t LEFT JOIN splits s ON s.tx_id = t.id
       WHERE t.date BETWEEN ? AND ? AND t.currency = ? AND t.kind IN ${SPENDING_KINDS_SQL}
         ${own ? 'AND t.account_id = ?' : 'AND t.mirror_of IS NULL'}
       ORDER BY t.date, t.id`,
    )
    .all(q.from, q.to, q.currency, ...(own ? [q.accountId] : [])) as SpendLine[];
}

/** The date of the latest entry in the ledger, if any. */
export function latestEntryDate(db: Db): string | null {
  return (db.prepare('SELECT max(date) AS d FROM transactions').get() as { d: string | null }).d;
}

/** A reward valuing an account's points: `value` minor units for `points` points. */
export interface PointValue {
  name: string;
  value: number;
  points: number;
}

/** `points advise` remembers the best value per point it found for the account. */
export function savePointValue(db: Db, accountId: number, v: PointValue, now: string): void {
  db.prepare(
    `INSERT INTO points_values (account_id, reward, value, points, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (account_id) DO UPDATE SET reward = excluded.reward, value = excluded.value, points = excluded.points, updated_at = excluded.updated_at`,
  ).run(accountId, v.name, v.value, v.points, now);
}

export function pointValueOf(db: Db, accountId: number): PointValue | undefined {
  return db.prepare('SELECT reward AS name, value, points FROM points_values WHERE account_id = ?').get(accountId) as PointValue | undefined;
}
