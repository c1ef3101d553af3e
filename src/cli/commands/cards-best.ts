import type { Command } from 'commander';
import { action, examples } from '../runtime.js';
import { printTable } from '../print-table.js';
import { tPoints as t } from '../../core/messages/points.js';
import { formatMoney } from '../../core/money.js';

/** Registers `pocketbook cards best` under the `cards` command. */
export function registerCardsBest(cards: Command): void {
  cards
    .command('best')
    .description(t('cmdCardsBest'))
    .option('--months <n>', t('optMonths'), '3')
    .option('--top <n>', t('optTop'), '5')
    .option('--date <day>', t('optBestDate'))
    .option('--catalogue <file>', t('optBestCatalogue'))
    .addHelpText('after', `\n${t('helpBest')}\n` + examples(
      'pocketbook cards best',
      'pocketbook cards best --months 6 --catalogue examples/rewards.yaml',
      'pocketbook cards best --date 2026-10-31 --json | jq ".[] | select(.best_account != null)"',
    ))
    .action(
      action(async (ctx, opts: { months?: string; top?: string; date?: string; catalogue?: string }) => {
        const { cardsBestUse, cardsBestJson } = await import('../../app/perks/cards-best.js');
        const v = cardsBestUse(ctx, opts);
        const money = (x: number) => formatMoney(x, v.currency);
        if (ctx.format === 'table') {
          ctx.io.out(t(v.asOfSource === 'date' ? 'bestHeadingDate' : v.asOfSource === 'latest' ? 'bestHeadingLatest' : 'bestHeadingToday', { months: v.months, from: v.from, to: v.to }));
          if (v.rows.length === 0) return void ctx.io.out(t('bestNoSpending'));
        }
        await printTable(ctx, {
          columns: [
            { key: 'category', header: t('colCategory') }, { key: 'spend', header: t('colSpend', { currency: v.currency }), numeric: true },
            { key: 'best', header: t('colBestCard') }, { key: 'bestEarned', header: t('colWouldEarn'), numeric: true }, { key: 'actual', header: t('colEarned'), numeric: true },
          ],
          rows: v.rows.map((r) => ({ category: r.category, spend: money(r.spend), best: r.best?.account ?? t('noCard'), bestEarned: money(r.best?.earnings.total ?? 0), actual: money(r.actual.total) })),
        }, cardsBestJson(v));
        if (ctx.format !== 'table') return;
        for (const p of v.valued) ctx.io.out(t('pointsValued', { account: p.account, per: p.perPoint, reward: p.reward }));
        if (v.unvalued.length > 0) ctx.io.out(t('pointsNotValued', { accounts: v.unvalued.join(', ') }));
      }),
    );
}
