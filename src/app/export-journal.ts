/**
 * Entries as plain-text accounting journals: ledger/hledger and beancount. Each entry is a
 * balanced transaction: the account posting (Assets:… or Liabilities:… for credit cards) against
 * its category (Expenses:…/Income:…, one posting per split part), the transfer partner's account,
 * or — for a card row mirroring a wallet purchase — the wallet. Pure: rows in, text out.
 */
import { formatMinor } from '../core/money.js';
import type { CategoryNode, JournalRow } from '../ledger/export-rows.js';

export type JournalFormat = 'ledger' | 'beancount';

interface Posting {
  account: string;
  amount: number;
}

export interface JournalTx {
  id: number;
  date: string;
  payee: string | null;
  narration: string;
  currency: string;
  tags: string[];
  notes: string[];
  postings: Posting[];
}

const assetRoot = (type: string) => (type === 'credit' ? 'Liabilities' : 'Assets');

/** Category id → `Expenses:Dining:Coffee & tea` (English names). */
export function categoryAccounts(nodes: readonly CategoryNode[]): Map<number, string> {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const out = new Map<number, string>();
  for (const n of nodes) {
    const parent = n.parent_id !== null ? byId.get(n.parent_id) : undefined;
    const kind = parent?.kind ?? n.kind;
    const root = kind === 'income' ? 'Income' : kind === 'transfer' ? 'Equity:Transfers' : 'Expenses';
    out.set(n.id, [root, parent?.name_en, n.name_en].filter((x): x is string => Boolean(x)).join(':'));
  }
  return out;
}

/** Build balanced transactions; a transfer pair is written once (by whichever comes first). */
export function* journalTransactions(rows: Iterable<JournalRow>, categories: Map<number, string>): Generator<JournalTx> {
  const covered = new Set<number>();
  const fallback = (r: JournalRow) => (r.kind === 'income' || (r.kind !== 'refund' && r.amount > 0) ? 'Income:Uncategorized' : 'Expenses:Uncategorized');
  for (const r of rows) {
    if (covered.has(r.id)) continue;
    const own: Posting = { account: `${assetRoot(r.account_type)}:${r.account}`, amount: r.amount };
    let counter: Posting[];
    if (r.mirror_account !== null) {
      counter = [{ account: `${assetRoot(r.mirror_type ?? '')}:${r.mirror_account}`, amount: -r.amount }];
    } else if (r.kind === 'transfer') {
      if (r.transfer_peer_id !== null && r.peer_account !== null) covered.add(r.transfer_peer_id);
      counter = [{ account: r.peer_account !== null ? `${assetRoot(r.peer_type ?? '')}:${r.peer_account}` : 'Equity:Transfers', amount: -r.amount }];
    } else if (r.splits) {
      counter = r.splits.split(',').map((part) => {
        const [cat, amount] = part.split(':');
        const id = cat ? Number(cat) : NaN;
        return { account: categories.get(id) ?? fallback(r), amount: -Number(amount) };
      });
    } else {
      counter = [{ account: (r.category_id !== null ? categories.get(r.category_id) : undefined) ?? fallback(r), amount: -r.amount }];
    }
    yield {
      id: r.id, date: r.date, payee: r.merchant, narration: r.description, currency: r.currency,
      tags: r.tags ? r.tags.split('\u001f') : [], notes: r.notes ? r.notes.split('\u001e') : [], postings: [...counter, own],
    };
  }
}

const oneLine = (s: string) => s.replace(/[\r\n\t]+/g, ' ').trim();

/** A ledger/hledger account name: no `:` inside a part, no double spaces, no leading bracket. */
function ledgerAccount(name: string): string {
  return name.split(':').map((p) => oneLine(p).replace(/[;]/g, ',').replace(/\s{2,}/g, ' ').replace(/^[([]+/, '').trim() || 'Unnamed').join(':');
}

/** A beancount account: each part starts with a capital/digit/non-ASCII, holds letters, digits, `-`. */
export function beancountAccount(name: string): string {
  return name
    .split(':')
    .map((p) => {
      let part = p.replace(/[\x00-\x2c\x2e-\x2f\x3a-\x40\x5b-\x60\x7b-\x7f\s\u3000]+/g, '-').replace(/-+/g, '-').replace(/^-|-$/g, '');
      if (part === '') part = 'X';
      if (/^[a-z]/.test(part)) part = part[0]!.toUpperCase() + part.slice(1);
      return part;
    })
    .join(':');
}

const bcString = (s: string) => `"${oneLine(s).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

function amountText(minor: number, currency: string): string {
  return `${formatMinor(minor, currency)} ${currency}`;
}

export function formatLedgerTx(t: JournalTx): string {
  const desc = oneLine(t.payee && t.payee !== t.narration ? `${t.payee} | ${t.narration}` : t.narration).replace(/;/g, ',');
  const lines = [`${t.date} * ${desc}  ; pocketbook-id:${t.id}`];
  if (t.tags.length) lines.push(`    ; ${t.tags.map((g) => `${g.replace(/[,:\s]/g, '-')}:`).join(', ')}`);
  for (const n of t.notes) lines.push(`    ; note: ${oneLine(n)}`);
  for (const p of t.postings) {
    const account = ledgerAccount(p.account);
    lines.push(`    ${account.padEnd(44)}  ${amountText(p.amount, t.currency).padStart(16)}`);
  }
  return lines.join('\n');
}

export function formatBeancountTx(t: JournalTx): string {
  const tags = t.tags.filter((g) => /^[A-Za-z0-9\-_/.]+$/.test(g));
  const other = t.tags.filter((g) => !tags.includes(g));
  const head = `${t.date} * ${t.payee ? `${bcString(t.payee)} ` : ''}${bcString(t.narration)}${tags.map((g) => ` #${g}`).join('')}`;
  const lines = [head, `  pocketbook-id: "${t.id}"`];
  if (other.length) lines.push(`  tags: ${bcString(other.join(' '))}`);
  if (t.notes.length) lines.push(`  note: ${bcString(t.notes.join(' | '))}`);
  for (const p of t.postings) lines.push(`  ${beancountAccount(p.account).padEnd(44)}  ${amountText(p.amount, t.currency).padStart(16)}`);
  return lines.join('\n');
}

/** The whole journal text. Beancount gets `open` directives dated at each account's first use. */
export function renderJournal(format: JournalFormat, txs: Iterable<JournalTx>): string {
  const blocks: string[] = [];
  const opened = new Map<string, string>();
  for (const t of txs) {
    if (format === 'beancount') for (const p of t.postings) {
      const acct = beancountAccount(p.account);
      if (!opened.has(acct)) opened.set(acct, t.date);
    }
    blocks.push(format === 'beancount' ? formatBeancountTx(t) : formatLedgerTx(t));
  }
  const header =
    format === 'beancount'
      ? [';; pocketbook export (beancount)', ...[...opened].sort((a, b) => a[1].localeCompare(b[1]) || a[0].localeCompare(b[0])).map(([a, d]) => `${d} open ${a}`)]
      : ['; pocketbook export (ledger / hledger journal)'];
  return `${[header.join('\n'), ...blocks].join('\n\n')}\n`;
}
