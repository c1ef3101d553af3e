import type { Command } from 'commander';

/** Registers `pocketbook budget`. (Being written.) */
export function register(program: Command): void {
  void program;
}
