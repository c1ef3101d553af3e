import type { Command } from 'commander';

/** Registers `pocketbook rules`. (Being written.) */
export function register(program: Command): void {
  void program;
}
