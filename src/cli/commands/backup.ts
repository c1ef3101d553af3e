import type { Command } from 'commander';

/** Registers `pocketbook backup`. (Being written.) */
export function register(program: Command): void {
  void program;
}
