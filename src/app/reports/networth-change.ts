/**
 * The change in net worth over a report's period (report month, report year): real balances
 * (opening balances included) at the end of the day before it and at its end, or today while it
 * runs; the report's accounts (all, or --account) in the report's currency.
 */
import { addDays } from '../../core/dates.js';
import type { Db } from '../../ledger/open.js';
import { listAccounts } from '../../ledger/accounts.js';
import { balancesAt } from '../../ledger/balances.js';
import { type NetWorthChange, netWorthChange } from '../../reports/networth.js';

export function netWorthOver(db: Db, range: { from: string; to: string }, today: string, currency: string, accountIds?: readonly number[]): NetWorthChange {
  const startDate = addDays(range.from, -1);
  const endDate = today < range.to ? (today < startDate ? startDate : today) : range.to;
  const creditIds = new Set(listAccounts(db).filter((a) => a.type === 'credit').map((a) => a.id));
  const keep = accountIds ? new Set(accountIds) : undefined;
  const at = (date: string) => ({ date, balances: balancesAt(db, date).filter((b) => !keep || keep.has(b.accountId)) });
  return netWorthChange(currency, creditIds, at(startDate), at(endDate));
}
