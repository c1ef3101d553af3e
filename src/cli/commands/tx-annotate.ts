import type { Command } from 'commander';

/** Registers the `tx` subcommands of this family. (Being written.) */
export function registerTxAnnotate(tx: Command): void {
  void tx;
}
