/**
 * Quicken Interchange Format: the cash-account sections (!Type:Bank, Cash, CCard, Oth A, Oth L).
 * One entry per record (splits S/E/$ stay inside it, with the record's total T). Dates are
 * month-first as Quicken writes them (`8/12/13`, `2/10'2020`, `1/ 1'00`) unless the file's own
 * dates say day-first (`29/05/08`: a first field above 12), or `--date-format` does; a file no
 * date settles is refused (qifDateOrder); amounts take the decimal separator the
 * file's T lines settle (`T-1.234,56`). Other sections (categories, classes, investments,
 * securities) carry no cash entries and are passed over.
 */
import { PocketbookError } from '../../../core/errors.js';
import { addDays, isValidDate } from '../../../core/dates.js';
import { inferDecimal, parseAmount } from '../../../core/money.js';
import type { AccountHint, AccountType, NormalizedRow } from '../../../core/types.js';
import type { Detection, ParseContext, Reader, ReaderEvent, Sniff, Source } from '../../types.js';
import { ofxDescription } from '../ofx-fields.js';
import { roundedMessage } from '../csv-amount.js';
import { tInfer } from '../../../core/messages/import-infer.js';
import { tErrorsFormats as tF } from '../../../core/messages/errors-formats.js';

const CASH_TYPES: Record<string, AccountType | undefined> = {
  BANK: 'checking', CASH: 'cash', CCARD: 'credit', 'OTH A': undefined, 'OTH L': undefined,
};

export function detectQif(text: string): Detection {
  const lines = text.split(/\r\n|\r|\n/, 40).map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'));
  return { score: lines[0] !== undefined && /^!(Type:|Account|Option:|Clear:)/i.test(lines[0]) ? 100 : 0 };
}

function qifError(message: string, line: number, hint?: string): PocketbookError {
  return new PocketbookError('BAD_INPUT', message, { location: { line }, ...(hint ? { hint } : {}) });
}

/** Day and month order of a QIF file's slashed dates. */
export type QifDateOrder = 'month-first' | 'day-first';

