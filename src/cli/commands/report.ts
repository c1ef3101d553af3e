import type { Command } from 'commander';

/** Registers `pocketbook report`. (Being written.) */
export function register(program: Command): void {
  void program;
}
