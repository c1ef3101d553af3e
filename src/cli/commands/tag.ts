import type { Command } from 'commander';

/** Registers `pocketbook tag`. (Being written.) */
export function register(program: Command): void {
  void program;
}
