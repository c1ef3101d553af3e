/**
 * Net worth (issue 27): assets, liabilities and net worth per month-end and currency, from opening
 * balances and monthly entry sums per account. Pure: rows in, plain data out; minor units throughout.
 * Assets are the balances of non-credit accounts (signed: an overdrawn checking account lowers them);
 * liabilities are what credit accounts owe (their balance negated: positive = owed). Currencies are
 * never added to each other.
 */
import { formatMinor } from '../core/money.js';

export interface AccountAmountRow {
  accountId: number;
  currency: string;
  amount: number;
}

export interface MonthAmountRow extends AccountAmountRow {
  month: string;
}

export interface NetWorthFigures {
  assets: number;
  liabilities: number;
  netWorth: number;
}

export interface NetWorthRow extends NetWorthFigures {
  month: string;
  currency: string;
}

export interface NetWorthInput {
  /** Month-ends to report, ascending (YYYY-MM). */
  months: readonly string[];
  /** Ids of credit accounts (their balances are liabilities). */
  creditIds: ReadonlySet<number>;
  openings: readonly AccountAmountRow[];
  /** Entry sums per account, currency and month, any order; months after the last reported one are ignored. */
  monthly: readonly MonthAmountRow[];
}

export interface NetWorthReport {
  months: string[];
  currencies: string[];
  rows: NetWorthRow[];
}

const keyOf = (r: AccountAmountRow) => `${r.accountId} ${r.currency}`;

/** Assets, liabilities and net worth per currency of a set of (account, currency) balances. */
export function netWorthOf(balances: Iterable<AccountAmountRow>, creditIds: ReadonlySet<number>): Map<string, NetWorthFigures> {
  const out = new Map<string, NetWorthFigures>();
  for (const b of balances) {
    const f = out.get(b.currency) ?? { assets: 0, liabilities: 0, netWorth: 0 };
    if (creditIds.has(b.accountId)) f.liabilities -= b.amount;
    else f.assets += b.amount;
    f.netWorth = f.assets - f.liabilities;
    out.set(b.currency, f);
  }
  return out;
}

/** Running balances month by month: each month-end's balance is the opening plus every monthly sum up to it. */
export function buildNetWorth(input: NetWorthInput): NetWorthReport {
  const balances = new Map<string, AccountAmountRow>();
  const at = (r: AccountAmountRow): AccountAmountRow => {
    let b = balances.get(keyOf(r));
    if (!b) balances.set(keyOf(r), (b = { accountId: r.accountId, currency: r.currency, amount: 0 }));
    return b;
  };
  for (const o of input.openings) at(o).amount += o.amount;
  const monthly = [...input.monthly].sort((a, b) => a.month.localeCompare(b.month));
  const last = input.months[input.months.length - 1] ?? '';
  // Every currency that appears up to the last month has a row in every month.
  for (const m of monthly) if (m.month <= last) at(m);
  const currencies = [...new Set([...balances.values()].map((b) => b.currency))].sort();
  const rows: NetWorthRow[] = [];
  let next = 0;
  for (const month of input.months) {
    for (let m = monthly[next]; m !== undefined && m.month <= month; m = monthly[++next]) at(m).amount += m.amount;
    const figures = netWorthOf(balances.values(), input.creditIds);
    for (const currency of currencies) rows.push({ month, currency, ...(figures.get(currency) ?? { assets: 0, liabilities: 0, netWorth: 0 }) });
  }
  return { months: [...input.months], currencies, rows };
}

export interface NetWorthJsonRow {
  month: string;
  currency: string;
  assets: string;
  liabilities: string;
  net_worth: string;
}

export function netWorthJson(r: NetWorthReport): NetWorthJsonRow[] {
  return r.rows.map((x) => ({
    month: x.month,
    currency: x.currency,
    assets: formatMinor(x.assets, x.currency),
    liabilities: formatMinor(x.liabilities, x.currency),
    net_worth: formatMinor(x.netWorth, x.currency),
  }));
}

/** Net worth at the end of the day before a period and at its end (or today, while it runs), in one currency. */
export interface NetWorthChange {
  startDate: string;
  endDate: string;
  start: number;
  end: number;
  change: number;
}

/** The change in net worth of one currency between two sets of (account, currency) balances. */
export function netWorthChange(
  currency: string,
  creditIds: ReadonlySet<number>,
  start: { date: string; balances: readonly AccountAmountRow[] },
  end: { date: string; balances: readonly AccountAmountRow[] },
): NetWorthChange {
  const of = (rows: readonly AccountAmountRow[]) => netWorthOf(rows.filter((r) => r.currency === currency), creditIds).get(currency)?.netWorth ?? 0;
  const s = of(start.balances);
  const e = of(end.balances);
  return { startDate: start.date, endDate: end.date, start: s, end: e, change: e - s };
}

/** `net_worth` in the month and year reports' JSON: decimal strings in the report's currency. */
export function netWorthChangeJson(c: NetWorthChange | null, currency: string): Record<string, string> | null {
  if (!c) return null;
  return { start: formatMinor(c.start, currency), end: formatMinor(c.end, currency), change: formatMinor(c.change, currency), start_date: c.startDate, end_date: c.endDate };
}
