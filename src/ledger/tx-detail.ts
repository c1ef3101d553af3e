/** Everything about one entry, for `tx show`. */
import type { Db } from './open.js';
import { categoryPath } from './categories.js';
import { listNotes, requireTx, type NoteRow } from './notes.js';
import { tagsOf } from './tags.js';
import { splitsOf, type SplitView } from './splits.js';
import { attachmentsOf, type AttachmentRow } from './attachments.js';
import { handEntryOf } from './hand-entries.js';

interface TxRow {
  id: number; date: string; time: string | null; amount: number; currency: string; description: string;
  account_id: number; account: string; batch_id: number | null; batch_file: string | null; source_line: number | null;
  external_id: string | null; counterparty: string | null; source_category: string | null; funding: string | null;
  merchant: string | null; merchant_source: string | null; category_id: number | null; category_source: string | null;
  kind: string; kind_source: string | null; channel: string; channel_source: string | null;
  transfer_peer_id: number | null; mirror_of: number | null; created_at: string;
}

export interface TxBrief {
  id: number;
  date: string;
  amount: number;
  currency: string;
  account: string;
  description: string;
}

export interface TxDetail {
  id: number;
  date: string;
  time: string | null;
  amount: number;
  currency: string;
  account: string;
  description: string;
  merchant: string | null;
  merchantSource: string | null;
  category: string | null;
  categorySource: string | null;
  kind: string;
  kindSource: string | null;
  channel: string;
  channelSource: string | null;
  counterparty: string | null;
  externalId: string | null;
  sourceCategory: string | null;
  funding: string | null;
  batch: { id: number; file: string; line: number | null } | null;
  notes: NoteRow[];
  tags: string[];
  splits: SplitView[];
  attachments: AttachmentRow[];
  transferPeer: TxBrief | null;
  mirrorOf: TxBrief | null;
  mirroredBy: TxBrief[];
  createdAt: string;
  /** Typed in by hand (`tx add`): when, and when a statement row was merged into it (null: not yet). */
  hand: { enteredAt: string; mergedAt: string | null } | null;
}

const BRIEF = `SELECT t.id, t.date, t.amount, t.currency, a.name AS account, t.description
  FROM transactions t JOIN accounts a ON a.id = t.account_id`;

export function getTxDetail(db: Db, id: number, locale: 'en' | 'zh'): TxDetail {
  requireTx(db, id);
  const r = db
    .prepare(
      `SELECT t.*, a.name AS account, b.file AS batch_file FROM transactions t
       JOIN accounts a ON a.id = t.account_id LEFT JOIN batches b ON b.id = t.batch_id WHERE t.id = ?`,
    )
    .get(id) as TxRow;
  const brief = db.prepare(`${BRIEF} WHERE t.id = ?`);
  const one = (peer: number | null) => (peer !== null ? ((brief.get(peer) as TxBrief | undefined) ?? null) : null);
  return {
    id: r.id, date: r.date, time: r.time, amount: r.amount, currency: r.currency, account: r.account,
    description: r.description, merchant: r.merchant, merchantSource: r.merchant_source,
    category: r.category_id !== null ? categoryPath(db, r.category_id, locale) : null, categorySource: r.category_source,
    kind: r.kind, kindSource: r.kind_source, channel: r.channel, channelSource: r.channel_source,
    counterparty: r.counterparty, externalId: r.external_id, sourceCategory: r.source_category, funding: r.funding,
    batch: r.batch_id !== null ? { id: r.batch_id, file: r.batch_file ?? '', line: r.source_line } : null,
    notes: listNotes(db, id), tags: tagsOf(db, id), splits: splitsOf(db, id, locale), attachments: attachmentsOf(db, id),
    transferPeer: one(r.transfer_peer_id), mirrorOf: one(r.mirror_of),
    mirroredBy: db.prepare(`${BRIEF} WHERE t.mirror_of = ? ORDER BY t.id`).all(id) as TxBrief[],
    createdAt: r.created_at,
    hand: handOf(db, r.id),
  };
}

function handOf(db: Db, id: number): TxDetail['hand'] {
  const h = handEntryOf(db, id);
  return h ? { enteredAt: h.entered_at, mergedAt: h.merged_at } : null;
}
