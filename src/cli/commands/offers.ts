import type { Command } from 'commander';
import { action, examples } from '../runtime.js';
import { printTable } from '../print-table.js';
import { tOffers as t } from '../../core/messages/offers.js';

/** Registers `pocketbook offers` (issue 26 point 5: offers matched to what you actually buy). */
export function register(program: Command): void {
  program
    .command('offers')
    .description(t('command'))
    .option('--file <file>', t('optFile'))
    .option('--all', t('optAll'))
    .option('--expiring', t('optExpiring'))
    .option('--date <date>', t('optDate'))
    .addHelpText(
      'after',
      `\n${t('format')}\n` +
        examples({
          en: ['pocketbook offers --file examples/offers.yaml --date 2026-10-31', 'pocketbook offers --file ~/offers.yaml --expiring',
            'pocketbook offers --file ~/offers.yaml --all --json | jq ".[0]"'],
          zh: ['pocketbook offers --file examples/offers.yaml --date 2026-10-31', 'pocketbook offers --file ~/优惠.yaml --expiring',
            'pocketbook offers --file ~/优惠.yaml --all --json | jq ".[0]"'],
        }),
    )
    .action(
      action(async (ctx, opts: { file?: string; all?: boolean; expiring?: boolean; date?: string }) => {
        const { offersJson, offersUse } = await import('../../app/perks/offers.js');
        const view = offersUse(ctx, opts);
        const json = offersJson(view);
        if (ctx.format === 'table') {
          ctx.io.out(view.expiring ? t('headingExpiring', { date: view.today }) : t('heading', { from: view.from, to: view.to, currency: view.currency }));
          if (json.length === 0) return void ctx.io.out(t(view.expiring ? 'noneExpiring' : 'none'));
        }
        const shownTo = (o: (typeof view.offers)[number]) => (o.validTo === null ? t('noEnd') : o.expired ? `${o.validTo} (${t('expired')})` : o.validTo);
        await printTable(ctx, {
          columns: [
            { key: 'name', header: t('colOffer') },
            { key: 'matches', header: t('colMatches'), numeric: true },
            { key: 'spend', header: t('colSpend'), numeric: true },
            { key: 'saving_3m', header: t('colSaving'), numeric: true },
            { key: 'valid_to', header: t('colValidTo') },
            { key: 'days_left', header: t('colDaysLeft'), numeric: true },
          ],
          rows: view.offers.map((o, i) => ({
            name: o.name,
            matches: o.matches,
            spend: String(json[i]!.spend),
            saving_3m: String(json[i]!.saving_3m),
            valid_to: shownTo(o),
            days_left: o.daysLeft === null || o.expired ? '' : o.daysLeft,
          })),
        }, json);
        const best = view.offers[0];
        if (ctx.format === 'table' && best && best.saving > 0 && !view.expiring) {
          ctx.io.out(t('best', { name: best.name, saving: String(json[0]!.saving_3m), n: best.matches }));
        }
      }),
    );
}
