/** Sums of journal postings, read back from the text the way hledger/bean-query would total them. */

/** `month|currency|account` → sum in minor units (2-decimal currencies). */
export type PostingSums = Map<string, number>;

const LEDGER_POSTING = /^ {4}(\S.*?)\s{2,}(-?\d+(?:\.\d+)?) ([A-Z]{3})$/;
const BEAN_POSTING = /^ {2}([A-Z][^\s]*)\s+(-?\d+(?:\.\d+)?) ([A-Z]{3})$/;

export function postingSums(text: string, format: 'ledger' | 'beancount'): PostingSums {
  const sums: PostingSums = new Map();
  let month = '';
  for (const line of text.split('\n')) {
    const head = /^(\d{4}-\d\d)-\d\d \*/.exec(line);
    if (head) {
      month = head[1]!;
      continue;
    }
    const m = (format === 'ledger' ? LEDGER_POSTING : BEAN_POSTING).exec(line);
    if (!m || month === '') continue;
    const key = `${month}|${m[3]}|${m[1]}`;
    sums.set(key, (sums.get(key) ?? 0) + Math.round(Number(m[2]) * 100));
  }
  return sums;
}

/** Beancount `open` metadata: account → the category path it stands for ('' = Uncategorized). */
export function beancountCategories(text: string): Map<string, string> {
  const out = new Map<string, string>();
  let account = '';
  for (const line of text.split('\n')) {
    const open = /^\d{4}-\d\d-\d\d open (\S+)/.exec(line);
    if (open) account = open[1]!;
    else if (!line.startsWith('  ')) account = '';
    const cat = /^ {2}category: "(.*)"$/.exec(line);
    if (cat && account) out.set(account, cat[1]!);
  }
  return out;
}

/**
 * Spending per top category and income, per `month|currency`, from posting sums. `topOf` names the
 * report category of an Expenses account (undefined: not a category account).
 */
export function sidesFromPostings(sums: PostingSums, topOf: (account: string) => string | undefined): Map<string, { spending: Map<string, number>; income: number }> {
  const out = new Map<string, { spending: Map<string, number>; income: number }>();
  for (const [key, amount] of sums) {
    const [month, currency, account] = key.split('|') as [string, string, string];
    const mc = `${month}|${currency}`;
    const slot = out.get(mc) ?? { spending: new Map<string, number>(), income: 0 };
    out.set(mc, slot);
    if (account.startsWith('Income:')) slot.income -= amount;
    if (account.startsWith('Expenses:')) {
      const top = topOf(account) ?? '?';
      slot.spending.set(top, (slot.spending.get(top) ?? 0) + amount);
    }
  }
  return out;
}

/** The ledger-format name of a default-tree Expenses account → its report category (the top). */
export const ledgerTop = (account: string): string | undefined => account.split(':')[1];

export const nonZero = (m: Map<string, number>): Record<string, number> => Object.fromEntries([...m].filter(([, v]) => v !== 0).sort(([a], [b]) => (a < b ? -1 : 1)));

/** Transactions whose postings do not sum to zero in every currency (their first line). */
export function unbalanced(text: string, format: 'ledger' | 'beancount'): string[] {
  const bad: string[] = [];
  for (const block of text.split('\n\n')) {
    const lines = block.split('\n');
    if (!/^\d{4}-\d\d-\d\d \*/.test(lines[0] ?? '')) continue;
    const sums = new Map<string, number>();
    for (const line of lines) {
      const m = (format === 'ledger' ? LEDGER_POSTING : BEAN_POSTING).exec(line);
      if (m) sums.set(m[3]!, (sums.get(m[3]!) ?? 0) + Math.round(Number(m[2]) * 100));
    }
    if ([...sums.values()].some((v) => v !== 0)) bad.push(lines[0]!);
  }
  return bad;
}
