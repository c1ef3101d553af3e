import type { Command } from 'commander';

/** Registers `pocketbook config`. (Being written.) */
export function register(program: Command): void {
  void program;
}
