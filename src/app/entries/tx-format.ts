/** Writers for `tx list` output; each takes entries one by one and emits text in chunks. */
import { type Table, csvCell, renderMarkdown, renderTable } from '../../render/table.js';
import type { TxFormat, TxJson } from './tx-list.js';
import { merchantDisplayName } from '../../core/merchant-names.js';
import { tTx as t } from '../../core/messages/cli-tx.js';

export interface TxWriter {
  entry(e: TxJson): void;
  end(): void;
}

const FIELDS = ['id', 'date', 'amount', 'currency', 'account', 'description', 'merchant', 'category', 'kind', 'channel', 'tags', 'notes'] as const;
const NUMERIC = new Set(['id', 'amount']);
const FLUSH_AT = 1 << 16;

function columns(): Table['columns'] {
  return [
    { key: 'id', header: 'ID', numeric: true }, { key: 'date', header: t('colDate') }, { key: 'amount', header: t('colAmount'), numeric: true },
    { key: 'currency', header: t('colCur') }, { key: 'account', header: t('colAccount') }, { key: 'description', header: t('colDescription') },
    { key: 'merchant', header: t('colMerchant') }, { key: 'category', header: t('colCategory') }, { key: 'kind', header: t('colKind') },
    { key: 'tags', header: t('colTags') },
  ];
}

const cells = (e: TxJson) => ({ ...e, tags: e.tags.join(' '), notes: e.notes.join(' | ') });

export function createTxWriter(format: TxFormat, write: (chunk: string) => void): TxWriter {
  let buffer = '';
  const push = (text: string) => {
    buffer += text;
    if (buffer.length >= FLUSH_AT) {
      write(buffer);
      buffer = '';
    }
  };
  const flush = () => {
    if (buffer !== '') write(buffer);
    buffer = '';
  };
  if (format === 'json') {
    let first = true;
    return {
      entry(e) {
        push(`${first ? '[\n' : ',\n'}  ${JSON.stringify(e)}`);
        first = false;
      },
      end() {
        push(first ? '[]\n' : '\n]\n');
        flush();
      },
    };
  }
  if (format === 'ndjson') {
    return { entry: (e) => push(`${JSON.stringify(e)}\n`), end: flush };
  }
  if (format === 'csv') {
    push(`${FIELDS.join(',')}\n`);
    return {
      entry(e) {
        const c = cells(e) as Record<string, string | number | null>;
        push(`${FIELDS.map((k) => csvCell(c[k], NUMERIC.has(k))).join(',')}\n`);
      },
      end: flush,
    };
  }
  // Aligned table and Markdown need every row to size their columns.
  const rows: Record<string, string | number | null>[] = [];
  return {
    // People read these: a merchant goes by its name in the interface language (JSON and CSV keep it as stored).
    entry: (e) => void rows.push({ ...cells(e), merchant: e.merchant === null ? null : merchantDisplayName(e.merchant) }),
    end() {
      const table: Table = { columns: columns(), rows };
      if (format === 'markdown') write(`${renderMarkdown(table)}\n`);
      else if (rows.length === 0) write(`${t('noMatch')}\n`);
      else write(`${renderTable(table)}\n${t(rows.length === 1 ? 'entry1' : 'entryN', { n: rows.length })}\n`);
    },
  };
}
