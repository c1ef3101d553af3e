import type { Command } from 'commander';

/** Registers `pocketbook profile`. (Being written.) */
export function register(program: Command): void {
  void program;
}
