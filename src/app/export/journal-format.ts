/**
 * Journal text: ledger/hledger and beancount transactions and the declarations before them. Pure.
 * Ledger comments are written so that both hledger and ledger-cli keep every tag and note:
 *   `; tag:` one tag per line (ledger-cli reads `; a:, b:` as one tag `a` holding ", b:");
 *   `; [note N] text` one line per line of note N (not a tag: hledger would cut its value at a
 *   comma, ledger-cli keep only the last of several `note:`), the `[note` token keeping ledger-cli
 *   from reading a `key:` or a `[date]` in the text.
 */
import { formatMinor } from '../../core/money.js';
import type { JournalTx, Posting } from './export-journal.js';
import type { AccountInfo, JournalFormat } from './journal-names.js';

// Control characters (tabs, CR, BEL …) end or break a line in these formats: they become spaces.
const oneLine = (s: string) => s.replace(/[\x00-\x1f\x7f]+/g, ' ').trim();
/** A note's lines: any line break (LF, CRLF, a lone CR) splits; other control characters become spaces. */
const noteLines = (s: string) => s.split(/\r\n|\r|\n/).map((l) => l.replace(/[\x00-\x1f\x7f]/g, ' '));

/** A tag name both hledger and ledger-cli read back whole. */
export const ledgerTag = (tag: string): string => tag.replace(/[\s:,;[\]]+/g, '-') || '-';

/** The tags ledger-cli finds in a note line (`:a:b:` words); they must be declared for --pedantic. */
export function ledgerNoteTags(text: string): string[] {
  const out: string[] = [];
  for (const line of noteLines(text)) {
    for (const word of line.split(/[ \t]+/)) {
      if (word.length >= 2 && word.startsWith(':') && word.endsWith(':')) out.push(...word.split(':').filter((t) => t !== ''));
    }
  }
  return out;
}

const amountText = (p: Posting) => `${formatMinor(p.amount, p.currency)} ${p.currency}`;

export function formatLedgerTx(t: JournalTx): string {
  const text = oneLine(t.payee && t.payee !== t.narration ? `${t.payee} | ${t.narration}` : t.narration).replace(/;/g, ',');
  // `(…)` first would be read as a transaction code: an empty code `()` before it keeps it the description.
  const lines = [`${t.date} * ${text.startsWith('(') ? '() ' : ''}${text}  ; pocketbook-id: ${t.id}`];
  for (const g of t.tags) lines.push(`    ; ${ledgerTag(g)}:`);
  t.notes.forEach((note, i) => {
    for (const line of noteLines(note)) lines.push(`    ; [note ${i + 1}] ${line}`.trimEnd());
  });
  for (const p of t.postings) lines.push(`    ${p.account.padEnd(44)}  ${amountText(p).padStart(16)}`);
  return lines.join('\n');
}

const bcString = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
const BC_TAG = /^[A-Za-z0-9\-_/.]+$/;

export function formatBeancountTx(t: JournalTx): string {
  const tags = t.tags.filter((g) => BC_TAG.test(g));
  const other = t.tags.filter((g) => !BC_TAG.test(g));
  const head = `${t.date} * ${t.payee ? `${bcString(oneLine(t.payee))} ` : ''}${bcString(oneLine(t.narration))}${tags.map((g) => ` #${g}`).join('')}`;
  const lines = [head, `  pocketbook-id: "${t.id}"`];
  if (other.length) lines.push(`  tags: ${bcString(other.join(', '))}`);
  t.notes.forEach((n, i) => lines.push(`  ${i === 0 ? 'note' : `note-${i + 1}`}: ${bcString(noteLines(n).join('\n'))}`));
  for (const p of t.postings) lines.push(`  ${p.account.padEnd(44)}  ${amountText(p).padStart(16)}`);
  return lines.join('\n');
}

export interface Declarations {
  format: JournalFormat;
  firstDate?: string;
  currencies: readonly string[];
  accounts: readonly string[];
  info: (account: string) => AccountInfo;
  /** ledger only: every tag name used (declared for ledger --pedantic). */
  tags: readonly string[];
}

const TRANSFERS_NOTE = [
  'Linked transfers: each leg is written on its own date against Equity:Transfers:In-transit, so',
  'the two legs cancel there even when two period exports (--to, then --from) hold one each.',
];

/** The header: commodities, accounts (and tags, for ledger --pedantic) declared before any entry. */
export function formatDeclarations(d: Declarations): string {
  if (d.format === 'ledger') {
    return [
      '; pocketbook export (ledger / hledger journal)',
      ...TRANSFERS_NOTE.map((l) => `; ${l}`),
      ...d.currencies.map((c) => `commodity ${c}`),
      ...d.accounts.map((a) => `account ${a}`),
      ...d.tags.map((g) => `tag ${g}`),
    ].join('\n');
  }
  const lines = [';; pocketbook export (beancount)', ...TRANSFERS_NOTE.map((l) => `;; ${l}`)];
  if (d.firstDate === undefined) return lines.join('\n');
  for (const c of d.currencies) lines.push(`${d.firstDate} commodity ${c}`);
  for (const a of d.accounts) {
    lines.push(`${d.firstDate} open ${a}`);
    const info = d.info(a);
    if (info.name !== undefined) lines.push(`  name: ${bcString(info.name)}`);
    if (info.category !== undefined) lines.push(`  category: ${bcString(info.category)}`);
  }
  return lines.join('\n');
}

/** A checkpoint as a journal assertion: what the account holds at the end of `date`. */
export interface Assertion {
  date: string;
  account: string;
  amount: number;
  currency: string;
  /** Where the balance was read: `closing, bank.ofx:12`. */
  source: string;
}

/**
 * ledger/hledger: a transaction of one zero posting asserting the balance after it. Written after the
 * day's entries (hledger checks same-day postings in file order, ledger-cli as it reads).
 */
export function formatLedgerAssertion(a: Assertion): string {
  const text = oneLine(`Balance checkpoint (${a.source})`).replace(/;/g, ',');
  const zero = `0 ${a.currency}`;
  return `${a.date} * ${text}\n    ${a.account.padEnd(44)}  ${zero.padStart(16)} = ${formatMinor(a.amount, a.currency)} ${a.currency}`;
}

/** beancount: `balance` is checked at the start of its date, so the day after the checkpoint. */
export function formatBeancountBalance(a: Assertion, dayAfter: string): string {
  return `${dayAfter} balance ${a.account.padEnd(44)}  ${formatMinor(a.amount, a.currency)} ${a.currency}\n  source: ${bcString(oneLine(a.source))}`;
}

/** The opening balance an asserted account needs: one transaction against Equity:Opening-Balances. */
export function formatOpening(format: JournalFormat, date: string, account: string, amount: number, currency: string, equity: string): string {
  const p = (indent: string, acct: string, minor: number) => `${indent}${acct.padEnd(44)}  ${`${formatMinor(minor, currency)} ${currency}`.padStart(16)}`;
  const indent = format === 'beancount' ? '  ' : '    ';
  const head = format === 'beancount' ? `${date} * "Opening balance"` : `${date} * Opening balance`;
  return [head, p(indent, account, amount), p(indent, equity, -amount)].join('\n');
}
