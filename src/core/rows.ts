/**
 * Row shapes the ledger reads and the pure report code takes. Both layers depend only on core, so
 * a shape they share is written once, here.
 */

/** A marked expense (报销) with its payment, when linked; amount signed (negative = money out). */
export interface ReimbursementRow {
  id: number;
  date: string;
  amount: number;
  currency: string;
  description: string;
  payer: string | null;
  note: string | null;
  paidBy: number | null;
  paidDate: string | null;
  linkedBy: 'hand' | 'match' | null;
}

/** An entry that may be an instalment period (money out whose description speaks of 期 or instal(l)ment). */
export interface InstalmentRow {
  id: number;
  accountId: number;
  account: string;
  date: string;
  amount: number;
  currency: string;
  description: string;
}

/** A purchase: money out (amount positive minor units), not a transfer, not a mirrored card row. */
export interface PurchaseRow {
  date: string;
  amount: number;
  accountId: number;
  categoryId: number | null;
  merchant: string | null;
  description: string;
}
