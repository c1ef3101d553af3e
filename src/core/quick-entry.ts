/**
 * The quick text of `tx add "昨天 加油 50 招行"` (issue 28): words → date, amount with its sign,
 * account, category and description, or the one reason it will not guess. Pure: the ledger's
 * accounts, aliases and categories come in as data.
 *
 * Each word is placed once, in this order: a date in words (quick-words.ts), an amount (`50`,
 * `13.2`, `+5200`, `-8`, `¥50`, `50元`), an account (an alias, an account's name, or a bank's or
 * wallet's short name matched against the accounts' names and institutions). The other words are
 * the description; they must be one run of words (a word standing apart, after the account or the
 * amount, is named as not understood). Money goes out unless the amount has a `+` or the
 * description holds an income word (工资, 报销, salary, refund …). A description word that is a
 * category's name sets the category; otherwise the rules categorize the description (the caller).
 */
import { parseAmount } from './money.js';
import { INCOME_WORDS_EN, INCOME_WORDS_ZH, dateInWords, institutionOf } from './quick-words.js';

export interface QuickAccount {
  id: number;
  name: string;
  institution: string | null;
  type: string;
}

export interface QuickCategory {
  id: number;
  en: string;
  zh: string;
}

export interface QuickData {
  today: string;
  currency: string;
  accounts: readonly QuickAccount[];
  aliases: readonly { alias: string; accountId: number }[];
  categories: readonly QuickCategory[];
}

export interface QuickEntry {
  date: string;
  /** Signed minor units: negative is money out. */
  amount: number;
  /** Every account the account word can mean (more than one: the caller asks which). */
  accountIds: number[];
  accountWord: string;
  description: string;
  /** A category named by a description word. */
  categoryId?: number;
  /** The income word that made it money in, if that (and not a `+`) decided. */
  incomeWord?: string;
}

export type QuickProblem =
  | { code: 'EMPTY' }
  | { code: 'NO_AMOUNT' }
  | { code: 'TWO_AMOUNTS'; words: string[] }
  | { code: 'TWO_DATES'; words: string[] }
  | { code: 'BAD_DATE'; words: string[] }
  | { code: 'NO_ACCOUNT' }
  | { code: 'UNKNOWN_ACCOUNT'; words: string[] }
  | { code: 'TWO_ACCOUNTS'; words: string[] }
  | { code: 'NO_DESCRIPTION' }
  | { code: 'NOT_UNDERSTOOD'; words: string[] };

export type QuickResult = { ok: true; entry: QuickEntry } | { ok: false; problem: QuickProblem };

const AMOUNT = /^([+-])?[¥￥$]?(\d+(?:\.\d{1,2})?)(?:元|块|块钱|rmb|cny|yuan)?$/i;

type Placed = { kind: 'date'; date: string } | { kind: 'amount'; sign: string | undefined; minor: number } | { kind: 'account'; ids: number[] } | { kind: 'free' };

interface Word {
  text: string;
  placed: Placed;
}

/** Split on spaces (full-width too), keeping each word; a word may be quoted to hold a space. */
export function quickWords(text: string): string[] {
  const words: string[] = [];
  for (const m of text.replace(/\u3000/g, ' ').matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)) {
    const w = (m[1] ?? m[2] ?? m[3] ?? '').trim();
    if (w) words.push(w);
  }
  return words;
}

/** The accounts a word names: an alias, an account's own name, else a bank's or wallet's short name. */
export function accountsForWord(word: string, data: Pick<QuickData, 'accounts' | 'aliases'>): { known: boolean; ids: number[] } {
  const lower = word.toLowerCase();
  const alias = data.aliases.find((a) => a.alias.toLowerCase() === lower);
  if (alias) return { known: true, ids: [alias.accountId] };
  const named = data.accounts.filter((a) => a.name.toLowerCase() === lower);
  if (named.length > 0) return { known: true, ids: named.map((a) => a.id) };
  const inst = institutionOf(word);
  if (!inst) return { known: false, ids: [] };
  const ids = data.accounts
    .filter((a) => (inst.type !== undefined && a.type === inst.type) || inst.match.some((m) => `${a.name} ${a.institution ?? ''}`.toLowerCase().includes(m)))
    .map((a) => a.id);
  return { known: true, ids };
}

