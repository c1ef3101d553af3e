/**
 * Where an entry counts — one rule for every report and export (SPEC "One meaning, used everywhere").
 * The kind decides the side: `expense` and `refund` count in spending (a refund reduces it, in its
 * category), `income` in income, `transfer` in neither. The category is only a label within that
 * side: a red packet received filed under Gifts is income. A card row mirroring a wallet purchase
 * (`mirror_of`) counts nowhere itself: the wallet row it mirrors is counted once.
 */
export type Side = 'spending' | 'income' | 'none';

export function sideOfKind(kind: string): Side {
  switch (kind) {
    case 'expense':
    case 'refund':
      return 'spending';
    case 'income':
      return 'income';
    default:
      return 'none';
  }
}

/** The side an entry counts on, given its kind and whether it mirrors another entry. */
export function sideOfEntry(kind: string, mirrored: boolean): Side {
  return mirrored ? 'none' : sideOfKind(kind);
}

/** The same rule for SQL: the kinds that count in spending, as an `IN (…)` list (kinds are CHECKed in the ledger). */
export const SPENDING_KINDS_SQL = "('expense', 'refund')";