const SLASHED = /^(\d{1,2})[/.-](\d{1,2})(?:(['/.-])(\d{2}|\d{4}))$/;

/** `8/12/13`, `2/10'2020`, `1/ 1'00`, `12-31-2013`, `2013-12-31` → ISO date; `29/05/08` with `day-first`. */
export function parseQifDate(raw: string, order: QifDateOrder = 'month-first'): string | undefined {
  const text = raw.replace(/\s+/g, '');
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const us = SLASHED.exec(text);
  let year: number;
  let month: number;
  let day: number;
  if (iso) [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (us) {
    const y = us[4]!;
    // Quicken writes years 2000+ after an apostrophe ("1/ 1'00"); "/13" means 2013, "/98" 1998.
    year = y.length === 4 ? Number(y) : us[3] === "'" ? 2000 + Number(y) : Number(y) + (Number(y) < 70 ? 2000 : 1900);
    [month, day] = order === 'day-first' ? [Number(us[2]), Number(us[1])] : [Number(us[1]), Number(us[2])];
  } else return undefined;
  if (!isValidDate(year, month, day)) return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The order a `--date-format` gives (`DD/MM/YY` day-first, `MM/DD/YYYY` month-first), or undefined for a year-first one. */
export function orderOfFormat(format: string | undefined): QifDateOrder | undefined {
  const first = /[DM]/.exec(format ?? '')?.[0];
  const year = format?.indexOf('Y') ?? -1;
  if (!first || (year >= 0 && year < format!.indexOf(first))) return undefined;
  return first === 'D' ? 'day-first' : 'month-first';
}

/**
 * The order of a file's slashed dates, settled by the dates themselves: a first field above 12
 * says day-first, a second above 12 month-first. Dates that say both are an error at the first
 * line that contradicts the others. When none decides, `given` (--date-format) does; else a file
 * whose dates read the same both ways (`1/1/26`), or that writes Quicken's US apostrophe year
 * (`1/ 1'00`, a month-first program's form), is month-first; any other is refused with the fix:
 * a day-first file whose days are all ≤ 12 is never read month-first quietly.
 */
export function qifDateOrder(dates: readonly { value: string; line: number }[], given?: QifDateOrder): QifDateOrder {
  let dayFirst: { value: string; line: number } | undefined;
  let monthFirst: { value: string; line: number } | undefined;
  let unclear: { value: string; line: number } | undefined;
  let apostrophe = false;
  for (const d of dates) {
    const m = SLASHED.exec(d.value.replace(/\s+/g, ''));
    if (!m) continue;
    const [a, b] = [Number(m[1]), Number(m[2])];
    if (m[3] === "'") apostrophe = true;
    if (a > 12 && b <= 12) dayFirst ??= d;
    else if (b > 12 && a <= 12) monthFirst ??= d;
    else if (a !== b && a >= 1 && b >= 1 && parseQifDate(d.value) !== undefined) unclear ??= d;
  }
  if (dayFirst && monthFirst) {
    const later = dayFirst.line > monthFirst.line ? dayFirst : monthFirst;
    const earlier = later === dayFirst ? monthFirst : dayFirst;
    throw qifError(
      tF('qifContradicts', { later: later.value.trim(), earlier: earlier.value.trim(), line: earlier.line }),
      later.line,
      tF('qifOneOrder'),
    );
  }
  if (dayFirst) return 'day-first';
  if (monthFirst) return 'month-first';
  if (given) return given;
  if (!unclear || apostrophe) return 'month-first';
  const example = unclear.value.trim();
  throw qifError(
    tInfer('qifOrderUnclear', { example, dayFirst: parseQifDate(example, 'day-first') ?? '?', monthFirst: parseQifDate(example, 'month-first') ?? '?' }),
    unclear.line,
    tInfer('qifOrderHint'),
  );
}

interface Draft {
  line: number;
  fields: Map<string, { value: string; line: number }>;
}

interface Reading {
  currency: string;
  order: QifDateOrder;
  decimal: '.' | ',';
}

function toRow(rec: Draft, { currency, order, decimal }: Reading): { row: NormalizedRow; rounded?: number } {
  const get = (key: string) => rec.fields.get(key);
  const d = get('D');
  if (!d) throw qifError(tF('qifNoDate'), rec.line);
  const date = parseQifDate(d.value, order);
  if (!date) throw qifError(tF(order === 'day-first' ? 'qifBadDayFirst' : 'qifBadMonthFirst', { raw: d.value.slice(0, 40) }), d.line, tF(order === 'day-first' ? 'qifDayFirstHint' : 'qifMonthFirstHint'));
  const t = get('T') ?? get('U');
  if (!t) throw qifError(tF('qifNoAmount'), rec.line);
  let amount: number;
  let rounded: boolean | undefined;
  try {
    // More decimals than the currency keeps: rounded half-even, with the CSV path's warning (issue 30 class 3).
    ({ minor: amount, rounded } = parseAmount(t.value, { currency, decimal, round: true }));
  } catch (err) {
    throw qifError(`amount ${(err as Error).message}`, t.line);
  }
  const payee = get('P')?.value;
  const memo = get('M')?.value;
  const check = get('N')?.value;
  const category = get('L')?.value;
  // "Bills:Phone/Class" → "Bills:Phone"; "[Account]" is a transfer and "--Split--" is no category.
  const plain = category?.replace(/\/.*$/, '').trim();
  const sourceCategory = plain && !/^\[.*\]$/.test(plain) && plain !== '--Split--' ? plain : undefined;
  const fallback = check ? `Check ${check}` : (sourceCategory ?? category ?? 'QIF entry');
  const row: NormalizedRow = {
    line: rec.line,
    date,
    amount,
    currency,
    description: ofxDescription(payee, memo, fallback),
    ...(payee?.trim() ? { counterparty: payee.trim() } : {}),
    ...(sourceCategory ? { sourceCategory } : {}),
  };
  return { row, ...(rounded ? { rounded: t.line } : {}) };
}

/** All events of a QIF file, or a located PocketbookError. Pure. */
export function parseQif(text: string, ctx: Pick<ParseContext, 'defaultCurrency' | 'dateFormat'>): ReaderEvent[] {
  const events: (ReaderEvent | Draft)[] = []; // drafts become rows once the whole file settled dates and decimals
  const lines = text.split(/\r\n|\r|\n/);
  let section: string | undefined; // upper-cased type after !Type:, or ACCOUNT
  let account: AccountHint = {};
  let rec: Draft | undefined;
  let inSplit = false;
  const finish = (): void => {
    if (rec && rec.fields.size > 0) {
      if (section === 'ACCOUNT') {
        const name = rec.fields.get('N')?.value.trim();
        const type = CASH_TYPES[(rec.fields.get('T')?.value ?? '').trim().toUpperCase()];
        account = { ...(name ? { name } : {}), ...(type ? { type } : {}) };
      } else if (section !== undefined && Object.hasOwn(CASH_TYPES, section)) {
        events.push(rec);
      }
    }
    rec = undefined;
    inSplit = false;
  };
  lines.forEach((raw, i) => {
    const line = raw.replace(/^\uFEFF/, '').trimEnd();
    if (line.trim() === '') return;
    if (line.startsWith('!')) {
      finish();
      const header = line.slice(1).trim().toUpperCase();
      if (header.startsWith('TYPE:')) {
        section = header.slice(5).trim().replace(/\s+/g, ' ');
        if (Object.hasOwn(CASH_TYPES, section)) {
          const type = account.type ?? CASH_TYPES[section];
          events.push({ type: 'statement', account: { ...account, ...(type ? { type } : {}) } });
          account = {};
        }
      } else if (header === 'ACCOUNT') section = 'ACCOUNT';
      else if (!header.startsWith('OPTION') && !header.startsWith('CLEAR')) section = header;
      return;
    }
    if (section === undefined) return; // text before the first header ("### comments")
    if (line.startsWith('^')) return finish();
    const key = line[0]!;
    if (key === 'S') inSplit = true;
    if (inSplit) return; // S category, E memo, $ amount (and a D date) of one split: the total T stands
    rec ??= { line: i + 1, fields: new Map() };
    if (!rec.fields.has(key)) rec.fields.set(key, { value: line.slice(1), line: i + 1 });
  });
  finish();
  return settle(events, ctx.defaultCurrency, orderOfFormat(ctx.dateFormat));
}

/** The drafts as rows, read with the date order and decimal separator all of them settle. */
function settle(staged: readonly (ReaderEvent | Draft)[], currency: string, given?: QifDateOrder): ReaderEvent[] {
  const drafts = staged.filter((e): e is Draft => 'fields' in e);
  const order = qifDateOrder(drafts.flatMap((d) => d.fields.get('D') ?? []), given);
  const amounts = drafts.flatMap((d) => d.fields.get('T') ?? d.fields.get('U') ?? []);
  const decided = inferDecimal(amounts.map((a) => a.value), currency);
  const reading: Reading = { currency, order, decimal: 'decimal' in decided ? decided.decimal : '.' };
  const events: ReaderEvent[] = [];
  for (const item of staged) {
    if (!('fields' in item)) {
      events.push(item);
      continue;
    }
    const { row, rounded } = toRow(item, reading);
    events.push({ type: 'row', row });
    if (rounded !== undefined) events.push({ type: 'warning', line: rounded, message: roundedMessage(row.currency) });
    // Quicken's "Opening Balance" record is an entry (kept): before it the account held nothing.
    if (/^opening balance$/i.test(item.fields.get('P')?.value.trim() ?? '')) {
      events.push({ type: 'balance', balance: { kind: 'opening', line: row.line, date: addDays(row.date, -1), amount: 0, currency: row.currency } });
    }
  }
  return events;
}

export const qifReader: Reader = {
  id: 'qif',
  describe: 'Quicken QIF (bank, cash and card accounts)',
  detect: (sniff: Sniff) => detectQif(sniff.text),
  async *read(source: Source, ctx: ParseContext) {
    let events: ReaderEvent[];
    try {
      events = parseQif(await source.readText(), ctx);
    } catch (err) {
      throw err instanceof PocketbookError ? err.at({ file: ctx.fileName }) : err;
    }
    yield* events;
  },
};
