/**
 * The data writers of `tx list` and `export --format json`: JSON, NDJSON and CSV, each taking
 * entries one by one and emitting text in chunks. The table and Markdown a person reads are the
 * CLI's (cli/views/tx-table.ts).
 */
import { csvField } from '../../core/csv-field.js';
import type { TxJson } from './tx-list.js';

/** Takes the entries of a listing one by one (TxJson: the JSON form), then `end`. */
export interface TxWriter {
  entry(e: TxJson): void;
  end(): void;
}

export type TxDataFormat = 'json' | 'ndjson' | 'csv';

const FIELDS = ['id', 'date', 'amount', 'currency', 'account', 'description', 'merchant', 'category', 'kind', 'channel', 'tags', 'notes'] as const;
const NUMERIC = new Set(['id', 'amount']);
const FLUSH_AT = 1 << 16;

/** An entry's fields as cells: tags joined by spaces, notes by ` | `. */
export const txCells = (e: TxJson) => ({ ...e, tags: e.tags.join(' '), notes: e.notes.join(' | ') });

export function createTxWriter(format: TxDataFormat, write: (chunk: string) => void): TxWriter {
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
  push(`${FIELDS.join(',')}\n`);
  return {
    entry(e) {
      const c = txCells(e) as Record<string, string | number | null>;
      push(`${FIELDS.map((k) => csvField(c[k], NUMERIC.has(k))).join(',')}\n`);
    },
    end: flush,
  };
}
