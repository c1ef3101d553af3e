/**
 * Every balance a profile-driven CSV states (issue 27), collected while its records are read and
 * given as events after the rows: a running-balance column (running-balance.ts), balance lines in
 * the preamble or a footer, statement balance columns repeated on every row (statement-lines.ts).
 */
import type { NormalizedRow } from '../../core/types.js';
import { PocketbookError } from '../../core/errors.js';
import { parseAmount } from '../../core/money.js';
import type { ReaderEvent } from '../types.js';
import type { Profile } from '../profile.js';
import { splitLine } from './csv-header.js';
import { RunningBalances, balanceColumn } from './running-balance.js';
import { StatementColumns, StatementLines } from './statement-lines.js';
import { tErrorsImport as tI } from '../../core/messages/errors-import.js';

export class CsvBalances {
  private readonly running: RunningBalances | undefined;
  private readonly runningIndex: number | undefined;
  private readonly lines: StatementLines;
  private readonly columns: StatementColumns | undefined;
  private readonly decimal: '.' | ',';
  private readonly header: string[] | undefined;

  /**
   * `preamble`: the file's lines above its header (or first data line). `generic`: the layout is a
   * built-in generic one (neither a bank's nor the user's), whose sign the running balances may contradict.
   */
  constructor(
    private readonly profile: Profile, header: string[] | undefined, preamble: readonly string[], delimiter: string,
    private readonly generic = false,
  ) {
    this.decimal = profile.decimal ?? '.';
    this.header = header;
    this.runningIndex = balanceColumn(header);
    this.running = this.runningIndex === undefined ? undefined : new RunningBalances();
    this.lines = new StatementLines(this.decimal, delimiter);
    preamble.forEach((text, i) => this.lines.line(splitLine(text, delimiter, profile.quote), i + 1));
    this.columns = StatementColumns.of(header, this.decimal);
  }

  /** A row and its record's cells. */
  see(row: NormalizedRow, cells: readonly string[]): void {
    this.lines.row(row);
    this.columns?.see(row, cells);
    if (this.running && this.runningIndex !== undefined) {
      const raw = (cells[this.runningIndex] ?? '').trim();
      if (raw === '') return;
      try {
        // Read as printed; a card layout's column may turn out to be in the issuer's view (RunningBalances.events).
        this.running.see(row, parseAmount(raw, { currency: row.currency, decimal: this.decimal }).minor);
      } catch {
        // not a balance: no checkpoint for this row
      }
    }
  }

  /** A record that is no row (a footer, an ignored line, one that failed): true when it states a balance. */
  line(cells: readonly string[], line: number): boolean {
    return this.lines.line(cells, line);
  }

  /** The balance events, after the rows; `dateOf` reads a date the way the rows' dates are read. */
  events(dateOf: (raw: string) => string | undefined): ReaderEvent[] {
    const card = this.profile.account_type === 'credit';
    const against = this.generic && !card ? this.running?.contradictedSign() : undefined;
    if (against !== undefined) {
      const column = (this.header?.[this.runningIndex!] ?? 'balance').trim();
      throw new PocketbookError(
        'CSV_AMOUNT',
        tI('balanceAgainst', { column, n: against, name: this.profile.name }),
        { hint: tI('balanceAgainstHint') },
      );
    }
    return [
      ...(this.running?.events(card) ?? []),
      ...this.lines.events(dateOf, card),
      ...(this.columns?.events(dateOf) ?? []),
    ];
  }
}
