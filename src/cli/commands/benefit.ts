import type { Command } from 'commander';

/** Registers `pocketbook benefit`. (Being written.) */
export function register(program: Command): void {
  void program;
}
