/**
 * Sections of the month report that come from budgets, benefits and badges. (Being written.)
 */
import type { Db } from '../ledger/open.js';

export interface MonthExtras {
  budgets: unknown[];
  benefits: unknown[];
  badges: unknown[];
}

export function monthExtras(db: Db, month: string, today: string): MonthExtras {
  void db;
  void month;
  void today;
  return { budgets: [], benefits: [], badges: [] };
}
