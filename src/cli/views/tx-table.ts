/** `tx list` as a table or Markdown for people: every row is needed first, to size the columns. */
import { type Table, renderMarkdown, renderTable } from '../../render/table.js';
import type { TxWriter } from '../../app/entries/tx-format.js';
import { txCells } from '../../app/entries/tx-format.js';
import { merchantDisplayName } from '../../core/merchant-names.js';
import { tTx as t } from '../../core/messages/cli-tx.js';

function columns(): Table['columns'] {
  return [
    { key: 'id', header: 'ID', numeric: true }, { key: 'date', header: t('colDate') }, { key: 'amount', header: t('colAmount'), numeric: true },
    { key: 'currency', header: t('colCur') }, { key: 'account', header: t('colAccount') }, { key: 'description', header: t('colDescription') },
    { key: 'merchant', header: t('colMerchant') }, { key: 'category', header: t('colCategory') }, { key: 'kind', header: t('colKind') },
    { key: 'tags', header: t('colTags') },
  ];
}

export function createTxTableWriter(format: 'table' | 'markdown', write: (chunk: string) => void): TxWriter {
  const rows: Record<string, string | number | null>[] = [];
  return {
    // People read these: a merchant goes by its name in the interface language (JSON and CSV keep it as stored).
    entry: (e) => void rows.push({ ...txCells(e), merchant: e.merchant === null ? null : merchantDisplayName(e.merchant) }),
    end() {
      const table: Table = { columns: columns(), rows };
      if (format === 'markdown') write(`${renderMarkdown(table)}\n`);
      else if (rows.length === 0) write(`${t('noMatch')}\n`);
      else write(`${renderTable(table)}\n${t(rows.length === 1 ? 'entry1' : 'entryN', { n: rows.length })}\n`);
    },
  };
}
