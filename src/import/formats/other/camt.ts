/**
 * ISO 20022 bank-to-customer statements: camt.053 (Stmt), camt.052 (Rpt) and camt.054 (Ntfctn),
 * any schema version. One entry per <Ntry>: Amt with CdtDbtInd (CRDT +, DBIT −), BookgDt
 * (fallback ValDt), AcctSvcrRef/NtryRef as the transaction id. Pending entries are skipped.
 */
import { PocketbookError, isPocketbookError } from '../../../core/errors.js';
import { parseAmount } from '../../../core/money.js';
import type { AccountHint, NormalizedRow } from '../../../core/types.js';
import type { Detection, ParseContext, Reader, ReaderEvent, Sniff, Source, StatementBalance } from '../../types.js';
import { addDays } from '../../../core/dates.js';
import { type OfxNode, children, findAll, parseOfxTree } from '../ofx-sgml.js';
import { parseOfxDate } from '../ofx-fields.js';
import { tErrorsFormats as tF } from '../../../core/messages/errors-formats.js';

const CAMT_NS = /urn:iso:std:iso:20022:tech:xsd:camt\.05[234]\./;

export function detectCamt(text: string): Detection {
  return { score: CAMT_NS.test(text.slice(0, 16_384)) ? 100 : 0 };
}

/** The leaf at `path` below `node` (first match at every step), trimmed; undefined when absent or empty. */
function at(node: OfxNode | undefined, ...path: string[]): string | undefined {
  let cur = node;
  for (const name of path) cur = cur ? children(cur, name)[0] : undefined;
  return cur?.value === '' ? undefined : cur?.value;
}
const first = (...values: (string | undefined)[]) => values.find((v) => v !== undefined);
const realCurrency = (code: string | undefined) => (code && /^[A-Z]{3}$/.test(code) && code !== 'XXX' ? code : undefined);
/** References banks write when they have none. */
const NO_REF = /^(NONREF|NOTPROVIDED|NOT PROVIDED|NONE)$/i;

function camtError(message: string, line: number, hint?: string): PocketbookError {
  return new PocketbookError('BAD_INPUT', message, { location: { line }, ...(hint ? { hint } : {}) });
}

function accountOf(stmt: OfxNode): AccountHint {
  const acct = children(stmt, 'Acct')[0];
  const number = first(at(acct, 'Id', 'IBAN'), at(acct, 'Id', 'Othr', 'Id'));
  const currency = realCurrency(at(acct, 'Ccy'));
  const svcr = acct ? children(acct, 'Svcr')[0] : undefined;
  const institution = first(at(svcr, 'FinInstnId', 'Nm'), at(svcr, 'FinInstnId', 'BICFI'), at(svcr, 'FinInstnId', 'BIC'));
  return {
    ...(number ? { number } : {}),
    type: 'checking',
    ...(institution ? { institution } : {}),
    ...(currency ? { currency } : {}),
  };
}

/** The other side of the payment: the creditor of a debit, the debtor of a credit. */
function counterparty(tx: OfxNode | undefined, debit: boolean): string | undefined {
  const parties = tx ? children(tx, 'RltdPties')[0] : undefined;
  const role = debit ? 'Cdtr' : 'Dbtr';
  return first(at(parties, role, 'Nm'), at(parties, role, 'Pty', 'Nm'));
}

function toEvent(ntry: OfxNode, fallbackCurrency: string): ReaderEvent {
  const status = first(at(ntry, 'Sts'), at(ntry, 'Sts', 'Cd'))?.toUpperCase();
  if (status && status !== 'BOOK') return { type: 'skip', skipped: { line: ntry.line, reason: `entry status ${status} (not booked)` } };
  const amt = children(ntry, 'Amt')[0];
  if (!amt?.value) throw camtError(tF('camtNoAmt'), ntry.line);
  const indicator = at(ntry, 'CdtDbtInd');
  if (indicator !== 'CRDT' && indicator !== 'DBIT') {
    throw camtError(tF('camtIndicator', { value: indicator ?? '' }), ntry.line);
  }
  const rawDate = first(at(ntry, 'BookgDt', 'Dt'), at(ntry, 'BookgDt', 'DtTm'), at(ntry, 'ValDt', 'Dt'), at(ntry, 'ValDt', 'DtTm')) ?? '';
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(rawDate);
  const date = m ? parseOfxDate(`${m[1]}${m[2]}${m[3]}${m[4] ?? ''}${m[5] ?? ''}${m[4] ? (m[6] ?? '00') : ''}`) : undefined;
  if (!date) throw camtError(rawDate ? tF('camtBadDate', { raw: rawDate.slice(0, 40) }) : tF('camtNoDate'), ntry.line);
  const currency = realCurrency(amt.attrs?.Ccy) ?? fallbackCurrency;
  if (!/^\d+(\.\d+)?$/.test(amt.value)) throw camtError(tF('camtAmt', { raw: amt.value.slice(0, 40) }), amt.line);
  let minor: number;
  try {
    minor = parseAmount(amt.value, { currency }).minor;
  } catch (err) {
    throw camtError(tF('camtAmtProblem', { problem: (err as Error).message }), amt.line);
  }
  const debit = indicator === 'DBIT';
  const txs = findAll(ntry.children, new Set(['TxDtls']));
  const ustrd = [...new Set(txs.flatMap((tx) => findAll(tx.children, new Set(['Ustrd'])).map((u) => u.value ?? '')))].filter((u) => u !== '');
  const party = txs.map((tx) => counterparty(tx, debit)).find((p) => p !== undefined);
  const ref = [at(ntry, 'AcctSvcrRef'), at(ntry, 'NtryRef')].find((r) => r !== undefined && !NO_REF.test(r));
  const description = (
    first(ustrd.length > 0 ? ustrd.join(' ') : undefined, party, at(ntry, 'AddtlNtryInf'), at(txs[0], 'AddtlTxInf'), at(ntry, 'BkTxCd', 'Prtry', 'Cd')) ??
    (debit ? 'Debit' : 'Credit')
  ).replace(/\s+/g, ' ').trim();
  const row: NormalizedRow = {
    line: ntry.line,
    date: date.date,
    ...(date.time ? { time: date.time } : {}),
    amount: debit ? -minor : minor,
    currency,
    description,
    ...(ref ? { externalId: ref } : {}),
    ...(party ? { counterparty: party } : {}),
  };
  return { type: 'row', row };
}

