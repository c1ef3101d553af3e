import type { Command } from 'commander';

/** Registers `pocketbook export`. (Being written.) */
export function register(program: Command): void {
  void program;
}
