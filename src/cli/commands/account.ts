import type { Command } from 'commander';

/** Registers `pocketbook account`. (Being written.) */
export function register(program: Command): void {
  void program;
}
