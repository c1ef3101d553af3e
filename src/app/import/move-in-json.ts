/**
 * `import` of pocketbook's own `export --format json` (the entries of `tx list --json`: id, date,
 * amount, currency, account, description, merchant, category, kind, channel, tags, notes).
 * Recognized by its first entry; every entry checked before anything is written (one line naming
 * the file, the entry's line and the field); transfers and mirrors are found again the way a
 * statement import finds them, since the JSON does not carry its links.
 */
import fs from 'node:fs';
import type { Context } from '../../core/context.js';
import { PocketbookError } from '../../core/errors.js';
import { isCurrencyCode, parseUserAmount } from '../../core/money.js';
import { isIsoDate } from '../../core/dates.js';
import { isKind } from '../../core/types.js';
import { findAccountByName } from '../../ledger/accounts.js';
import type { Db } from '../../ledger/open.js';
import type { FileResult } from './import-files.js';
import { type RestoreItem, writeRestored } from './move-in-write.js';
import { accountTypeOf } from './move-in.js';
import { tMoveIn as t } from '../../core/messages/movein.js';

/** Whether the head is pocketbook's JSON export (a list whose first entry starts with its id and date). */
export function isPocketbookJson(head: Buffer): boolean {
  return /^\uFEFF?\s*\[\s*\{\s*"id"\s*:\s*\d+\s*,\s*"date"\s*:\s*"/.test(head.subarray(0, 256).toString('utf8'));
}

type Json = Record<string, unknown>;

const isText = (v: unknown): v is string => typeof v === 'string';

/** The line of a JSON.parse error's position, when the message gives one. */
function lineOfError(text: string, err: Error): number | undefined {
  const at = /position (\d+)/.exec(err.message);
  return at ? text.slice(0, Number(at[1])).split('\n').length : undefined;
}

/** Entry `i` as an item; `line` is where the export wrote it (one entry per line, after `[`). */
function itemOf(file: string, e: Json, i: number, db: Db): RestoreItem {
  const line = i + 2;
  const field = (name: string, what: Parameters<typeof t>[0]) => new PocketbookError('BAD_INPUT', t('jsonField', { n: i + 1, field: name, what: t(what) }), { location: { file, line } });
  if (typeof e !== 'object' || e === null) throw field('id', 'whatId');
  if (typeof e.id !== 'number' || !Number.isSafeInteger(e.id)) throw field('id', 'whatId');
  if (!isText(e.date) || !isIsoDate(e.date)) throw field('date', 'whatDate');
  if (!isText(e.currency) || !isCurrencyCode(e.currency)) throw field('currency', 'whatCurrency');
  // `time` (HH:MM) came with the time-of-day work; exports made before it have none.
  if (e.time !== undefined && e.time !== null && !(isText(e.time) && /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/.test(e.time))) throw field('time', 'whatTime');
  if (!isText(e.kind) || !isKind(e.kind)) throw field('kind', 'whatKind');
  for (const name of ['account', 'description', 'channel']) if (!isText(e[name])) throw field(name, 'whatText');
  for (const name of ['merchant', 'category']) if (e[name] !== null && !isText(e[name])) throw field(name, 'whatText');
  for (const name of ['tags', 'notes']) if (!Array.isArray(e[name]) || !(e[name] as unknown[]).every(isText)) throw field(name, 'whatList');
  let amount: number;
  try {
    amount = parseUserAmount(String(e.amount), e.currency);
  } catch {
    throw field('amount', 'whatAmount');
  }
  const account = e.account as string;
  return {
    line, ref: String(e.id), account, accountType: findAccountByName(db, account)?.type ?? accountTypeOf(account), date: e.date, ...(isText(e.time) ? { time: e.time } : {}), amount, currency: e.currency,
    description: e.description as string, merchant: (e.merchant as string | null) || null, category: (e.category as string | null) ?? '', kind: e.kind,
    channel: e.channel as string, tags: e.tags as string[], notes: e.notes as string[],
  };
}

export function restorePocketbookJson(ctx: Context, db: Db, file: string, result: FileResult, dryRun: boolean): FileResult {
  result.encoding = 'utf-8';
  const text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    const line = lineOfError(text, err as Error);
    throw new PocketbookError('BAD_INPUT', t('jsonBad', { why: (err as Error).message }), { location: { file, ...(line !== undefined ? { line } : {}) } });
  }
  if (!Array.isArray(data)) throw new PocketbookError('BAD_INPUT', t('jsonNotArray'), { location: { file } });
  const items = (data as Json[]).map((e, i) => itemOf(file, e, i, db));
  return writeRestored(ctx, db, file, items, result, { format: 'pocketbook-json', dryRun, linkAfter: true });
}
