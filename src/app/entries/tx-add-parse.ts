/**
 * What `tx add` is asked to add, from flags or from quick text (core/quick-entry.ts), against the
 * ledger's accounts, aliases and categories. Every refusal is one located, coded line.
 */
import { PocketbookError, notFound } from '../../core/errors.js';
import { isIsoDate } from '../../core/dates.js';
import { parseUserAmount } from '../../core/money.js';
import { type QuickData, type QuickEntry, type QuickProblem, accountsForWord, parseQuickText } from '../../core/quick-entry.js';
import { dateInWords } from '../../core/quick-words.js';
import { tEntriesAdd as t } from '../../core/messages/entries-add.js';
import type { Db } from '../../ledger/open.js';
import { listAccounts } from '../../ledger/accounts.js';
import { listAccountAliases } from '../../ledger/account-aliases.js';
import { allCategories, findCategory } from '../../ledger/categories.js';

export interface AddInput {
  text?: string;
  date?: string;
  amount?: string;
  account?: string;
  description?: string;
  category?: string;
  tags?: string[];
  note?: string;
  yes?: boolean;
}

/** The entry as understood, before the account is settled (several candidates: the caller asks); a category given by flag or word is set by hand. */
export type AddRequest = Omit<QuickEntry, 'incomeWord'>;

/** The default cash account (现金) before its first entry: tx add creates it then. */
export const DEFAULT_CASH_ID = -1;
export const DEFAULT_CASH_NAME = 'Cash';

export function quickData(db: Db, today: string, currency: string): QuickData {
  const accounts = listAccounts(db).map((a) => ({ id: a.id, name: a.name, institution: a.institution, type: a.type }));
  if (!accounts.some((a) => a.type === 'cash' || a.name.toLowerCase() === DEFAULT_CASH_NAME.toLowerCase())) {
    accounts.push({ id: DEFAULT_CASH_ID, name: DEFAULT_CASH_NAME, institution: null, type: 'cash' });
  }
  return {
    today,
    currency,
    accounts,
    aliases: listAccountAliases(db).map((a) => ({ alias: a.alias, accountId: a.accountId })),
    categories: allCategories(db).map((c) => ({ id: c.id, en: c.name_en, zh: c.name_zh })),
  };
}

function quoted(words: readonly string[]): string {
  return words.map((w) => `'${w}'`).join(', ');
}

/** The one line a quick text it will not guess at gets. */
export function quickProblemError(problem: QuickProblem, text: string): PocketbookError {
  const bad = (message: string, hint?: string) => new PocketbookError('BAD_INPUT', message, hint ? { hint } : {});
  switch (problem.code) {
    case 'EMPTY': return bad(t('emptyText'), t('flagsHint'));
    case 'NO_AMOUNT': return bad(t('noAmount', { text }), t('noAmountHint'));
    case 'TWO_AMOUNTS': return bad(t('twoAmounts', { text, words: quoted(problem.words) }), t('twoAmountsHint'));
    case 'TWO_DATES': return bad(t('twoDates', { text, words: quoted(problem.words) }));
    case 'BAD_DATE': return bad(t('badDate', { words: quoted(problem.words) }));
    case 'NO_ACCOUNT': return bad(t('noAccount', { text }), t('noAccountHint'));
    case 'UNKNOWN_ACCOUNT': return bad(t('unknownAccount', { words: problem.words.join(' ') }), t('unknownAccountHint'));
    case 'TWO_ACCOUNTS': return bad(t('twoAccountWords', { text, words: quoted(problem.words) }));
    case 'NO_DESCRIPTION': return bad(t('noDescription', { text }), t('noDescriptionHint'));
    case 'NOT_UNDERSTOOD': return bad(t('notUnderstood', { words: quoted(problem.words) }), t('notUnderstoodHint'));
  }
}

function fromText(db: Db, input: AddInput, today: string, currency: string): AddRequest {
  const text = input.text!;
  const r = parseQuickText(text, quickData(db, today, currency));
  if (!r.ok) throw quickProblemError(r.problem, text);
  const named = input.category !== undefined ? categoryId(db, input.category) : r.entry.categoryId;
  const date = input.date !== undefined ? dateFlag(input.date, today) : r.entry.date;
  return { ...r.entry, date, ...(named !== undefined ? { categoryId: named } : {}) };
}

function categoryId(db: Db, name: string): number {
  const c = findCategory(db, name);
  if (!c) throw notFound(t('noSuchCategory', { name }), t('noSuchCategoryHint'));
  return c.id;
}

function dateFlag(text: string, today: string): string {
  if (isIsoDate(text)) return text;
  const d = dateInWords(text.split(/\s+/), 0, today);
  if (d && 'date' in d && d.words === text.split(/\s+/).length) return d.date;
  throw new PocketbookError('BAD_INPUT', t('badDateFlag', { date: text }));
}

function fromFlags(db: Db, input: AddInput, today: string, currency: string): AddRequest {
  const missing = (['amount', 'account', 'description'] as const).filter((k) => input[k] === undefined || input[k]!.trim() === '');
  if (missing.length > 0) throw new PocketbookError('USAGE', t('flagsMissing', { flags: missing.map((k) => `--${k}`).join(', ') }), { hint: t('flagsHint'), exitCode: 2 });
  const data = quickData(db, today, currency);
  const found = accountsForWord(input.account!.trim(), data);
  if (found.ids.length === 0) throw notFound(t('noSuchAccount', { name: input.account! }), t('noSuchAccountHint'));
  const amount = parseUserAmount(input.amount!, currency);
  if (amount === 0) throw new PocketbookError('BAD_INPUT', t('zeroAmount'));
  return {
    date: input.date !== undefined ? dateFlag(input.date, today) : today,
    amount,
    accountIds: found.ids,
    accountWord: input.account!.trim(),
    description: input.description!.trim(),
    ...(input.category !== undefined ? { categoryId: categoryId(db, input.category) } : {}),
  };
}

/** The request from the quick text or the flags (not both). */
export function addRequest(db: Db, input: AddInput, today: string, currency: string): AddRequest {
  const flags = input.amount !== undefined || input.account !== undefined || input.description !== undefined;
  if (input.text !== undefined && flags) throw new PocketbookError('USAGE', t('textAndFlags'), { exitCode: 2 });
  return input.text !== undefined ? fromText(db, input, today, currency) : fromFlags(db, input, today, currency);
}
