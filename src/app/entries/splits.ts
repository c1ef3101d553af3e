/** Use cases for splitting an entry among categories. */
import type { Context } from '../../core/context.js';
import { usageError } from '../../core/errors.js';
import { formatMinor } from '../../core/money.js';
import { categoryPath } from '../../ledger/categories.js';
import { clearSplit, parseSplitArg, setSplit } from '../../ledger/splits.js';
import { parseId, withDb } from './notes.js';
import { tAnnotate as say } from '../../core/messages/cli-annotate.js';

export interface SplitOutcome {
  id: number;
  cleared: boolean;
  parts: { category: string; amount: string }[];
}

export function splitUseCase(ctx: Context, idText: string, args: string[], clear: boolean): SplitOutcome {
  const txId = parseId(idText);
  if (clear && args.length > 0) throw usageError(say('clearNoParts'));
  if (!clear && args.length === 0) throw usageError(say('giveParts'), say('splitExample', { id: txId }));
  const inputs = args.map(parseSplitArg);
  const locale = ctx.settings.locale === 'zh' ? 'zh' : 'en';
  return withDb(ctx, (db) => {
    if (clear) {
      clearSplit(db, txId);
      return { id: txId, cleared: true, parts: [] };
    }
    const { parts, currency } = setSplit(db, txId, inputs);
    return {
      id: txId,
      cleared: false,
      parts: parts.map((p) => ({ category: categoryPath(db, p.categoryId, locale), amount: formatMinor(p.amount, currency) })),
    };
  });
}
