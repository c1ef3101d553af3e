/**
 * Moving in from 随手记, 钱迹 and 挖财 (issue 28 point 2): an app's export, identified by its header
 * (import/formats/apps), becomes entries in the app's own accounts — created by name when the
 * ledger lacks them — with the sign its type column gives, its categories mapped onto ours
 * (move-in-categories.ts: shown in the summary, editable with `--category-map FILE`), its notes,
 * tags and the columns worth keeping (成员, 项目, 报销 …) as notes. A transfer between two of its
 * accounts becomes two linked entries, never spending or income. One transaction (move-in-write.ts).
 */
import fs from 'node:fs';
import type { Context } from '../../core/context.js';
import type { AccountType } from '../../core/types.js';
import { PocketbookError } from '../../core/errors.js';
import { type AppSpec, type MoveInRow, legOf, readAppFile } from '../../import/formats/apps/app-table.js';
import type { ParseContext } from '../../import/types.js';
import { categoryPath, categoryResolver } from '../../ledger/categories.js';
import { getLocale } from '../../core/i18n.js';
import type { Db } from '../../ledger/open.js';
import { fileSource } from './file-source.js';
import type { FileResult } from './import-files.js';
import { type CategoryMap, type MapSide, type Mapped, categoryMapYaml, mapCategory, readCategoryMap } from './move-in-categories.js';
import { type RestoreItem, writeRestored } from './move-in-write.js';
import { tMoveIn as t } from '../../core/messages/movein.js';

/** One line of the mapping the summary shows. */
export interface CategoryMapLine {
  from: string;
  to: string;
  n: number;
  created: boolean;
}

export interface MoveInOptions {
  dryRun: boolean;
  /** `--category-map FILE`: read when it exists, else written with the mapping used. */
  categoryMap?: string;
}

/** The type of an account the ledger lacks, from the words of its name (信用卡 → credit, 现金 → cash, 支付宝 → wallet). */
export function accountTypeOf(name: string): AccountType {
  if (/信用卡|花呗|白条|credit/i.test(name)) return 'credit';
  if (/现金|cash/i.test(name)) return 'cash';
  if (/支付宝|微信|余额宝|零钱|钱包|alipay|wechat|wallet/i.test(name)) return 'wallet';
  if (/定期|存款账户|savings/i.test(name)) return 'savings';
  return 'checking';
}

/** The map file's key for an app category. */
const appPath = (r: MoveInRow) => [r.category, r.subcategory].filter(Boolean).join('/');

class Tally {
  readonly used: CategoryMap = { expense: {}, income: {} };
  private readonly lines = new Map<string, CategoryMapLine>();
  add(side: MapSide, from: string, to: string, created: boolean): void {
    this.used[side][from] = to;
    const key = `${side}|${from}`;
    const line = this.lines.get(key) ?? { from, to, n: 0, created };
    line.n++;
    this.lines.set(key, line);
  }
  list(): CategoryMapLine[] {
    return [...this.lines.values()];
  }
}

/** An app category neither map knows, named like one of ours (子分类 first, then 分类): that one. */
function ownNames(mapped: Mapped, r: MoveInRow, shown: (path: string) => { created: boolean }): Mapped {
  if (!mapped.own) return mapped;
  const known = (name: string | undefined) => {
    try {
      return name !== undefined && !shown(name).created;
    } catch {
      return false; // a name several of ours share: not ours
    }
  };
  if (known(r.subcategory)) return r.category ? { path: r.subcategory!, dropped: appPath(r) } : { path: r.subcategory! };
  if (known(r.category)) return r.subcategory ? { path: r.category!, dropped: appPath(r) } : { path: r.category! };
  return mapped;
}