/** Balance types kept: OPBD/PRCD (opening), CLBD (closing), CLAV (available); OPBD is dated the day before. */
const BALANCE_KINDS: Record<string, { kind: StatementBalance['kind']; dayBefore: boolean }> = {
  OPBD: { kind: 'opening', dayBefore: true },
  PRCD: { kind: 'opening', dayBefore: false },
  CLBD: { kind: 'closing', dayBefore: false },
  CLAV: { kind: 'available', dayBefore: false },
};

/** A statement's <Bal> elements as balance events (CRDT +, DBIT −). */
function balancesOf(stmt: OfxNode, fallbackCurrency: string): ReaderEvent[] {
  return children(stmt, 'Bal').flatMap((bal): ReaderEvent[] => {
    const type = BALANCE_KINDS[at(bal, 'Tp', 'CdOrPrtry', 'Cd')?.toUpperCase() ?? ''];
    const amt = children(bal, 'Amt')[0];
    const day = /^\d{4}-\d{2}-\d{2}/.exec(first(at(bal, 'Dt', 'Dt'), at(bal, 'Dt', 'DtTm')) ?? '')?.[0];
    if (!type || !amt?.value || !day || !/^\d+(\.\d+)?$/.test(amt.value)) return [];
    const currency = realCurrency(amt.attrs?.Ccy) ?? fallbackCurrency;
    const minor = parseAmount(amt.value, { currency }).minor;
    const amount = at(bal, 'CdtDbtInd') === 'DBIT' ? -minor : minor;
    const date = type.dayBefore ? addDays(day, -1) : day;
    return [{ type: 'balance', balance: { kind: type.kind, line: bal.line, date, amount, currency } }];
  });
}

/** All events of a camt document, or a located PocketbookError. Pure. */
export function parseCamt(text: string, ctx: Pick<ParseContext, 'defaultCurrency'>): ReaderEvent[] {
  let roots: OfxNode[];
  try {
    roots = parseOfxTree(text, { xml: true });
  } catch (err) {
    if (isPocketbookError(err)) throw camtError(err.message, err.location?.line ?? 1, err.hint);
    throw err;
  }
  const statements = findAll(roots, new Set(['Stmt', 'Rpt', 'Ntfctn']));
  if (statements.length === 0) throw camtError(tF('camtNone'), 1);
  const events: ReaderEvent[] = [];
  for (const stmt of statements) {
    const account = accountOf(stmt);
    const entries = children(stmt, 'Ntry').map((ntry) => toEvent(ntry, account.currency ?? ctx.defaultCurrency));
    // No Acct/Ccy: the account's currency is the one its entries name, when they agree.
    const named = new Set(entries.flatMap((e) => (e.type === 'row' ? [e.row.currency] : [])));
    const only = named.size === 1 && !named.has(ctx.defaultCurrency) ? [...named][0] : undefined;
    const currency = account.currency ?? only ?? ctx.defaultCurrency;
    events.push({ type: 'statement', account: { ...account, ...(!account.currency && only ? { currency: only } : {}) } }, ...entries, ...balancesOf(stmt, currency));
  }
  return events;
}

export const camtReader: Reader = {
  id: 'camt',
  describe: 'ISO 20022 camt.053/052/054 bank statements (XML)',
  detect: (sniff: Sniff) => detectCamt(sniff.text),
  async *read(source: Source, ctx: ParseContext) {
    let events: ReaderEvent[];
    try {
      events = parseCamt(await source.readText(), ctx);
    } catch (err) {
      throw isPocketbookError(err) ? err.at({ file: ctx.fileName }) : err;
    }
    yield* events;
  },
};
