/**
 * Account names for the journal exports, made once from the accounts and category tables so that
 * every export of a ledger (any --from/--to) names things the same way.
 *  - ledger/hledger keep the user's names (any script), cleaned of what the format reserves;
 *  - beancount components follow `[A-Z0-9][A-Za-z0-9-]*` (valid in beancount 2 and 3): a name
 *    without ASCII letters or digits becomes one made from the institution, type and number suffix
 *    (`Assets:Wallet`, `Liabilities:Credit-8842`) or `Category-<id>`, and the user's name is kept
 *    as `name:` metadata on its `open`.
 *  - Two names never collapse into one: a later claimant gets `-2`, `-3` … (names left unchanged
 *    claim first, then by id), so `Cash (old)` and `Cash old` stay two accounts.
 * The side decides the root (core/sides.ts): spending → Expenses, income → Income, whatever tree
 * the category sits in; a top category named like its root is not repeated (`Income:Salary`).
 */
import type { AccountNode, CategoryNode } from '../../ledger/export-rows.js';

export type JournalFormat = 'ledger' | 'beancount';
export type CountedSide = 'spending' | 'income';

export const EQUITY = {
  transfers: 'Equity:Transfers',
  inTransit: 'Equity:Transfers:In-transit',
  fees: 'Equity:Transfers:Fees',
  conversion: 'Equity:Conversion',
  opening: 'Equity:Opening-Balances',
} as const;

export interface AccountInfo {
  /** The user's name when the exported name differs from it. */
  name?: string;
  /** The category path a category account stands for (`Dining:Coffee & tea`; '' for Uncategorized). */
  category?: string;
}

export interface JournalNames {
  asset(accountId: number): string;
  counter(side: CountedSide, categoryId: number | null): string;
  info(account: string): AccountInfo;
}

const ROOT: Record<CountedSide, string> = { spending: 'Expenses', income: 'Income' };
const TYPE_NAME: Record<string, string> = { checking: 'Checking', savings: 'Savings', credit: 'Credit', wallet: 'Wallet', cash: 'Cash' };

const oneLine = (s: string) => s.replace(/[\x00-\x1f\x7f]+/g, ' ').trim();

/** One ledger/hledger component: no `:` (separator), `;` (comment) or runs of spaces (end of name). */
function ledgerPart(raw: string): string {
  return oneLine(raw).replace(/[:;]/g, '-').replace(/\s{2,}/g, ' ').trim();
}

/** One beancount component, or '' when the name has no ASCII letter or digit to keep. */
function beancountPart(raw: string): string {
  const ascii = raw.replace(/[^A-Za-z0-9-]+/g, '-').replace(/-{2,}/g, '-').replace(/^-+|-+$/g, '');
  if (!/[A-Za-z0-9]/.test(ascii)) return '';
  return ascii[0]!.toUpperCase() + ascii.slice(1);
}

interface Claim {
  key: string;
  parent: string;
  part: string;
  unchanged: boolean;
  info: AccountInfo;
}

export function journalNames(format: JournalFormat, accounts: readonly AccountNode[], categories: readonly CategoryNode[]): JournalNames {
  const clean = (raw: string, fallback: string): { part: string; unchanged: boolean } => {
    const part = format === 'ledger' ? ledgerPart(raw) : beancountPart(raw);
    return part === '' ? { part: fallback, unchanged: false } : { part, unchanged: part === raw };
  };
  const taken = new Set<string>(Object.values(EQUITY).map((n) => n.toLowerCase()));
  const byKey = new Map<string, string>();
  const infos = new Map<string, AccountInfo>();
  const settle = (claims: Claim[]) => {
    const ordered = [...claims.filter((c) => c.unchanged), ...claims.filter((c) => !c.unchanged)];
    for (const c of ordered) {
      const parent = byKey.get(c.parent) ?? c.parent;
      let name = `${parent}:${c.part}`;
      for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${parent}:${c.part}-${n}`;
      taken.add(name.toLowerCase());
      byKey.set(c.key, name);
      infos.set(name, c.info);
    }
  };
  // Uncategorized first: nothing else may take these names.
  for (const side of ['spending', 'income'] as const) settle([{ key: `${side}:`, parent: ROOT[side], part: 'Uncategorized', unchanged: true, info: { category: '' } }]);
  settle(
    accounts.map((a) => {
      const typeName = TYPE_NAME[a.type] ?? 'Account';
      const fallback = [beancountPart(a.institution ?? '') || typeName, a.number_suffix ? beancountPart(a.number_suffix) : ''].filter(Boolean).join('-');
      const { part, unchanged } = clean(a.name, fallback);
      return { key: `a${a.id}`, parent: a.type === 'credit' ? 'Liabilities' : 'Assets', part, unchanged, info: unchanged ? {} : { name: a.name } };
    }),
  );
  const byId = new Map(categories.map((c) => [c.id, c]));
  for (const level of [0, 1]) {
    for (const side of ['spending', 'income'] as const) {
      const claims: Claim[] = [];
      for (const c of categories) {
        const parent = c.parent_id !== null ? byId.get(c.parent_id) : undefined;
        if ((parent ? 1 : 0) !== level) continue;
        const path = parent ? `${parent.name_en}:${c.name_en}` : c.name_en;
        const { part, unchanged } = clean(c.name_en, `Category-${c.id}`);
        // `Income:Income:Salary` → `Income:Salary`: a top category named like its root is not repeated.
        const skipTop = level === 0 && part.toLowerCase() === ROOT[side].toLowerCase();
        if (skipTop) {
          byKey.set(`${side}:${c.id}`, ROOT[side]);
          claims.push({ key: `${side}:${c.id}:self`, parent: ROOT[side], part: 'General', unchanged: true, info: { category: path } });
          continue;
        }
        const parentKey = parent ? `${side}:${parent.id}` : ROOT[side];
        claims.push({ key: `${side}:${c.id}`, parent: parentKey, part, unchanged, info: { category: path, ...(unchanged ? {} : { name: c.name_en }) } });
      }
      settle(claims);
    }
  }
  return {
    asset: (id) => byKey.get(`a${id}`) ?? 'Assets:Unknown',
    counter(side, categoryId) {
      if (categoryId === null || !byId.has(categoryId)) return byKey.get(`${side}:`)!;
      return byKey.get(`${side}:${categoryId}:self`) ?? byKey.get(`${side}:${categoryId}`)!;
    },
    info: (account) => infos.get(account) ?? {},
  };
}
