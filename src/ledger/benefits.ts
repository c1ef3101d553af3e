/** Card benefits: name, optional account, and the spec (JSON) the perks model reads. */
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

export function findBenefit(db: Db, name: string): { id: number; name: string } | undefined {
  return db.prepare('SELECT id, name FROM benefits WHERE name = ? COLLATE NOCASE').get(name.trim()) as { id: number; name: string } | undefined;
}

export function deleteBenefit(db: Db, id: number): void {
  db.prepare('DELETE FROM benefits WHERE id = ?').run(id);
}
