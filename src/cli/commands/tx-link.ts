import type { Command } from 'commander';

/** Registers the `tx` subcommands of this family. (Being written.) */
export function registerTxLink(tx: Command): void {
  void tx;
}
