import type { Command } from 'commander';

/** Registers `pocketbook category`. (Being written.) */
export function register(program: Command): void {
  void program;
}
