/** Card benefits: name, optional account, and the spec (JSON) the perks model reads; uses of entitlements recorded by hand. */
import type { Db } from './open.js';

export interface BenefitRow {
  id: number;
  name: string;
  accountId: number | null;
  account: string | null;
  statementDay: number | null;
  specJson: string;
}

export function insertBenefit(db: Db, b: { name: string; accountId: number | null; specJson: string }, now: string): number {
  return Number(
    db.prepare('INSERT INTO benefits (name, account_id, spec_json, created_at) VALUES (?, ?, ?, ?)').run(b.name, b.accountId, b.specJson, now).lastInsertRowid,
  );
}

export function listBenefits(db: Db): BenefitRow[] {
  return db
    .prepare(
      `SELECT b.id, b.name, b.account_id AS accountId, a.name AS account, a.statement_day AS statementDay, b.spec_json AS specJson
       FROM benefits b LEFT JOIN accounts a ON a.id = b.account_id ORDER BY b.id`,
    )
    .all() as BenefitRow[];
}

export function findBenefit(db: Db, name: string): { id: number; name: string; specJson: string } | undefined {
  return db.prepare('SELECT id, name, spec_json AS specJson FROM benefits WHERE name = ? COLLATE NOCASE').get(name.trim()) as
    | { id: number; name: string; specJson: string }
    | undefined;
}

/** `benefit use NAME --date D`: one use of an entitlement, recorded by hand. */
export function insertBenefitUse(db: Db, benefitId: number, date: string, now: string): void {
  db.prepare('INSERT INTO benefit_uses (benefit_id, date, created_at) VALUES (?, ?, ?)').run(benefitId, date, now);
}

/** Uses recorded by hand for a benefit in a date range (inclusive). */
export function countBenefitUses(db: Db, benefitId: number, from: string, to: string): number {
  return (db.prepare('SELECT count(*) AS n FROM benefit_uses WHERE benefit_id = ? AND date BETWEEN ? AND ?').get(benefitId, from, to) as { n: number }).n;
}

export function deleteBenefit(db: Db, id: number): void {
  db.prepare('DELETE FROM benefits WHERE id = ?').run(id);
}
