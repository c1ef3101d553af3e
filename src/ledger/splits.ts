/**
 * Splits: one entry divided among categories. The parts must add up exactly to the entry;
 * `report_lines` and `tx list --category` count the parts instead of the entry.
 */
import type { Db } from './open.js';
import { PocketbookError } from '../core/errors.js';
import { formatMinor, parseAmount } from '../core/money.js';
import { categoryPath, findCategory } from './categories.js';
import { requireTx } from './notes.js';
import { tErrorsLedger as tL } from '../core/messages/errors-ledger.js';

export interface SplitInput {
  category: string;
  /** Amount as typed. */
  amountText: string;
}

export interface SplitPart {
  categoryId: number;
  amount: number;
}

/** `CATEGORY=AMOUNT` → its two halves (the last `=` separates them, so names may hold `=`). */
export function parseSplitArg(arg: string): SplitInput {
  const at = arg.lastIndexOf('=');
  const category = at > 0 ? arg.slice(0, at).trim() : '';
  const amountText = at > 0 ? arg.slice(at + 1).trim() : '';
  if (category === '' || amountText === '') {
    throw new PocketbookError('SPLIT', tL('notSplit', { arg }), { hint: tL('splitExample') });
  }
  return { category, amountText };
}

/**
 * Signed part amounts in minor units that add up exactly to `total`. Parts are written signed
 * like the entry; when every part is written without a sign and they add up to the entry's size,
 * they take the entry's sign. Throws SPLIT otherwise.
 */
export function resolveSplitAmounts(total: number, texts: readonly string[], currency: string): number[] {
  if (texts.length === 0) throw new PocketbookError('SPLIT', tL('splitNone'));
  const amounts = texts.map((text) => {
    try {
      return parseAmount(text, { currency }).minor;
    } catch {
      throw new PocketbookError('SPLIT', tL('splitAmount', { text, currency }), { hint: tL('splitAmountHint') });
    }
  });
  if (amounts.some((a) => a === 0)) throw new PocketbookError('SPLIT', tL('splitZero'));
  const sum = amounts.reduce((a, b) => a + b, 0);
  if (sum === total) return amounts;
  const unsigned = texts.every((t) => !/^\s*[-+(]/.test(t));
  if (unsigned && -sum === total) return amounts.map((a) => -a);
  throw new PocketbookError(
    'SPLIT',
    tL('splitSum', { sum: formatMinor(sum, currency), total: formatMinor(total, currency), currency }),
    { hint: tL('splitSumHint', { diff: formatMinor(total - sum, currency) }) },
  );
}

/** Replace the entry's split with these parts (validated). */
export function setSplit(db: Db, txId: number, inputs: readonly SplitInput[]): { parts: SplitPart[]; currency: string } {
  return db.transaction(() => {
    requireTx(db, txId);
    const tx = db.prepare('SELECT amount, currency FROM transactions WHERE id = ?').get(txId) as { amount: number; currency: string };
    const categoryIds = inputs.map((p) => {
      const cat = findCategory(db, p.category);
      if (!cat) throw new PocketbookError('SPLIT', tL('noCategory', { name: p.category }), { hint: tL('seeCategories') });
      return cat.id;
    });
    const amounts = resolveSplitAmounts(tx.amount, inputs.map((p) => p.amountText), tx.currency);
    db.prepare('DELETE FROM splits WHERE tx_id = ?').run(txId);
    const insert = db.prepare('INSERT INTO splits (tx_id, category_id, amount, position) VALUES (?, ?, ?, ?)');
    const parts = categoryIds.map((categoryId, i) => ({ categoryId, amount: amounts[i]! }));
    parts.forEach((p, i) => insert.run(txId, p.categoryId, p.amount, i));
    return { parts, currency: tx.currency };
  })();
}

/** Remove the split; returns how many parts there were. */
export function clearSplit(db: Db, txId: number): number {
  requireTx(db, txId);
  return db.prepare('DELETE FROM splits WHERE tx_id = ?').run(txId).changes;
}

export interface SplitView {
  category: string;
  amount: number;
}

export function splitsOf(db: Db, txId: number, locale: 'en' | 'zh'): SplitView[] {
  const rows = db.prepare('SELECT category_id, amount FROM splits WHERE tx_id = ? ORDER BY position, id').all(txId) as { category_id: number | null; amount: number }[];
  return rows.map((r) => ({ category: r.category_id !== null ? categoryPath(db, r.category_id, locale) : '', amount: r.amount }));
}
