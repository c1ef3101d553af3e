/**
 * `export --format csv`: the columns of `tx list --format csv`, then what rebuilds the reports —
 * `account_type`, `split_of`/`split_part` (a split entry's row is followed by one row per part,
 * without an id, naming the entry in `split_of`: the part's number, amount and category), `link`
 * (the transfer partner's id) and `mirror_of` (the wallet entry a card row mirrors). `import` reads this file back (app/import/import-pocketbook.ts).
 */
import { LOCALES, withLocale } from '../../core/i18n.js';
import { tExport } from '../../core/messages/export.js';
import { formatMinor } from '../../core/money.js';
import { csvField } from '../../core/csv-field.js';
import type { CsvRow } from '../../ledger/export-rows.js';

export const EXPORT_CSV_COLUMNS = [
  'id', 'date', 'amount', 'currency', 'account', 'description', 'merchant', 'category', 'kind', 'channel', 'tags', 'notes',
  'account_type', 'split_of', 'split_part', 'link', 'mirror_of',
] as const;
type ExportColumn = (typeof EXPORT_CSV_COLUMNS)[number];

/** The header line in the current locale (`id,date,amount,…` / `编号,日期,金额,…`). */
export function exportCsvHeader(): string {
  return EXPORT_CSV_COLUMNS.map((c) => csvField(tExport(`csv_${c}`))).join(',');
}

/** The header lines of every locale: `import` knows an export by any of them. */
export function exportCsvHeaders(): string[] {
  return LOCALES.map((locale) => withLocale(locale, exportCsvHeader));
}

/** A header cell of any locale → its column (`金额` → `amount`); unknown cells stay as they are. */
export function exportColumnOf(header: string): string {
  for (const c of EXPORT_CSV_COLUMNS) if (LOCALES.some((locale) => withLocale(locale, () => tExport(`csv_${c}` as const)) === header)) return c;
  return header;
}

const NUMERIC = new Set<string>(['id', 'amount', 'split_of', 'split_part', 'link', 'mirror_of']);
const FLUSH_AT = 1 << 16;

type Cells = Record<ExportColumn, string | number | null>;

/** The CSV lines of one entry (one per split part). */
export function exportCsvLines(r: CsvRow, categories: ReadonlyMap<number, string>): string {
  const base: Cells = {
    id: r.id, date: r.date, amount: formatMinor(r.amount, r.currency), currency: r.currency, account: r.account,
    description: r.description, merchant: r.merchant, category: r.category_id !== null ? (categories.get(r.category_id) ?? null) : null,
    kind: r.kind, channel: r.channel, tags: r.tags ? r.tags.split('\u001f').join(' ') : '', notes: r.notes ? r.notes.split('\u001e').join(' | ') : '',
    account_type: r.account_type, split_of: null, split_part: null, link: r.transfer_peer_id, mirror_of: r.mirror_of,
  };
  const line = (c: Cells) => `${EXPORT_CSV_COLUMNS.map((k) => csvField(c[k], NUMERIC.has(k))).join(',')}\n`;
  if (!r.splits) return line(base);
  const parts = r.splits.split(',').map((part, i) => {
    const [cat, amount] = part.split(':');
    const category = cat ? (categories.get(Number(cat)) ?? null) : null;
    return line({ ...base, id: null, amount: formatMinor(Number(amount), r.currency), category, split_of: r.id, split_part: i + 1 });
  });
  return line(base) + parts.join('');
}

export function createExportCsvWriter(write: (chunk: string) => void): { entry(lines: string): void; end(): void } {
  let buffer = `${exportCsvHeader()}\n`;
  return {
    entry(lines) {
      buffer += lines;
      if (buffer.length >= FLUSH_AT) {
        write(buffer);
        buffer = '';
      }
    },
    end: () => write(buffer),
  };
}
