/**
 * A CSV profile describes one CSV layout (SPEC "CSV profiles"). Built-in profiles live in
 * src/import/profiles/; user profiles are YAML/JSON files with the same fields.
 */
export type ColumnRef = string | number;

export interface DirectionRule {
  column: ColumnRef;
  out: string[];
  in: string[];
  neither?: string[];
}

export interface Profile {
  name: string;
  /** One line for `profile list`. */
  describe?: string;
  encoding?: string;
  delimiter?: string;
  skip_lines?: number;
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
}
