/**
 * A month's figures, the input of every badge (built-in and custom). Amounts are minor units,
 * spending positive.
 */
export interface Group {
  /** Spending net of refunds. */
  amount: number;
  /** Entries taking money out. */
  count: number;
}

export interface MonthFigures {
  month: string;
  currency: string;
  spending: number;
  income: number;
  /** Spending entries (money out). */
  entries: number;
  /** No spending or income entry at all this month: no badge is earned on it. */
  empty?: boolean;
  /** Merchants with spending this month. */
  merchants: number;
  /** Merchants with spending this month and no entry before it. */
  newMerchants: number;
  /** Spending of each of the three months before (oldest first); null when that month has no lines. */
  previous3: (number | null)[];
  /** Months (this one and the two before, oldest first) whose entries came from at least one import. */
  importedMonths: boolean[];
  /** By category: both names of the category and of its parent resolve here (lower-cased keys). */
  categories: Map<string, Group>;
  merchantGroups: Map<string, Group>;
  channels: Map<string, Group>;
  /** Spending of entries that carry a time, by hour of day (0–23); entries without one are in no hour. */
  hours?: ReadonlyMap<number, Group>;
}

/** Mean of the previous three months, or null unless all three have spending lines. */
export function average3(f: MonthFigures): number | null {
  if (f.previous3.length < 3 || f.previous3.some((x) => x === null)) return null;
  const sum = (f.previous3 as number[]).reduce((a, b) => a + b, 0);
  return Math.round(sum / 3);
}
