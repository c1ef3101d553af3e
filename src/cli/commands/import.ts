import type { Command } from 'commander';

/** Registers `pocketbook import`. (Being written.) */
export function register(program: Command): void {
  void program;
}