function placeWords(words: readonly string[], data: QuickData): Word[] | QuickProblem {
  const out: Word[] = [];
  for (let i = 0; i < words.length; ) {
    const text = words[i]!;
    const d = dateInWords(words, i, data.today);
    if (d) {
      const joined = words.slice(i, i + d.words).join(' ');
      if ('invalid' in d) return { code: 'BAD_DATE', words: [joined] };
      out.push({ text: joined, placed: { kind: 'date', date: d.date } });
      i += d.words;
      continue;
    }
    const m = AMOUNT.exec(text);
    if (m) {
      out.push({ text, placed: { kind: 'amount', sign: m[1], minor: parseAmount(m[2]!, { currency: data.currency }).minor } });
    } else {
      const acc = accountsForWord(text, data);
      out.push({ text, placed: acc.known ? { kind: 'account', ids: acc.ids } : { kind: 'free' } });
    }
    i++;
  }
  return out;
}

function incomeWordIn(description: string): string | undefined {
  const zh = INCOME_WORDS_ZH.find((w) => description.includes(w));
  if (zh) return zh;
  const words = description.toLowerCase().split(/[^a-z]+/);
  return INCOME_WORDS_EN.find((w) => words.includes(w));
}

function categoryNamed(words: readonly string[], categories: readonly QuickCategory[]): number | undefined {
  for (const w of words) {
    const lower = w.toLowerCase();
    const hit = categories.filter((c) => c.zh === w || c.en.toLowerCase() === lower);
    if (hit.length === 1) return hit[0]!.id;
  }
  return undefined;
}

/** Parse the quick text; see the module comment. */
export function parseQuickText(text: string, data: QuickData): QuickResult {
  const words = quickWords(text);
  if (words.length === 0) return { ok: false, problem: { code: 'EMPTY' } };
  const placed = placeWords(words, data);
  if (!Array.isArray(placed)) return { ok: false, problem: placed };
  const of = <K extends Placed['kind']>(kind: K) => placed.filter((w): w is Word & { placed: Extract<Placed, { kind: K }> } => w.placed.kind === kind);
  const dates = of('date');
  const amounts = of('amount');
  const accounts = of('account');
  const fail = (problem: QuickProblem): QuickResult => ({ ok: false, problem });
  if (dates.length > 1) return fail({ code: 'TWO_DATES', words: dates.map((w) => w.text) });
  if (amounts.length === 0) return fail({ code: 'NO_AMOUNT' });
  if (amounts.length > 1) return fail({ code: 'TWO_AMOUNTS', words: amounts.map((w) => w.text) });
  if (accounts.length > 1) return fail({ code: 'TWO_ACCOUNTS', words: accounts.map((w) => w.text) });
  // The description is the first run of free words; a free word elsewhere is not understood.
  const first = placed.findIndex((w) => w.placed.kind === 'free');
  if (first < 0) return fail({ code: 'NO_DESCRIPTION' });
  let end = first;
  while (end < placed.length && placed[end]!.placed.kind === 'free') end++;
  const stray = placed.slice(end).filter((w) => w.placed.kind === 'free').map((w) => w.text);
  if (stray.length > 0) return fail({ code: 'NOT_UNDERSTOOD', words: stray });
  const account = accounts[0];
  if (!account) return fail({ code: 'NO_ACCOUNT' });
  if (account.placed.ids.length === 0) return fail({ code: 'UNKNOWN_ACCOUNT', words: [account.text] });
  const descWords = placed.slice(first, end).map((w) => w.text);
  const description = descWords.join(' ');
  const amount = amounts[0]!.placed;
  const incomeWord = amount.sign === undefined ? incomeWordIn(description) : undefined;
  const incoming = amount.sign === '+' || (amount.sign === undefined && incomeWord !== undefined);
  const categoryId = categoryNamed(descWords, data.categories);
  return {
    ok: true,
    entry: {
      date: dates[0]?.placed.date ?? data.today,
      amount: incoming ? amount.minor : -amount.minor,
      accountIds: account.placed.ids,
      accountWord: account.text,
      description,
      ...(categoryId !== undefined ? { categoryId } : {}),
      ...(incomeWord !== undefined ? { incomeWord } : {}),
    },
  };
}
