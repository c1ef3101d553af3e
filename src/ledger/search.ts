/**
 * History search over description, merchant and notes: any substring, Chinese included.
 *
 * Descriptions: queries of 3+ characters use the FTS5 trigram index `tx_search` (in its own file:
 * search-store.ts) to find candidate entries. 1–2 character queries have no trigram of their
 * own, but every occurrence starts one: the indexed document ends in two line feeds (migration
 * 7), so each character is followed by at least two more. Their candidates are the entries
 * holding any indexed trigram that begins with the query, listed from the index's term
 * dictionary (fts5vocab, a range look-up).
 *
 * Merchants are few: the distinct names are walked through the merchant index (one look-up per
 * name), and the entries of each name holding the query are candidates too.
 *
 * Either way every candidate passes an exact substring test (LIKE: case-insensitive for Latin
 * letters), so the answer is exact: the index is detail=none (rowids only), entries not yet
 * indexed or changed since are checked directly, stale index entries only ever add candidates
 * that the exact test drops, and an index file that is not the ledger's own is not used at all
 * (every entry is tested).
 */
import type { Db } from './open.js';
import {
  DOC, buildSearchIndex, detachSearchIndex, indexedUpto, ledgerFileOf, newToken, publishSearchIndex, setIndexedUpto, tokensMatch,
  turnToken, useSearchIndex,
} from './search-store.js';

export interface SqlCondition {
  sql: string;
  params: unknown[];
}

/**
 * The merchant names holding a LIKE pattern (the parameter): each distinct name found by one
 * look-up in the merchant index (`tx_merchant`), the next name after the last.
 */
const MERCHANTS_LIKE = `WITH RECURSIVE names (name) AS (
        SELECT min(merchant) FROM transactions
        UNION ALL SELECT (SELECT min(merchant) FROM transactions WHERE merchant > names.name) FROM names WHERE names.name IS NOT NULL)
      SELECT name FROM names WHERE name LIKE ? ESCAPE '\\'`;
const UPTO = "(SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'search_indexed_upto')";
/** At most this many trigrams are looked up; the exact test covers the rest. */
const MAX_TRIGRAMS = 6;
/**
 * A 1–2 character query whose prefix matches more trigrams than this (a common Latin letter)
 * scans instead: most entries hold it, and one pass is cheaper than merging that many lists.
 */
const MAX_PREFIX_TERMS = 400;

export const likePattern = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The trigrams to look up for a query (code points, as the trigram tokenizer counts them):
 * non-overlapping ones covering the text, plus the last, at most MAX_TRIGRAMS, distinct.
 * Empty when the query is shorter than 3 characters.
 */
export function queryTrigrams(text: string): string[] {
  const chars = Array.from(text);
  if (chars.length < 3) return [];
  const starts: number[] = [];
  for (let i = 0; i + 3 <= chars.length; i += 3) starts.push(i);
  starts.push(chars.length - 3);
  const picked = starts.length > MAX_TRIGRAMS ? [...starts.slice(0, MAX_TRIGRAMS - 1), chars.length - 3] : starts;
  const seen = new Set<string>();
  for (const s of picked) seen.add(chars.slice(s, s + 3).join('').toLowerCase());
  return [...seen];
}

/** An FTS5 MATCH expression requiring every trigram (each a quoted one-token phrase). */
export function matchExpression(trigrams: readonly string[]): string {
  return trigrams.map((g) => `"${g.replace(/"/g, '""')}"`).join(' AND ');
}

/**
 * The indexed trigrams that begin with a 1–2 character query (its lower-case form and itself, as
 * the index folds case), or undefined when there are too many to be worth looking up. The
 * index file must be in use (useSearchIndex).
 */
export function prefixTerms(db: Db, text: string): string[] | undefined {
  db.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.tx_search_terms USING fts5vocab(search, 'tx_search', 'row')");
  const range = db.prepare('SELECT term FROM temp.tx_search_terms WHERE term >= ? AND term < ? LIMIT ?').pluck();
  const terms = new Set<string>();
  for (const prefix of new Set([text.toLowerCase(), text])) {
    for (const term of range.all(prefix, `${prefix}\u{10ffff}`, MAX_PREFIX_TERMS + 1) as string[]) {
      if (term.startsWith(prefix)) terms.add(term);
    }
    if (terms.size > MAX_PREFIX_TERMS) return undefined;
  }
  return [...terms];
}

/**
 * The forms a forgiving search looks for (app/rules/merchant-search.ts): texts matched as
 * substrings, and merchant names matched whole.
 */
export interface SearchForms {
  texts: readonly string[];
  merchants: readonly string[];
}

/** The index candidates of one text: an FTS5 MATCH expression, or undefined when it must scan. */
function indexMatch(db: Db, text: string): { match?: string } | undefined {
  const trigrams = queryTrigrams(text);
  if (trigrams.length > 0) return { match: matchExpression(trigrams) };
  const terms = prefixTerms(db, text);
  if (terms === undefined) return undefined;
  return terms.length > 0 ? { match: terms.map((t) => `"${t.replace(/"/g, '""')}"`).join(' OR ') } : {};
}

