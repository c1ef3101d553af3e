import type { Command } from 'commander';

/** Registers `pocketbook badges`. (Being written.) */
export function register(program: Command): void {
  void program;
}
