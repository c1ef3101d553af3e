/** One candidate line for a benefit: an expense or refund (split parts separate), signed (negative = money out). */
export interface BenefitLine {
  txId: number;
  date: string;
  kind: 'expense' | 'refund';
  amount: number;
  categoryId: number | null;
  merchant: string | null;
  description: string;
  channel: string;
}
