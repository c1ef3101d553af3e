/**
 * `pocketbook cards` (issue 26 point 7): each credit card's current bill. The ledger gives the
 * figures (ledger/bills.ts); reports/perks/bills.ts turns them into the bill; the CLI renders it.
 */
import type { Context } from '../../core/context.js';
import { listAccounts } from '../../ledger/accounts.js';
import { cardRepayments, knownBalanceAt, periodSpending } from '../../ledger/bills.js';
import { type Bill, billNeedsPaying, billStatement, buildBill } from '../../reports/perks/bills.js';

export type { Bill };
import { openReportLedger } from '../reports/report-common.js';

export interface CardsView {
  today: string;
  bills: Bill[];
  /** The cards whose bill is unpaid and due within 3 days or overdue (`cards --exit-code` exits 3). */
  due_soon: string[];
}

export function cardBills(ctx: Context): CardsView {
  const db = openReportLedger(ctx);
  try {
    const bills = listAccounts(db)
      .filter((a) => a.type === 'credit')
      .map((a) => {
        const card = { name: a.name, currency: a.currency, statementDay: a.statementDay, dueDay: a.dueDay };
        const statement = billStatement(card, ctx.today);
        if (!statement) return buildBill(card, ctx.today, undefined);
        return buildBill(card, ctx.today, {
          closingBalance: knownBalanceAt(db, a.id, a.currency, statement.date),
          periodSpending: periodSpending(db, a.id, a.currency, statement.period),
          repaid: cardRepayments(db, a.id, a.currency, statement.date, ctx.today),
        });
      });
    return { today: ctx.today, bills, due_soon: bills.filter((b) => billNeedsPaying(b)).map((b) => b.account) };
  } finally {
    db.close();
  }
}
