import type { Command } from 'commander';
import { action, examples } from '../runtime.js';
import { tReimburse as t } from '../../core/messages/reimburse.js';
import type { ReimburseOutcome } from '../../app/entries/reimburse.js';

interface ReimburseFlags {
  from?: string;
  note?: string;
  paidBy?: string;
  undo?: boolean;
  clear?: boolean;
}

function outcomeLines(r: ReimburseOutcome): string[] {
  if (r.action === 'cleared') return r.entries.map((e) => t('cleared', { id: e.id }));
  const from = r.from !== null ? t('fromPart', { from: r.from }) : '';
  const lines = r.entries.map((e) => t('marked', { id: e.id, date: e.date, amount: e.amount, currency: e.currency, description: e.description, from }));
  if (r.paid) {
    const p = { payment: r.paid.payment, date: r.paid.date, amount: r.paid.amount, currency: r.paid.currency, ids: r.paid.expenses.join(', ') };
    lines.push(t(r.paid.linked_by === 'hand' ? 'linked' : 'linkedMatched', p));
  }
  for (const u of r.unclear) lines.push(t('unclear', { id: u.expense, candidates: u.candidates.join(', '), first: u.candidates[0]! }));
  if (!r.paid && r.unclear.length === 0) lines.push(r.from !== null ? t('waiting', { from: r.from }) : t('waitingNoPayer'));
  return lines;
}

/** Registers `tx reimburse ID… [--from NAME] [--note N] [--paid-by ID] [--undo]` (报销, issue 28 point 3). */
export function registerTxReimburse(tx: Command): void {
  tx.command('reimburse')
    .argument('<ids...>', t('argIds'))
    .description(t('description'))
    .option('--from <name>', t('optFrom'))
    .option('--note <text>', t('optNote'))
    .option('--paid-by <id>', t('optPaidBy'))
    .option('--undo', t('optUndo'))
    .option('--clear', t('optUndo'))
    .addHelpText(
      'after',
      examples({
        en: [
          'pocketbook tx reimburse 4812 --from "Acme Ltd" --note "Shanghai trip"',
          'pocketbook tx reimburse 4812 --paid-by 4990',
          'pocketbook tx reimburse 4812 4813 --paid-by 4990     # paid back together',
          'pocketbook tx reimburse 4812 --undo',
          'pocketbook report reimbursements',
        ],
        zh: [
          'pocketbook tx reimburse 4812 --from 星辰科技 --note "上海出差"',
          'pocketbook tx reimburse 4812 --paid-by 4990',
          'pocketbook tx reimburse 4812 4813 --paid-by 4990     # 两笔一起报销',
          'pocketbook tx reimburse 4812 --undo',
          'pocketbook report reimbursements',
        ],
      }),
    )
    .action(
      action(async (ctx, ids: string[], opts: ReimburseFlags) => {
        const { reimburseUseCase } = await import('../../app/entries/reimburse.js');
        const result = reimburseUseCase(ctx, ids, {
          ...(opts.from !== undefined ? { from: opts.from } : {}),
          ...(opts.note !== undefined ? { note: opts.note } : {}),
          ...(opts.paidBy !== undefined ? { paidBy: opts.paidBy } : {}),
          undo: opts.undo === true || opts.clear === true,
        });
        ctx.io.out(ctx.format === 'json' ? JSON.stringify(result) : outcomeLines(result).join('\n'));
      }),
    );
}
