/** `tx list --instalments` (issue 26 point 7): the ledger's instalment plans, of one account with --account. */
import type { Context } from '../../core/context.js';
import { PocketbookError } from '../../core/errors.js';
import { openLedger } from '../../ledger/open.js';
import { instalmentCandidates } from '../../ledger/instalments.js';
import { type InstalmentPlan, groupInstalmentPlans } from '../../reports/perks/instalment-plans.js';
import { requireAccount } from '../accounts/accounts.js';
import { tBills as t } from '../../core/messages/bills.js';

/** The tx list options that go with --instalments: only --account (a plan is shown whole). */
export function instalmentPlans(ctx: Context, opts: Record<string, unknown>): InstalmentPlan[] {
  const others = Object.entries(opts).filter(([k, v]) => v !== undefined && k !== 'instalments' && k !== 'account');
  if (others.length > 0) throw new PocketbookError('BAD_INPUT', t('instalmentsOnlyAccount'));
  const db = openLedger(ctx.ledgerPath, { mapped: true });
  try {
    const accountId = typeof opts.account === 'string' ? requireAccount(db, opts.account).id : undefined;
    return groupInstalmentPlans(instalmentCandidates(db, accountId));
  } finally {
    db.close();
  }
}
