/** The charges `report recurring` looks through (issue 28): money out, no transfers, mirrored rows once. */
import type { Db } from './open.js';

export interface ChargeRow {
  date: string;
  /** Negative minor units. */
  amount: number;
  currency: string;
  merchant: string | null;
  description: string;
}

export function chargesBetween(db: Db, from: string, to: string): ChargeRow[] {
  return db
    .prepare(
      `SELECT date, amount, currency, merchant, description FROM transactions
       WHERE kind = 'expense' AND amount < 0 AND mirror_of IS NULL AND date BETWEEN ? AND ? ORDER BY date, id`,
    )
    .all(from, to) as ChargeRow[];
}
