import type { Command } from 'commander';
import { action, examples } from '../runtime.js';
import { printTable } from '../print-table.js';
import { tCmd } from '../../core/messages/cli-commands.js';
import { tOut as say } from '../../core/messages/cli-outputs.js';
import { tNotes } from '../../core/messages/cli-help-notes.js';

/** Registers `pocketbook budget`. */
export function register(program: Command): void {
  const budget = program
    .command('budget')
    .description(tCmd('budgetMonthlyOrYearly'))
    .addHelpText('after', examples({ en: ['pocketbook budget set Dining 2000', 'pocketbook budget set 旅行 12000 --year', 'pocketbook budget status', 'pocketbook budget status 2026-09 --json'], zh: ['pocketbook budget set 餐饮 2000', 'pocketbook budget set 旅行 12000 --year', 'pocketbook budget status', 'pocketbook budget status 2026-09 --json'] }));

  budget
    .command('set <category> <amount>')
    .description(tCmd('budgetSetOrChange'))
    .option('--year', tCmd('budgetAYearlyBudget'))
    .option('--currency <code>', tCmd('budgetCurrencyOfThe'))
    .addHelpText('after', examples({ en: ['pocketbook budget set Dining 2000', 'pocketbook budget set "Dining:Coffee & tea" 300', 'pocketbook budget set Travel 12000 --year'], zh: ['pocketbook budget set 餐饮 2000', 'pocketbook budget set "餐饮:咖啡茶饮" 300', 'pocketbook budget set 旅行 12000 --year'] }))
    .action(
      action(async (ctx, category: string, amount: string, opts: { year?: boolean; currency?: string }) => {
        const { setBudgetUse } = await import('../../app/perks/budgets.js');
        const r = setBudgetUse(ctx, category, amount, opts);
        if (ctx.format === 'json') ctx.io.out(JSON.stringify(r, null, 2));
        else ctx.io.out(say(r.replaced ? (r.period === 'year' ? 'budgetChangedYear' : 'budgetChangedMonth') : r.period === 'year' ? 'budgetSetYear' : 'budgetSetMonth', { category: r.category, amount: r.amount, currency: r.currency }));
      }),
    );

  budget
    .command('list')
    .description(tCmd('budgetListBudgets'))
    .addHelpText('after', examples('pocketbook budget list', 'pocketbook budget list --json'))
    .action(
      action(async (ctx) => {
        const { listBudgetsUse } = await import('../../app/perks/budgets.js');
        const rows = listBudgetsUse(ctx);
        if (rows.length === 0 && ctx.format === 'table') return void ctx.io.out(say('noBudgets'));
        await printTable(ctx, {
          columns: [{ key: 'category', header: say('colCategory') }, { key: 'period', header: say('colPeriod') }, { key: 'amount', header: say('colBudget'), numeric: true }, { key: 'currency', header: say('colCur') }],
          rows: rows as Record<string, string>[],
        }, rows);
      }),
    );

  budget
    .command('remove <category>')
    .description(tCmd('budgetRemoveTheBudget'))
    .option('--year', tCmd('budgetOnlyTheYearly'))
    .option('--month', tCmd('budgetOnlyTheMonthly'))
    .addHelpText('after', examples({ en: ['pocketbook budget remove Dining', 'pocketbook budget remove Travel --year'], zh: ['pocketbook budget remove 餐饮', 'pocketbook budget remove 旅行 --year'] }))
    .action(
      action(async (ctx, category: string, opts: { year?: boolean; month?: boolean }) => {
        const { removeBudgetUse } = await import('../../app/perks/budgets.js');
        const r = removeBudgetUse(ctx, category, opts);
        ctx.io.out(say(r.removed === 1 ? 'budgetRemoved1' : 'budgetRemovedN', { n: r.removed, category: r.category }));
      }),
    );

  budget
    .command('status [month]')
    .description(tCmd('budgetSpentLeftA'))
    .addHelpText(
      'after',
      tNotes('budgetStatus') +
        examples('pocketbook budget status', 'pocketbook budget status 2026-09', 'pocketbook budget status --json | jq ".[] | select(.status == \\"over\\")"'),
    )
    .action(
      action(async (ctx, month: string | undefined) => {
        const { budgetStatusUse } = await import('../../app/perks/budgets.js');
        const r = budgetStatusUse(ctx, month);
        if (ctx.format !== 'table') {
          const rows = r.json.map((j) => ({ ...j, range: `${(j.range as { start: string }).start}..${(j.range as { end: string }).end}` }));
          return printTable(ctx, { columns: ['category', 'period', 'budget', 'spent', 'remaining', 'projected', 'status'].map((key) => ({ key, header: key })), rows: rows as Record<string, string>[] }, r.json);
        }
        const { budgetLines } = await import('../views/budgets-view.js');
        ctx.io.out(budgetLines(r.month, r.statuses, ctx.color));
      }),
    );
}
