/** `tx show ID`: everything about one entry, as JSON data or readable lines. */
import type { Context } from '../../core/context.js';
import { formatMinor, formatMoney } from '../../core/money.js';
import { getTxDetail, type TxBrief, type TxDetail } from '../../ledger/tx-detail.js';
import { parseId, withDb } from './notes.js';
import { tEntry as say } from '../../core/messages/cli-tx-entry.js';

export function showTx(ctx: Context, idText: string): TxDetail {
  const id = parseId(idText);
  const locale = ctx.settings.locale === 'zh' ? 'zh' : 'en';
  return withDb(ctx, (db) => getTxDetail(db, id, locale));
}

const briefJson = (b: TxBrief | null) =>
  b && { id: b.id, date: b.date, amount: formatMinor(b.amount, b.currency), currency: b.currency, account: b.account, description: b.description };

/** JSON shape: the `tx list` fields plus provenance, sources and the user's data. */
export function txDetailJson(d: TxDetail) {
  return {
    id: d.id, date: d.date, time: d.time, amount: formatMinor(d.amount, d.currency), currency: d.currency, account: d.account,
    description: d.description, merchant: d.merchant, merchant_source: d.merchantSource, category: d.category,
    category_source: d.categorySource, kind: d.kind, kind_source: d.kindSource, channel: d.channel, channel_source: d.channelSource,
    counterparty: d.counterparty, external_id: d.externalId, source_category: d.sourceCategory, funding: d.funding,
    batch: d.batch, tags: d.tags, notes: d.notes.map((n) => ({ id: n.id, text: n.text, created_at: n.created_at, updated_at: n.updated_at })),
    splits: d.splits.map((s) => ({ category: s.category, amount: formatMinor(s.amount, d.currency) })),
    attachments: d.attachments.map((a) => ({ id: a.id, name: a.name, mime: a.mime, size: a.size, sha256: a.sha256, added_at: a.added_at })),
    transfer_peer: briefJson(d.transferPeer), mirror_of: briefJson(d.mirrorOf), mirrored_by: d.mirroredBy.map(briefJson),
    created_at: d.createdAt,
    hand_entry: d.hand && { entered_at: d.hand.enteredAt, merged_at: d.hand.mergedAt },
  };
}

const src = (value: string | null, source: string | null) => (value === null ? '—' : source ? `${value}  (${source})` : value);
const brief = (b: TxBrief) => `#${b.id} ${b.date} ${formatMoney(b.amount, b.currency)} ${b.currency} ${b.account} — ${b.description}`;

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Readable lines for the terminal; control characters in what statements and users wrote are shown escaped. */
export function txDetailLines(d: TxDetail, width: (text: string) => number = (text) => text.length): string[] {
  const lines: [string, string][] = [
    [say('lEntry'), `#${d.id}`],
    [say('lDate'), d.time ? `${d.date} ${d.time}` : d.date],
    [say('lAmount'), `${formatMoney(d.amount, d.currency)} ${d.currency}`],
    [say('lAccount'), d.account],
    [say('lDescription'), d.description],
    [say('lMerchant'), src(d.merchant, d.merchantSource)],
    [say('lCategory'), src(d.category, d.categorySource)],
    [say('lKind'), src(d.kind, d.kindSource)],
    [say('lChannel'), src(d.channel, d.channelSource)],
  ];
  if (d.counterparty) lines.push([say('lCounterparty'), d.counterparty]);
  if (d.funding) lines.push([say('lPaidWith'), d.funding]);
  if (d.externalId) lines.push([say('lSourceId'), d.externalId]);
  lines.push([say('lBatch'), d.batch ? `#${d.batch.id} ${d.batch.file}${d.batch.line !== null ? `:${d.batch.line}` : ''}` : say('byHand')]);
  if (d.hand?.mergedAt) lines.push([say('lHand'), say('handMerged', { entered: d.hand.enteredAt.slice(0, 10), merged: d.hand.mergedAt.slice(0, 10) })]);
  if (d.transferPeer) lines.push([say('lTransferWith'), brief(d.transferPeer)]);
  if (d.mirrorOf) lines.push([say('lMirrors'), brief(d.mirrorOf)]);
  for (const m of d.mirroredBy) lines.push([say('lMirroredBy'), brief(m)]);
  lines.push([say('lTags'), d.tags.length ? d.tags.join(' ') : '—']);
  // Labels align by the width a terminal gives them (a Chinese character takes two columns).
  const labels = lines.map(([k]) => `${k}${say('colon')}`);
  const column = Math.max(...labels.map(width)) + 1;
  const out = lines.map(([, v], i) => `${labels[i]!}${' '.repeat(column - width(labels[i]!))}${v}`);
  if (d.splits.length) {
    out.push(say('lSplit'));
    for (const s of d.splits) out.push(`  ${s.category}  ${formatMoney(s.amount, d.currency)}`);
  }
  if (d.notes.length) {
    out.push(say('lNotes'));
    for (const n of d.notes) out.push(`  [${n.id}] ${n.created_at.slice(0, 16).replace('T', ' ')}${n.updated_at !== n.created_at ? say('edited') : ''}  ${n.text}`);
  }
  if (d.attachments.length) {
    out.push(say('lAttachments'));
    for (const a of d.attachments) out.push(`  [${a.id}] ${a.name}  ${a.mime}  ${size(a.size)}`);
  }
  return out; // escaped by the command (render/safe-text.ts)
}
