import type { Command } from 'commander';

/** Registers `pocketbook categorize`. (Being written.) */
export function register(program: Command): void {
  void program;
}
