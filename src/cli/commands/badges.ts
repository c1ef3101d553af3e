import type { Command } from 'commander';
import { action, examples } from '../runtime.js';
import { printTable } from '../print-table.js';
import { BUILTIN_CRITERIA } from '../../app/perks/badge-criteria.js';
import { tCmd } from '../../core/messages/cli-commands.js';
import { tNotes } from '../../core/messages/cli-help-notes.js';

const CUSTOM_HELP = tNotes('badgesCustom');

/** Registers `pocketbook badges`. */
export function register(program: Command): void {
  program
    .command('badges [month]')
    .description(tCmd('badgesBadgesEarnedAnd'))
    .option('--file <file>', tCmd('badgesCustomBadgesYaml'))
    .option('--currency <code>', tCmd('badgesCurrencyOfThe'))
    .option('--all', tCmd('badgesAlsoExplainThe'))
    .addHelpText(
      'after',
      `${tNotes('builtinBadges')}${BUILTIN_CRITERIA.map((b) => `  ${b.name}: ${b.criteria}`).join('\n')}\n` +
        CUSTOM_HELP +
        examples('pocketbook badges', 'pocketbook badges 2026-09 --all', 'pocketbook badges --file examples/badges.yaml --json'),
    )
    .action(
      action(async (ctx, month: string | undefined, opts: { file?: string; currency?: string; all?: boolean }) => {
        const { badgesUse, badgeJson } = await import('../../app/perks/badges.js');
        const r = badgesUse(ctx, month, opts);
        const json = r.badges.map(badgeJson);
        if (ctx.format === 'table') {
          const { badgeLines } = await import('../views/badges-view.js');
          ctx.io.out(badgeLines(r.month, r.badges, ctx.color, Boolean(opts.all)));
        } else {
          await printTable(ctx, { columns: ['id', 'name', 'earned', 'progress', 'reason'].map((key) => ({ key, header: key })), rows: json as Record<string, string>[] }, json);
        }
      }),
    );
}
