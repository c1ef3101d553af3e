import type { Command } from 'commander';
import { action, examples } from '../runtime.js';
import { printTable } from '../print-table.js';
import { BUILTIN_CRITERIA } from '../../app/perks/badge-criteria.js';
import { usageError } from '../../core/errors.js';
import { tHtml } from '../../core/messages/html.js';
import type { CliContext } from '../runtime.js';
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
    .option('--card <id>', tHtml('optCard'))
    .option('--month <YYYY-MM>', tHtml('optMonth'))
    .option('--output <file>', tHtml('optOutput'))
    .option('--open', tHtml('optOpen'))
    .addHelpText(
      'after',
      `${tNotes('builtinBadges')}${BUILTIN_CRITERIA.map((b) => `  ${b.name}: ${b.criteria}`).join('\n')}\n` +
        CUSTOM_HELP +
        examples({ en: ['pocketbook badges',
          'pocketbook badges 2026-09 --all',
          'pocketbook badges --file examples/badges.yaml --json',
          'pocketbook config set name "Li Wei"',
          'pocketbook badges --card life-explorer --month 2026-10 --format svg --output explorer.svg',
          'pocketbook badges --card star-foodie --format html --output foodie.html --open'], zh: ['pocketbook badges', 'pocketbook badges 2026-09 --all', 'pocketbook badges --file examples/badges.yaml --json', 'pocketbook config set name "李伟"', 'pocketbook badges --card life-explorer --month 2026-10 --format svg --output explorer.svg', 'pocketbook badges --card star-foodie --format html --output foodie.html --open'] }),
    )
    .action(
      action(async (ctx, month: string | undefined, opts: { file?: string; currency?: string; all?: boolean; card?: string; month?: string; output?: string; open?: boolean }) => {
        if (opts.card !== undefined) return printCard(ctx, opts.card, opts.month ?? month, opts);
        if (opts.output || opts.open) throw usageError(tHtml('cardOnly'));
        const { badgesUse, badgeJson } = await import('../../app/perks/badges.js');
        const r = badgesUse(ctx, month, opts);
        const json = r.badges.map(badgeJson);
        if (ctx.format === 'html' || ctx.format === 'svg') throw usageError(tHtml('formatHtmlOnly', { format: ctx.format }));
        if (ctx.format === 'table') {
          const { badgeLines } = await import('../views/badges-view.js');
          const { terminalWidth } = await import('../report-output.js');
          ctx.io.out(badgeLines(r.month, r.badges, ctx.color, Boolean(opts.all), terminalWidth()));
        } else {
          await printTable(ctx, { columns: ['id', 'name', 'earned', 'progress', 'reason'].map((key) => ({ key, header: key })), rows: json as Record<string, string>[] }, json);
        }
      }),
    );
}

/** `badges --card ID`: the badge card as SVG (the default) or an HTML page, to stdout or --output. */
async function printCard(ctx: CliContext, id: string, month: string | undefined, opts: { file?: string; currency?: string; output?: string; open?: boolean }): Promise<void> {
  const format = ctx.format === 'table' ? 'svg' : ctx.format;
  if (format !== 'svg' && format !== 'html') throw usageError(tHtml('cardFormat', { format }));
  const { badgeCardUse } = await import('../../app/perks/badge-card.js');
  const card = badgeCardUse(ctx, id, month, opts);
  const render = await import('../../render/html/badge-card.js');
  const { emitPage } = await import('../report-output.js');
  await emitPage(ctx, format === 'svg' ? render.badgeCardSvg(card) : render.badgeCardHtml(card), { ...(opts.output ? { output: opts.output } : {}), ...(opts.open ? { open: true } : {}) });
}
