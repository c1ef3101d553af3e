/**
 * OFX/QFX statements: OFX 1.x SGML and 2.x XML, bank (STMTRS) and credit-card (CCSTMTRS)
 * statements, any number per file. Each statement yields a `statement` event with its account,
 * then its transactions: DTPOSTED → date, TRNAMT → amount (already the holder's view),
 * FITID → externalId, NAME and MEMO → description.
 */
import { PocketbookError, isPocketbookError } from '../../core/errors.js';
import { isCurrencyCode } from '../../core/money.js';
import type { AccountHint, AccountType, NormalizedRow } from '../../core/types.js';
import type { Detection, ParseContext, Reader, ReaderEvent, Sniff, Source } from '../types.js';
import { type OfxNode, children, findAll, leaf, ofxParseError, parseOfxTree } from './ofx-sgml.js';
import { ofxChannel, ofxDescription, parseOfxAmount, parseOfxDate } from './ofx-fields.js';
import { roundedMessage } from './csv-amount.js';
import { tErrorsFormats as tF } from '../../core/messages/errors-formats.js';

const STATEMENTS = new Set(['STMTRS', 'CCSTMTRS']);
const TRANSACTIONS = new Set(['STMTTRN']);
const STATUSES = new Set(['STATUS']);

/** Score for an OFX header, `<?OFX ?>` or an `<OFX>` root; 0 otherwise. */
export function detectOfx(text: string): Detection {
  const head = text.slice(0, 8192);
  if (/^\s*OFXHEADER\s*:\s*\d/m.test(head) || /<\?OFX\s[^>]*OFXHEADER/i.test(head)) return { score: 100 };
  if (/^(?:\s|<\?[^>]{0,300}\?>|<!--[\s\S]{0,2000}?-->)*<OFX\s*>/i.test(head)) return { score: 100 };
  if (/<OFX\s*>/i.test(head) && /<(?:STMTTRNRS|CCSTMTTRNRS|STMTRS|CCSTMTRS|SIGNONMSGSRSV1)\s*>/i.test(text)) {
    return { score: 60 };
  }
  return { score: 0 };
}

const ACCOUNT_TYPES: Record<string, AccountType> = {
  CHECKING: 'checking', SAVINGS: 'savings', MONEYMRKT: 'savings', CD: 'savings', CREDITLINE: 'credit',
};

function currencyOf(node: OfxNode | undefined): string | undefined {
  const code = node ? leaf(node, 'CURSYM')?.toUpperCase() : undefined;
  return code && isCurrencyCode(code) ? code : undefined;
}

/** A server STATUS with SEVERITY ERROR means the file carries an error instead of a statement. */
function checkStatuses(roots: readonly OfxNode[]): void {
  for (const status of findAll(roots, STATUSES)) {
    if (leaf(status, 'SEVERITY')?.toUpperCase() !== 'ERROR') continue;
    const code = leaf(status, 'CODE') ?? '?';
    const message = leaf(status, 'MESSAGE');
    throw new PocketbookError('OFX_ERROR', message ? tF('serverErrorMessage', { code, message }) : tF('serverError', { code }), {
      location: { line: status.line },
      hint: tF('downloadAgain'),
    });
  }
}

function accountHint(stmt: OfxNode, institution: string | undefined, currency: string | undefined): AccountHint {
  const credit = stmt.name === 'CCSTMTRS';
  const from = children(stmt, credit ? 'CCACCTFROM' : 'BANKACCTFROM')[0];
  const number = from ? leaf(from, 'ACCTID') : undefined;
  const type = credit ? 'credit' : ACCOUNT_TYPES[(from ? leaf(from, 'ACCTTYPE') : undefined)?.toUpperCase() ?? ''];
  return {
    ...(number ? { number } : {}),
    ...(type ? { type } : {}),
    ...(institution ? { institution } : {}),
    ...(currency ? { currency } : {}),
  };
}

function toRow(trn: OfxNode, currency: string, creditCard: boolean, warnings: ReaderEvent[]): ReaderEvent {
  const posted = children(trn, 'DTPOSTED')[0];
  const rawDate = posted?.value ?? '';
  const date = parseOfxDate(rawDate);
  if (!date) {
    const message = !posted ? tF('noDtposted') : rawDate === '' ? tF('emptyDtposted') : tF('badDtposted', { raw: rawDate.slice(0, 40) });
    throw new PocketbookError('OFX_DATE', message, {
      location: { line: posted?.line ?? trn.line },
      hint: tF('ofxDateHint'),
    });
  }
  const fitid = leaf(trn, 'FITID');
  if (leaf(trn, 'CORRECTACTION')?.toUpperCase() === 'DELETE') {
    return { type: 'skip', skipped: { line: trn.line, reason: `correction deleting transaction ${leaf(trn, 'CORRECTFITID') ?? fitid ?? ''}`.trim() } };
  }
  const amountNode = children(trn, 'TRNAMT')[0];
  if (!amountNode) {
    throw new PocketbookError('OFX_AMOUNT', tF('noTrnamt'), { location: { line: trn.line } });
  }
  const payee = children(trn, 'PAYEE')[0];
  const name = leaf(trn, 'NAME') ?? (payee ? leaf(payee, 'NAME') : undefined);
  const memo = leaf(trn, 'MEMO');
  const trntype = leaf(trn, 'TRNTYPE');
  const checknum = leaf(trn, 'CHECKNUM');
  const fallback = checknum ? `Check ${checknum}` : (trntype ?? 'OFX transaction');
  const channel = ofxChannel(trntype, creditCard);
  const row: NormalizedRow = {
    line: trn.line,
    date: date.date,
    ...(date.time ? { time: date.time } : {}),
    // More decimals than the currency keeps: rounded with the warning the CSV path gives (issue 30 class 3).
    amount: parseOfxAmount(amountNode.value ?? '', currency, amountNode.line, (line) => warnings.push({ type: 'warning', line, message: roundedMessage(currency) })),
    currency,
    description: ofxDescription(name, memo, fallback),
    ...(fitid ? { externalId: fitid } : {}),
    ...(channel ? { channel } : {}),
    ...(name ? { counterparty: name.replace(/\s+/g, ' ').trim() } : {}),
  };
  return { type: 'row', row };
}

