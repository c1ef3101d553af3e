/**
 * `tx add` (issue 28): an entry typed by hand, from flags or quick text. It shows what it
 * understood (date, signed amount, account, category, description), asks to confirm (unless
 * --yes; without a terminal it refuses rather than guess), and writes the entry marked as a hand
 * entry (ledger/hand-entries.ts), so a statement row that later brings the same money merges
 * into it. The category is the one named, else the rules' (as an import would decide).
 */
import type { Context } from '../../core/context.js';
import { PocketbookError } from '../../core/errors.js';
import { byLocale, getLocale } from '../../core/i18n.js';
import { formatMinor } from '../../core/money.js';
import { tEntriesAdd as t } from '../../core/messages/entries-add.js';
import type { EntryDraft } from '../../core/types.js';
import type { Db } from '../../ledger/open.js';
import { type Account, findAccountById, insertAccount } from '../../ledger/accounts.js';
import { categoryPath } from '../../ledger/categories.js';
import { insertHandEntry } from '../../ledger/hand-entries.js';
import { addNote } from '../../ledger/notes.js';
import { addTags, normalizeTag, tagsOf } from '../../ledger/tags.js';
import { syncSearchIndex } from '../../ledger/search.js';
import { openLedger } from '../../ledger/open.js';
import { beginImmediate, commit, rollbackIfOpen } from '../../ledger/transaction.js';
import { draftAccount, toDraft } from '../import/draft.js';
import { createEnricher } from '../rules/rules-engine.js';
import { type AddInput, type AddRequest, DEFAULT_CASH_ID, DEFAULT_CASH_NAME, addRequest } from './tx-add-parse.js';

export type { AddInput } from './tx-add-parse.js';

/** The created entry, as `--json` prints it. */
export interface AddedEntry {
  id: number;
  date: string;
  amount: string;
  currency: string;
  account: string;
  description: string;
  category: string | null;
  category_source: string | null;
  merchant: string | null;
  kind: string;
  tags: string[];
  notes: string[];
  source: 'hand';
}

/** How the use case talks to the person: confirm, and choose among accounts. Tests and scripts pass their own. */
export interface AddPrompts {
  confirm(message: string): Promise<boolean>;
  choose(message: string, choices: { name: string; value: number }[]): Promise<number>;
}

async function terminalPrompts(): Promise<AddPrompts> {
  const { confirm, select } = await import('@inquirer/prompts');
  return {
    confirm: (message) => confirm({ message, default: true }),
    choose: (message, choices) => select({ message, choices }),
  };
}

function needTerminal(ctx: Context, input: AddInput): void {
  if (!input.yes && !(ctx.interactive && process.stdin.isTTY)) throw new PocketbookError('NO_TTY', t('noTty'), { hint: t('noTtyHint') });
}

/** The account, or the default cash account as it will be created with the entry. */
function accountOf(db: Db, ctx: Context, id: number): Account {
  if (id !== DEFAULT_CASH_ID) return findAccountById(db, id)!;
  const none = { institution: null, numberSuffix: null, creditLimit: null, statementDay: null, dueDay: null, createdAt: '' };
  return { id, name: DEFAULT_CASH_NAME, type: 'cash', currency: ctx.settings.currency, ...none };
}

async function settleAccount(db: Db, ctx: Context, req: AddRequest, prompts: () => Promise<AddPrompts>): Promise<Account> {
  const accounts = req.accountIds.map((id) => accountOf(db, ctx, id));
  if (accounts.length === 1) return accounts[0]!;
  if (!ctx.interactive) {
    throw new PocketbookError('BAD_INPUT', t('twoAccountsNoTty', { word: req.accountWord, accounts: accounts.map((a) => `"${a.name}"`).join(', ') }), { hint: t('twoAccountsHint') });
  }
  const id = await (await prompts()).choose(t('whichAccount', { word: req.accountWord }), accounts.map((a) => ({ name: a.name, value: a.id })));
  return accounts.find((a) => a.id === id)!;
}

/** The entry as an import would enrich it (merchant, category by the rules, kind, channel), then the user's own category. */
function draftFor(db: Db, req: AddRequest, account: Account): EntryDraft {
  const draft = toDraft({ line: 0, date: req.date, amount: req.amount, currency: account.currency, description: req.description }, draftAccount(account));
  createEnricher(db, { createCategories: false }).enrich(draft);
  if (req.categoryId !== undefined) {
    draft.categoryId = req.categoryId;
    draft.categorySource = 'manual';
  }
  return draft;
}

