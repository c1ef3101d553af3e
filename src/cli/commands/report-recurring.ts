import type { Command } from 'commander';
import { action, examples } from '../runtime.js';
import { tEntriesAdd as t } from '../../core/messages/entries-add.js';

/** Registers `pocketbook report recurring` (issue 28). */
export function registerReportRecurring(report: Command): void {
  report
    .command('recurring')
    .description(t('recurringDescription'))
    .addHelpText('after', examples('pocketbook report recurring', 'pocketbook report recurring --json', 'pocketbook report recurring --json | jq \'.[] | select(.price_change != null)\''))
    .action(
      action(async (ctx) => {
        const { recurringReportView } = await import('../../app/reports/report-recurring.js');
        const view = recurringReportView(ctx);
        const { recurringDocument } = await import('../../render/recurring-views.js');
        await (await import('../report-output.js')).emitReport(ctx, recurringDocument(view.list), view.json);
      }),
    );
}
