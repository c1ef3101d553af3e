import type { Command } from 'commander';
import { tPoints as t } from '../../core/messages/points.js';
import { registerCardsBest } from './cards-best.js';

/** Registers `pocketbook cards` (credit cards). A minimal stand-in: the bills command merges in here. */
export function register(program: Command): void {
  const cards = program.command('cards').description(t('cmdCards'));
  registerCardsBest(cards);
}
