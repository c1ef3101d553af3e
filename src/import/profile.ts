/**
 * A CSV profile describes one CSV layout (SPEC "CSV profiles"). Built-in profiles live in
 * src/import/profiles/; user profiles are YAML/JSON files with the same fields.
 */

/**
 * A column: its header name or its 0-based index. A name may list alternatives separated by
 * `|` (`"Date|Datum|Fecha"`); the exact name is tried first, then each alternative.
 */
export type ColumnRef = string | number;

export interface DirectionRule {
  column: ColumnRef;
  /** Values meaning money out (the amount becomes negative). */
  out: string[];
  /** Values meaning money in (positive). */
  in: string[];
  /** Values meaning neither (a transfer between own balances): kept as printed, kind transfer. */
  neither?: string[];
}

export const COLUMN_KEYS = [
  'date', 'time', 'description', 'amount', 'debit', 'credit', 'fee', 'direction', 'currency',
  'external_id', 'channel', 'status', 'account',
] as const;
export type ColumnKey = (typeof COLUMN_KEYS)[number];

export interface Profile {
  name: string;
  /** One line for `profile list`. */
  describe?: string;
  encoding?: string;
  delimiter?: string;
  /** Quote character (default `"`). */
  quote?: string;
  /** Lines before the header row (or before the first data row when `header: false`). */
  skip_lines?: number;
  /**
   * Used by auto-detection: every string must occur in a header cell (case-insensitive).
   * With `header: false` they must occur in the skipped preamble lines instead.
   */
  header_contains?: string[];
  date_format?: string;
  decimal?: '.' | ',';
  columns: {
    date: ColumnRef;
    time?: ColumnRef | null;
    description: ColumnRef | ColumnRef[];
    amount?: ColumnRef | null;
    debit?: ColumnRef | null;
    credit?: ColumnRef | null;
    /** A fee column subtracted from the amount (Revolut: Amount − Fee). */
    fee?: ColumnRef | null;
    /**
     * A direction column giving the sign; the amount column is then read as a magnitude, and a
     * printed minus on an "in" row is a contradiction that fails the file.
     */
    direction?: DirectionRule | null;
    currency?: ColumnRef | null;
    external_id?: ColumnRef | null;
    channel?: ColumnRef | null;
    status?: ColumnRef | null;
    account?: ColumnRef | null;
  };
  skip_status?: string[];
  amount_sign?: 'as-is' | 'invert';
  stop_at_blank_line?: boolean;
  /** Statement kind this layout comes from, used when an account is created from it. */
  account_type?: 'checking' | 'savings' | 'credit' | 'wallet' | 'cash';
  currency?: string;
  /** A workbook's sheet to read (.xls/.xlsx): its name, or its number counted from 1. Default: the first sheet with data. */
  sheet?: string | number;
  /** `false`: the file has no header row; columns are 0-based indexes. Default true. */
  header?: boolean;
  /** Headerless layouts: regular expressions the first data row's cells must match, by index ("" = any). */
  row_pattern?: string[];
  /** A generic layout matched by common header names: detected with a lower score than bank layouts. */
  generic?: boolean;
  /** Keys of `columns` that may be absent from a file's header (generic layouts). */
  optional_columns?: ColumnKey[];
  /** Regular expressions; a row whose cells (joined by the delimiter) match is not a transaction and is ignored. */
  ignore_rows?: string[];
  /** Regular expressions; a row whose cells (joined by the delimiter) match ends the data (a footer). */
  stop_at?: string[];
  /** What to do with cells beyond the header's last column: ignore (default) or append to the description. */
  extra_cells?: 'ignore' | 'description';
}