/** What it understood, one label and value a line. */
export function understoodLines(db: Db, draft: EntryDraft, input: AddInput): string[] {
  const sign = draft.amount > 0 ? `+${formatMinor(draft.amount, draft.currency)}` : formatMinor(draft.amount, draft.currency);
  const side = draft.amount > 0 ? t('income') : t('spending');
  const category = draft.categoryId !== undefined ? categoryPath(db, draft.categoryId, getLocale()) : t('noCategory');
  const rule = draft.categorySource?.startsWith('rule:') ? byLocale({ en: ` (${t('byRule', { rule: draft.categorySource.slice(5) })})`, zh: `（${t('byRule', { rule: draft.categorySource.slice(5) })}）` }) : '';
  const colon = byLocale({ en: ': ', zh: '：' });
  const [open, close] = byLocale({ en: [' (', ')'], zh: ['（', '）'] });
  const line = (label: string, value: string) => `  ${label}${colon}${value}`;
  return [
    t('understood'),
    line(t('labelDate'), draft.date),
    line(t('labelAmount'), `${sign} ${draft.currency}${open}${side}${close}`),
    line(t('labelAccount'), `${draft.accountName}${draft.accountId === DEFAULT_CASH_ID ? ` ${t('newCash')}` : ''}`),
    line(t('labelCategory'), `${category}${rule}`),
    line(t('labelDescription'), draft.description),
    ...(input.tags && input.tags.length > 0 ? [line(t('labelTags'), input.tags.join(', '))] : []),
    ...(input.note ? [line(t('labelNote'), input.note)] : []),
  ];
}

function write(db: Db, draft: EntryDraft, input: AddInput, now: string): number {
  beginImmediate(db);
  try {
    if (draft.accountId === DEFAULT_CASH_ID) {
      draft.accountId = insertAccount(db, { name: draft.accountName, type: 'cash', currency: draft.currency }, now).id;
    }
    const id = insertHandEntry(db, {
      accountId: draft.accountId, date: draft.date, amount: draft.amount, currency: draft.currency, description: draft.description,
      merchant: draft.merchant ?? null, merchantSource: draft.merchantSource ?? null, categoryId: draft.categoryId ?? null,
      categorySource: draft.categorySource ?? null, kind: draft.kind, kindSource: draft.kindSource ?? null, channel: draft.channel,
      channelSource: draft.channelSource ?? null,
    }, now);
    const tags = [...new Set([...(draft.tags ?? []), ...(input.tags ?? [])])];
    if (tags.length > 0) addTags(db, id, tags);
    if (input.note !== undefined) addNote(db, id, input.note, now);
    commit(db);
    return id;
  } finally {
    rollbackIfOpen(db);
  }
}

function added(db: Db, id: number, draft: EntryDraft, input: AddInput): AddedEntry {
  const tags = tagsOf(db, id);
  return {
    id, date: draft.date, amount: formatMinor(draft.amount, draft.currency), currency: draft.currency, account: draft.accountName,
    description: draft.description, category: draft.categoryId !== undefined ? categoryPath(db, draft.categoryId, getLocale()) : null,
    category_source: draft.categorySource ?? null, merchant: draft.merchant ?? null, kind: draft.kind, tags,
    notes: input.note !== undefined ? [input.note.trim()] : [], source: 'hand',
  };
}

/**
 * Add the entry; null when the person said no. `show` receives what was understood (the CLI
 * prints it: stdout for people, stderr under --json).
 */
export async function addEntry(ctx: Context, input: AddInput, show: (lines: string[]) => void, prompts: () => Promise<AddPrompts> = terminalPrompts): Promise<AddedEntry | null> {
  for (const tag of input.tags ?? []) normalizeTag(tag);
  const db = openLedger(ctx.ledgerPath);
  try {
    const req = addRequest(db, input, ctx.today, ctx.settings.currency);
    needTerminal(ctx, input);
    const account = await settleAccount(db, ctx, req, prompts);
    const draft = draftFor(db, req, account);
    show(understoodLines(db, draft, input));
    if (!input.yes && !(await (await prompts()).confirm(t('confirmAdd')))) return null;
    const id = write(db, draft, input, new Date().toISOString());
    try {
      syncSearchIndex(db);
    } catch {
      // Derived data: the next import or search brings the index up to date.
    }
    return added(db, id, draft, input);
  } finally {
    db.close();
  }
}
