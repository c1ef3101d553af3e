import type { Command } from 'commander';

/** Registers `pocketbook merchant`. (Being written.) */
export function register(program: Command): void {
  void program;
}
