import type { Command } from 'commander';

/** Registers the `tx` subcommands of this family. (Being written.) */
export function registerTxList(tx: Command): void {
  void tx;
}
