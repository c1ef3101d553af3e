/** Budgets: one amount per category and period (month | year). */
import type { Db } from './open.js';

export interface BudgetRow {
  categoryId: number;
  period: 'month' | 'year';
  amount: number;
  currency: string;
}

export function setBudget(db: Db, b: BudgetRow): boolean {
  const existed = db.prepare('SELECT 1 FROM budgets WHERE category_id = ? AND period = ?').get(b.categoryId, b.period) !== undefined;
  db.prepare(
    `INSERT INTO budgets (category_id, period, amount, currency) VALUES (?, ?, ?, ?)
     ON CONFLICT (category_id, period) DO UPDATE SET amount = excluded.amount, currency = excluded.currency`,
  ).run(b.categoryId, b.period, b.amount, b.currency);
  return existed;
}

export function listBudgets(db: Db): BudgetRow[] {
  return db
    .prepare(
      `SELECT b.category_id AS categoryId, b.period, b.amount, b.currency FROM budgets b JOIN categories c ON c.id = b.category_id
       ORDER BY b.period, c.position, c.id`,
    )
    .all() as BudgetRow[];
}

/** Remove the budgets of a category (one period, or both); returns how many were removed. */
export function removeBudget(db: Db, categoryId: number, period?: 'month' | 'year'): number {
  if (period) return db.prepare('DELETE FROM budgets WHERE category_id = ? AND period = ?').run(categoryId, period).changes;
  return db.prepare('DELETE FROM budgets WHERE category_id = ?').run(categoryId).changes;
}
