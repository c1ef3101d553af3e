/**
 * Entry shapes: what the rows of a file mostly share. Most of an imported row's columns take one
 * of a few values in a file (its account and currency, kind and channel, who decided them, which
 * optional columns are filled). So a packed entry carries the id of its shape instead of those
 * values (a number crosses threads cheaply), and the writer prepares one INSERT per set of filled
 * columns. (Writing a shape's values into its INSERT as constants was measured within the noise
 * and removed: issue 29, src/ARCHITECTURE.md "Speed design".)
 *
 * Ids are given in order of first use by the packing side (EntryShapes), which hands each new
 * shape over once, before the first row that uses it (ShapeInserts.define).
 */
import type { Statement } from 'better-sqlite3';
import type { EntryDraft } from '../core/types.js';
import type { Db } from './open.js';

export interface EntryShape {
  accountId: number;
  currency: string;
  kind: string;
  channel: string;
  merchantSource: string | null;
  categorySource: string | null;
  kindSource: string | null;
  channelSource: string | null;
  /** Bit i set: the row's own optional column OWN_OPTIONAL[i] holds a value. */
  present: number;
}

/** A row's optional columns of its own, in the order a packed entry holds them (see packEntry). */
export const OWN_OPTIONAL = ['time', 'external_id', 'counterparty', 'source_category', 'funding', 'merchant', 'category_id'];

/** The packing side: shape ids by value. */
export class EntryShapes {
  /** One level per value of a shape, the last one holding ids: no key is built per row. */
  private readonly tree = new Map<unknown, unknown>();
  private count = 0;

  /** The id of the draft's shape; a shape met for the first time is appended to `fresh`. */
  idOf(d: EntryDraft, present: number, fresh: EntryShape[]): number {
    const t = this.tree;
    const last = level(level(level(level(level(level(level(level(t, present), d.accountId), d.currency), d.kind), d.channel), d.merchantSource), d.categorySource), d.kindSource);
    let id = last.get(d.channelSource) as number | undefined;
    if (id === undefined) {
      id = this.count++;
      last.set(d.channelSource, id);
      fresh.push({
        accountId: d.accountId, currency: d.currency, kind: d.kind, channel: d.channel,
        merchantSource: d.merchantSource ?? null, categorySource: d.categorySource ?? null,
        kindSource: d.kindSource ?? null, channelSource: d.channelSource ?? null, present,
      });
    }
    return id;
  }
}

function level(m: Map<unknown, unknown>, value: unknown): Map<unknown, unknown> {
  let next = m.get(value) as Map<unknown, unknown> | undefined;
  if (next === undefined) m.set(value, (next = new Map()));
  return next;
}

/** A shape's columns, in the order its INSERT lists them (NULL ones left out). */
const SHAPE_COLUMNS = ['account_id', 'batch_id', 'created_at', 'currency', 'kind', 'channel', 'merchant_source', 'category_source', 'kind_source', 'channel_source'];
/** The columns every row binds, after the shape's. */
const ROW_COLUMNS = ['source_line', 'date', 'amount', 'description', 'dedup_key', 'occurrence'];

interface Known {
  shape: EntryShape;
  insert: Statement;
  /** The shape's values the INSERT binds before the row's. */
  bound: unknown[];
}

/** The writing side: each shape's INSERT, for the batch being written (see `get`). */
export class ShapeInserts {
  private shapes: EntryShape[] = [];
  private known: (Known | undefined)[] = [];
  /** Prepared once per set of non-NULL columns. */
  private readonly generic = new Map<number, Statement>();
  private batchId = -1;
  private now = '';

  constructor(private readonly db: Db) {}

  /** Forget the shapes (a new file numbers them from 0 again); their INSERTs go at the next `get`. */
  reset(): void {
    this.shapes = [];
    this.batchId = -1;
  }

  define(fresh: readonly EntryShape[]): void {
    for (const s of fresh) this.shapes.push(s);
  }

  /** The INSERT of shape `id` and the values it binds first, for rows of batch `batchId` made at `now`. */
  get(id: number, batchId: number, now: string): Known {
    if (batchId !== this.batchId || now !== this.now) {
      this.known = [];
      this.batchId = batchId;
      this.now = now;
    }
    return this.known[id] ?? (this.known[id] = this.make(id));
  }

  private make(id: number): Known {
    const shape = this.shapes[id];
    if (!shape) throw new Error(`entry shape ${id} was not defined`);
    const values = [shape.accountId, this.batchId, this.now, shape.currency, shape.kind, shape.channel, shape.merchantSource, shape.categorySource, shape.kindSource, shape.channelSource];
    const columns = SHAPE_COLUMNS.filter((_, i) => values[i] !== null);
    const own = values.filter((v) => v !== null);
    const optional = OWN_OPTIONAL.filter((_, i) => shape.present & (1 << i));
    const sql = `INSERT INTO transactions (${[...columns, ...ROW_COLUMNS, ...optional].join(', ')})
       VALUES (${[...columns, ...ROW_COLUMNS, ...optional].map(() => '?').join(', ')})
       ON CONFLICT (account_id, dedup_key, occurrence) DO NOTHING`;
    // Which shape columns are non-NULL (10 bits), and which optional ones (7 bits).
    let mask = shape.present << SHAPE_COLUMNS.length;
    values.forEach((v, i) => {
      if (v !== null) mask |= 1 << i;
    });
    let insert = this.generic.get(mask);
    if (!insert) this.generic.set(mask, (insert = this.db.prepare(sql)));
    return { shape, insert, bound: own };
  }
}
