/**
 * The reader contract: every source format (OFX, profile-driven CSV, Alipay, WeChat, XLS …)
 * is one module implementing `Reader`, listed in `registry.ts`. Readers are pure: they get
 * the file's content through `Source` (IO stays in src/app) and yield normalized rows.
 */
import type { AccountHint, NormalizedRow, SkippedRow } from '../core/types.js';
import type { Profile } from './profile.js';

/** The first bytes of a file, decoded, for format detection. */
export interface Sniff {
  fileName: string;
  /** Up to the first 64 KiB, raw. */
  head: Buffer;
  /** `head` decoded with `encoding` (BOM removed). Empty for binary files. */
  text: string;
  /** Detected (or --encoding) text encoding, iconv-lite name; 'binary' for zip/BIFF containers. */
  encoding: string;
}

/** The file's content, provided by the app layer. */
export interface Source {
  fileName: string;
  encoding: string;
  /** The whole file as text (decoded, BOM removed). */
  readText(): Promise<string>;
  /** The whole file, raw. */
  readBytes(): Promise<Buffer>;
  /**
   * The file as UTF-8 bytes (BOM removed), chunk by chunk, for streaming large CSVs in constant
   * memory: a UTF-8 file as it is on disk, any other decoded and encoded again. A chunk may end
   * inside a character.
   */
  streamUtf8(): AsyncIterable<Buffer>;
}

export interface ParseContext {
  fileName: string;
  /** A profile chosen by --profile (CSV only). */
  profile?: Profile;
  /** Currency when the file names none: the target account's, else the settings default. */
  defaultCurrency: string;
  /** Today (YYYY-MM-DD), e.g. to infer a missing year. */
  today: string;
  /** The target account's type when it exists (a card's sign evidence, issue 30). */
  accountType?: string;
  /** `import --date-format`: the date order when the file's own dates cannot settle it (QIF, CSV). */
  dateFormat?: string;
}

export type ReaderEvent =
  /** Rows that follow belong to this account (OFX STMTRS, a statement header). */
  | { type: 'statement'; account: AccountHint }
  | { type: 'row'; row: NormalizedRow }
  | { type: 'skip'; skipped: SkippedRow }
  /** A balance the statement states (issue 27): belongs to the statement's account, never changes a row. */
  | { type: 'balance'; balance: StatementBalance }
  /** Something the reader changed on the way in (an amount rounded to the minor unit): said on stderr. */
  | { type: 'warning'; line: number; message: string };

/**
 * What the account held at the end of `date` (holder's view, minor units of `currency`) as the
 * statement says it: OFX LEDGERBAL/AVAILBAL, camt OPBD (dated the day before)/CLBD/CLAV, a CSV
 * running-balance column (the day's last row), a QIF opening balance.
 */
export interface StatementBalance {
  line: number;
  date: string;
  amount: number;
  currency: string;
  kind: 'ledger' | 'closing' | 'opening' | 'running' | 'available';
}

export interface Detection {
  /** 0 = not this format. Higher = more specific (a wallet layout beats a generic CSV). */
  score: number;
  /** e.g. the built-in profile name that matched. */
  profile?: string;
  /** CSV: the layout inferred from the file itself (src/import/infer) when no built-in profile fits. */
  inferred?: Profile;
  /** CSV: the one question that decides an inferred layout the file's evidence leaves open (read refuses with it). */
  question?: { line: number; text: string; header: string };
  /** One line the import says on stderr (which layout was inferred, a currency assumed). */
  note?: string;
}

export interface Reader {
  /** Format id shown to users and stored on the batch: 'ofx', 'csv', 'alipay', 'wechat' … */
  id: string;
  describe: string;
  detect(sniff: Sniff, ctx: ParseContext): Detection;
  read(source: Source, ctx: ParseContext, detection: Detection): AsyncIterable<ReaderEvent> | Iterable<ReaderEvent>;
  /** The same events in batches (a streaming reader's, one per slice of the file): no hop per row. */
  readBatches?(source: Source, ctx: ParseContext, detection: Detection): AsyncIterable<ReaderEvent[]>;
}