const BALANCES = [['LEDGERBAL', 'ledger'], ['AVAILBAL', 'available']] as const;

/** A statement's LEDGERBAL (booked) and AVAILBAL (available) as balance events, dated DTASOF. */
function balances(stmt: OfxNode, currency: string): ReaderEvent[] {
  return BALANCES.flatMap(([tag, kind]): ReaderEvent[] => {
    // Anywhere in the statement: a file that never closes BANKTRANLIST nests it there.
    const node = findAll(stmt.children, new Set([tag]))[0];
    const amount = node ? children(node, 'BALAMT')[0] : undefined;
    const asOf = node ? parseOfxDate(leaf(node, 'DTASOF') ?? '') : undefined;
    if (!node || !amount?.value || !asOf) return [];
    const value = parseOfxAmount(amount.value, currency, amount.line);
    return [{ type: 'balance', balance: { kind, line: node.line, date: asOf.date, amount: value, currency } }];
  });
}

/**
 * Many banks stamp every DTPOSTED with the same clock reading (`20260901120000`: noon) because they
 * keep no time: when all of a statement's rows (two or more) carry one identical time, it is not a
 * time of day and is dropped, so busiest-hour figures see only real times (issue 26 point 8).
 */
function dropPlaceholderTimes(events: ReaderEvent[]): void {
  const rows = events.flatMap((e) => (e.type === 'row' ? [e.row] : []));
  if (rows.length < 2 || rows.some((r) => r.time === undefined || r.time !== rows[0]!.time)) return;
  for (const row of rows) delete row.time;
}

/** All events of an OFX document, or a located PocketbookError. Pure. */
export function parseOfx(text: string, ctx: Pick<ParseContext, 'defaultCurrency'>): ReaderEvent[] {
  const roots = parseOfxTree(text);
  const ofx = roots.find((n) => n.name === 'OFX');
  if (!ofx) throw ofxParseError(tF('noOfx'), 1, tF('notOfx'));
  checkStatuses([ofx]);
  const statements = findAll([ofx], STATEMENTS);
  if (statements.length === 0) {
    const investment = findAll([ofx], new Set(['INVSTMTRS']))[0];
    throw investment
      ? ofxParseError(tF('investment'), investment.line, tF('investmentHint'))
      : ofxParseError(tF('noStatement'), ofx.line);
  }
  const fi = findAll([ofx], new Set(['FI']))[0];
  const institution = fi ? leaf(fi, 'ORG') : undefined;
  const events: ReaderEvent[] = [];
  for (const stmt of statements) {
    const curdef = leaf(stmt, 'CURDEF')?.toUpperCase();
    const declared = curdef && isCurrencyCode(curdef) ? curdef : undefined;
    const warnings: ReaderEvent[] = [];
    const rows = findAll(stmt.children, TRANSACTIONS).map((trn) => {
      // CURRENCY: amounts are in that currency. ORIGCURRENCY: already converted to CURDEF.
      const own = currencyOf(children(trn, 'CURRENCY')[0]);
      const orig = currencyOf(children(trn, 'ORIGCURRENCY')[0]);
      return toRow(trn, own ?? declared ?? orig ?? ctx.defaultCurrency, stmt.name === 'CCSTMTRS', warnings);
    });
    dropPlaceholderTimes(rows);
    // No CURDEF: the account's currency is the one its transactions name, when they agree.
    const named = new Set(rows.flatMap((e) => (e.type === 'row' ? [e.row.currency] : [])));
    const accountCurrency = declared ?? (named.size === 1 && !named.has(ctx.defaultCurrency) ? [...named][0] : undefined);
    const balanceCurrency = accountCurrency ?? (named.size === 1 ? [...named][0]! : ctx.defaultCurrency);
    events.push({ type: 'statement', account: accountHint(stmt, institution, accountCurrency) }, ...rows, ...warnings, ...balances(stmt, balanceCurrency));
  }
  return events;
}

export const ofxReader: Reader = {
  id: 'ofx',
  describe: 'OFX/QFX statements (OFX 1.x SGML and 2.x XML; bank and credit-card)',
  detect: (sniff: Sniff) => detectOfx(sniff.text),
  async *read(source: Source, ctx: ParseContext) {
    let events: ReaderEvent[];
    try {
      events = parseOfx(await source.readText(), ctx);
    } catch (err) {
      throw isPocketbookError(err) ? err.at({ file: ctx.fileName }) : err;
    }
    yield* events;
  },
};
