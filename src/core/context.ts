/**
 * The context every use case receives: where the ledger is, what day it is, how to
 * talk to the user. No module globals — tests pass their own.
 */
export interface Output {
  /** The result (stdout). */
  out(text: string): void;
  /** Progress, warnings and notices (stderr). */
  err(text: string): void;
}

export interface Settings {
  currency: string;
  locale: 'en' | 'zh';
  color: boolean;
  [key: string]: unknown;
}

export interface Context {
  ledgerPath: string;
  /** Today as YYYY-MM-DD (POCKETBOOK_TODAY overrides). */
  today: string;
  settings: Settings;
  io: Output;
  /** Whether stdout is an interactive terminal. */
  interactive: boolean;
  debug: boolean;
}