/** A row's entries: one for spending or income, two linked ones for a transfer, and a fee's own. */
function itemsOf(r: MoveInRow, user: CategoryMap | undefined, shown: (path: string) => { text: string; created: boolean }, tally: Tally): RestoreItem[] {
  const ref = `${r.sheet ?? ''}#${r.line}`;
  const { kind, amount } = legOf(r);
  // The note is the description when the row names no merchant: kept once.
  const base = {
    line: r.line, date: r.date, ...(r.time ? { time: r.time } : {}), currency: r.currency, merchant: r.merchant ?? null, tags: r.tags,
    notes: [...(r.note && r.merchant ? [r.note] : []), ...r.extras],
  };
  const accountOf = (name: string) => ({ account: name, accountType: accountTypeOf(name), channel: accountTypeOf(name) === 'cash' ? 'cash' : 'unknown' });
  const fee: RestoreItem[] = r.fee
    ? [{ ...base, ...accountOf(r.account), ref: `${ref}:fee`, amount: -r.fee, kind: 'expense', category: '手续费利息:转账手续费', description: t('transferFee'), merchant: null, tags: [], notes: [] }]
    : [];
  if (r.type === 'transfer') {
    const to = r.toAccount!;
    if (to === r.account) throw new PocketbookError('BAD_INPUT', t('sameAccount', { account: to }), { location: { line: r.line } });
    const description = r.note ?? `${r.account} → ${to}`;
    return [
      { ...base, ...accountOf(r.account), ref: `${ref}:out`, link: `${ref}:in`, amount, kind, category: '', description },
      { ...base, ...accountOf(to), ref: `${ref}:in`, link: `${ref}:out`, amount: r.amount, kind, category: '', description },
      ...fee,
    ];
  }
  const side: MapSide = kind === 'income' ? 'income' : 'expense';
  const mapped = ownNames(mapCategory(user, side, r.category, r.subcategory), r, shown);
  if (mapped.path !== '') {
    const to = shown(mapped.path);
    tally.add(side, appPath(r), to.text, to.created);
  }
  const notes = mapped.dropped ? [...base.notes, t('sourceCategory', { path: mapped.dropped })] : base.notes;
  const description = r.merchant ?? r.note ?? r.subcategory ?? r.category ?? '';
  return [{ ...base, ...accountOf(r.account), ref, amount, kind, category: mapped.path, description, notes }, ...fee];
}

function writeMap(file: string, text: string): void {
  try {
    fs.writeFileSync(file, text);
  } catch (err) {
    throw new PocketbookError('BAD_INPUT', t('mapWrite', { why: (err as NodeJS.ErrnoException).code ?? (err as Error).message }), { location: { file } });
  }
}

/** Import one app export (already identified as `app`) in one transaction. */
export async function importMoveIn(ctx: Context, db: Db, file: string, app: AppSpec, encoding: string, result: FileResult, o: MoveInOptions): Promise<FileResult> {
  const parse: ParseContext = { fileName: file, defaultCurrency: 'CNY', today: ctx.today };
  const { rows, skipped } = await readAppFile(app, fileSource(file, file, encoding), parse);
  const mapFile = o.categoryMap;
  const user = mapFile && fs.existsSync(mapFile) ? readCategoryMap(mapFile) : undefined;
  const resolve = categoryResolver(db);
  const locale = getLocale();
  /** A category path as the summary shows it: ours in the run's language, a new one as named. */
  const shown = (path: string) => {
    const found = resolve(path);
    return found ? { text: categoryPath(db, found.id, locale), created: false } : { text: path, created: true };
  };
  const tally = new Tally();
  const items = rows.flatMap((r) => {
    try {
      return itemsOf(r, user, shown, tally);
    } catch (err) {
      throw err instanceof PocketbookError ? err.at({ file, line: r.line }) : err;
    }
  });
  // The map file is written before the ledger: a folder it cannot be written to fails the file with nothing imported.
  if (mapFile) {
    const written = user === undefined;
    if (written) writeMap(mapFile, categoryMapYaml(tally.used));
    result.categoryMapFile = { file: mapFile, written };
  }
  result.encoding = encoding;
  result.skipped = skipped.length;
  writeRestored(ctx, db, file, items, result, { format: app.id, dryRun: o.dryRun });
  result.rows = rows.length + skipped.length;
  result.categoryMap = tally.list();
  return result;
}