/**
 * A condition on transactions aliased `t` matching `text` as a substring of description, merchant
 * or a note — or, given the forgiving search's `forms`, any of its texts, or a merchant named
 * exactly as one of its merchants.
 */
export function searchCondition(db: Db, text: string, forms?: SearchForms): SqlCondition {
  const texts = forms ? [...new Set([text, ...forms.texts])] : [text];
  const likes = texts.map(likePattern);
  const names = forms && forms.merchants.length > 0 ? JSON.stringify(forms.merchants) : undefined;
  const byName = names ? ' OR t.merchant IN (SELECT value FROM json_each(?))' : '';
  // Notes are few (typed by hand): one pass over them, not a look-up per entry.
  const one = `t.description LIKE ? ESCAPE '\\' OR t.merchant LIKE ? ESCAPE '\\' OR t.id IN (SELECT tx_id FROM notes WHERE text LIKE ? ESCAPE '\\')`;
  const exact = `(${texts.map(() => one).join(' OR ')}${byName})`;
  const exactParams = [...likes.flatMap((l) => [l, l, l]), ...(names ? [names] : [])];
  if (!useSearchIndex(db)) return { sql: exact, params: exactParams };
  const matches: string[] = [];
  for (const t of texts) {
    const m = indexMatch(db, t);
    if (m === undefined) return { sql: exact, params: exactParams };
    if (m.match !== undefined) matches.push(m.match);
  }
  const indexed = matches.map(() => 'SELECT rowid FROM search.tx_search WHERE tx_search MATCH ? UNION ').join('');
  const merchantsLike = likes.map(() => `UNION SELECT id FROM transactions WHERE merchant IN (${MERCHANTS_LIKE})`).join('\n      ');
  const notesLike = likes.map(() => `UNION SELECT tx_id FROM notes WHERE text LIKE ? ESCAPE '\\'`).join('\n      ');
  const byNameCandidates = names ? 'UNION SELECT id FROM transactions WHERE merchant IN (SELECT value FROM json_each(?))' : '';
  const candidates = `t.id IN (
      ${indexed}SELECT id FROM transactions WHERE id > ${UPTO}
      UNION SELECT id FROM search_dirty
      ${merchantsLike}
      ${notesLike}
      ${byNameCandidates})`;
  return {
    sql: `(${candidates} AND ${exact})`,
    params: [...matches, ...likes, ...likes, ...(names ? [names] : []), ...exactParams],
  };
}

export interface SyncResult {
  indexed: number;
  reindexed: number;
}

/**
 * Bring the index up to date (outside any transaction: it attaches the index file): re-index
 * queued (changed or deleted) entries and index every entry above the watermark, in bulk, in
 * one transaction of both files. Cheap when there is nothing to do. When the ledger's index file
 * is missing or not its own (tokens differ), a fresh one is built from every entry instead.
 * A ledger in memory has no index file: nothing to do.
 */
export function syncSearchIndex(db: Db): SyncResult {
  if (db.inTransaction) throw new Error('the search index is brought up to date outside a transaction');
  const file = ledgerFileOf(db);
  if (!file) return { indexed: 0, reindexed: 0 };
  // Attached afresh each time: another process may have put a new file in place since.
  for (let attempt = 0; attempt < 3; attempt++) {
    detachSearchIndex(db);
    if (!useSearchIndex(db)) {
      detachSearchIndex(db);
      return db.transaction(() => {
        const built = buildSearchIndex(file);
        publishSearchIndex(db, built);
        return { indexed: built.indexed, reindexed: 0 };
      }).immediate();
    }
    const done = db.transaction(() => (tokensMatch(db) ? updateIndex(db) : undefined)).immediate();
    if (done) return done;
  }
  throw new Error('the search index kept changing under this process');
}

/** In a write transaction, the index file attached and the ledger's own: take in what changed. */
function updateIndex(db: Db): SyncResult {
  const upto = indexedUpto(db);
  const dirty = db.prepare('SELECT count(*) FROM search_dirty').pluck().get() as number;
  const max = (db.prepare('SELECT max(id) FROM transactions').pluck().get() as number | null) ?? 0;
  if (dirty === 0 && max === upto) return { indexed: 0, reindexed: 0 };
  let reindexed = 0;
  if (dirty > 0) {
    // Out of the index with the document each was indexed with (saved by the triggers, migration 10).
    db.prepare(`INSERT INTO search.tx_search (tx_search, rowid, doc) SELECT 'delete', id, doc FROM search_dirty WHERE id <= ?`).run(upto);
    reindexed = db
      .prepare(`INSERT INTO search.tx_search (rowid, doc) SELECT t.id, ${DOC} FROM transactions t WHERE t.id IN (SELECT id FROM search_dirty) AND t.id <= ?`)
      .run(upto).changes;
    db.prepare('DELETE FROM search_dirty').run();
  }
  const indexed = db.prepare(`INSERT INTO search.tx_search (rowid, doc) SELECT t.id, ${DOC} FROM transactions t WHERE t.id > ?`).run(upto).changes;
  // The watermark is the highest id now: ids above it (new rows) are scanned until the next sync;
  // a deleted indexed id that is reused is in search_dirty (delete trigger).
  setIndexedUpto(db, max);
  turnToken(db, newToken(), true);
  return { indexed, reindexed };
}
