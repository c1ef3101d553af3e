import type { Command } from 'commander';
import { action, examples } from '../runtime.js';
import { tReimburse as t } from '../../core/messages/reimburse.js';

/** Registers `pocketbook report reimbursements [--all]` (报销, issue 28 point 3). */
export function registerReportReimbursements(report: Command): void {
  report
    .command('reimbursements')
    .description(t('reportDescription'))
    .option('--all', t('optAll'))
    .addHelpText(
      'after',
      examples({
        en: ['pocketbook report reimbursements', 'pocketbook report reimbursements --all', 'pocketbook report reimbursements --json | jq \'.by_payer[] | {from, amount}\''],
        zh: ['pocketbook report reimbursements', 'pocketbook report reimbursements --all', 'pocketbook report reimbursements --json --lang zh | jq \'.outstanding[] | select(.since_days > 30)\''],
      }),
    )
    .action(
      action(async (ctx, opts: { all?: boolean }) => {
        const { reimbursementsReportView } = await import('../../app/reports/report-reimbursements.js');
        const view = reimbursementsReportView(ctx, { all: opts.all === true });
        const { reimbursementsDocument } = await import('../../render/reimbursement-views.js');
        await (await import('../report-output.js')).emitReport(ctx, reimbursementsDocument(view.report), view.json);
      }),
    );
}
