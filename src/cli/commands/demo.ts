import type { Command } from 'commander';

/** Registers `pocketbook demo`. (Being written.) */
export function register(program: Command): void {
  void program;
}
