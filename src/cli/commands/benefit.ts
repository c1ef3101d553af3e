import type { Command } from 'commander';
import { action, examples } from '../runtime.js';
import { printTable } from '../print-table.js';
import { tCmd } from '../../core/messages/cli-commands.js';
import { tOut as say } from '../../core/messages/cli-outputs.js';
import { tNotes } from '../../core/messages/cli-help-notes.js';
import { tBenefits2 as t2 } from '../../core/messages/benefits2.js';

const STATUS_HELP = tNotes('benefitStatus') + t2('statusNote');

/** Registers `pocketbook benefit`. */
export function register(program: Command): void {
  const benefit = program
    .command('benefit')
    .description(tCmd('benefitCardPerksSpend'))
    .addHelpText(
      'after',
      examples({ en: ['pocketbook benefit add "Annual fee waiver" --account "CMB Card" --period year --min-count 6 --min-amount 10',
        'pocketbook benefit add "Dining 5%" --account "PA Card" --cashback 5% --cap 672 --category Dining --period year',
        'pocketbook benefit status',
        'pocketbook benefit status --exit-code || mail -s "card perk at risk" me@example.com'], zh: ['pocketbook benefit add "年费减免" --account "招行信用卡" --period year --min-count 6 --min-amount 10', 'pocketbook benefit add "餐饮返现5%" --account "平安信用卡" --cashback 5% --cap 672 --category 餐饮 --period year', 'pocketbook benefit status', 'pocketbook benefit status --exit-code || mail -s "信用卡权益有风险" me@example.com'] }),
    );

  registerBenefitAdd(benefit);

  registerBenefitList(benefit);

  registerBenefitRemove(benefit);

  registerBenefitStatus(benefit);

  registerBenefitUse(benefit);
}

function registerBenefitAdd(benefit: Command): void {
  benefit
    .command('add <name>')
    .description(t2('addDescription'))
    .option('--account <name>', tCmd('benefitTheCardDefault'))
    .option('--period <kind>', tCmd('benefitMonthQuarterYear'), 'year')
    .option('--from <date>', tCmd('benefitWithPeriodAnniversary'))
    .option('--min-spend <amount>', tCmd('benefitSpendAtLeast'))
    .option('--min-count <n>', tCmd('benefitMakeAtLeast'))
    .option('--min-amount <amount>', tCmd('benefitWithMinCount'))
    .option('--cashback <rate>', tCmd('benefitCashbackRateE'))
    .option('--cap <amount>', tCmd('benefitWithCashbackThe'))
    .option('--category <name>', tCmd('benefitOnlyPurchasesIn'))
    .option('--merchant <text>', tCmd('benefitOnlyPurchasesWhose'))
    .option('--channel <channel>', tCmd('benefitOnlyPurchasesThrough'))
    .option('--reward <text>', tCmd('benefitWhatYouGet'))
    .option('--min-balance <amount>', tCmd('benefitKeepAtLeast'))
    .option('--balance-basis <basis>', tCmd('benefitWithMinBalance'))
    .option('--reward-fixed <amount>', t2('optRewardFixed'))
    .option('--reward-cap-year <amount>', t2('optRewardCapYear'))
    .option('--entitlement <n>', t2('optEntitlement'))
    .addHelpText(
      'after',
      STATUS_HELP +
        examples({ en: ['pocketbook benefit add "Q4 bonus" --account "PA Card" --period quarter --min-spend 5000 --reward "500 points"',
          'pocketbook benefit add "Cycle perk" --account "CMB Card" --period cycle --min-count 5',
          'pocketbook benefit add "Card year" --account "CMB Card" --period anniversary --from 2026-03-15 --min-spend 20000',
          'pocketbook benefit add "Wealth tier" --account Savings --min-balance 50000 --period month',
          'pocketbook benefit add "Month-end tier" --account Savings --min-balance 50000 --period month --balance-basis end',
          'pocketbook benefit add "Spend & swipe" --account "PA Card" --period month --min-spend 2000 --min-count 5 --min-amount 50 --reward-fixed 56 --reward-cap-year 672',
          'pocketbook benefit add "Car wash" --account "PA Card" --entitlement 2 --period month --merchant "car wash"'], zh: ['pocketbook benefit add "四季度奖励" --account "平安信用卡" --period quarter --min-spend 5000 --reward "500 积分"', 'pocketbook benefit add "账单周期权益" --account "招行信用卡" --period cycle --min-count 5', 'pocketbook benefit add "卡片年度" --account "招行信用卡" --period anniversary --from 2026-03-15 --min-spend 20000', 'pocketbook benefit add "财富等级" --account 工行储蓄卡 --min-balance 50000 --period month', 'pocketbook benefit add "月末等级" --account 工行储蓄卡 --min-balance 50000 --period month --balance-basis end', 'pocketbook benefit add "消费达标赚权益" --account "平安信用卡" --period month --min-spend 2000 --min-count 5 --min-amount 50 --reward-fixed 56 --reward-cap-year 672', 'pocketbook benefit add 洗车 --account "平安信用卡" --entitlement 2 --period month --merchant 洗车'] }),
    )
    .action(
      action(async (ctx, name: string, opts: Record<string, string | undefined>) => {
        const { addBenefitUse } = await import('../../app/perks/benefits.js');
        const r = addBenefitUse(ctx, name, opts);
        if (ctx.format === 'json') ctx.io.out(JSON.stringify(r, null, 2));
        else ctx.io.out(r.account ? say('benefitAddedOn', { name: String(r.name), account: String(r.account), rule: String(r.rule), period: String(r.period) }) : say('benefitAdded', { name: String(r.name), rule: String(r.rule), period: String(r.period) }));
      }),
    );
}

function registerBenefitList(benefit: Command): void {
  benefit
    .command('list')
    .description(tCmd('benefitListBenefits'))
    .addHelpText('after', examples('pocketbook benefit list', 'pocketbook benefit list --json'))
    .action(
      action(async (ctx) => {
        const { listBenefitsUse } = await import('../../app/perks/benefits.js');
        const rows = listBenefitsUse(ctx);
        if (rows.length === 0 && ctx.format === 'table') return void ctx.io.out(say('noBenefits'));
        await printTable(ctx, {
          columns: [{ key: 'name', header: say('colBenefit') }, { key: 'account', header: say('colAccount') }, { key: 'period', header: say('colPeriod') }, { key: 'rule', header: say('colRule') }, { key: 'reward', header: say('colReward') }],
          rows: rows.map((r) => ({ name: String(r.name), account: r.account === null ? 'all' : String(r.account), period: String(r.period), rule: String(r.rule), reward: r.reward === null ? '' : String(r.reward) })),
        }, rows);
      }),
    );
}

function registerBenefitRemove(benefit: Command): void {
  benefit
    .command('remove <name>')
    .description(tCmd('benefitStopTrackingA'))
    .addHelpText('after', examples({ en: ['pocketbook benefit remove "Q4 bonus"'], zh: ['pocketbook benefit remove "四季度奖励"'] }))
    .action(
      action(async (ctx, name: string) => {
        const { removeBenefitUse } = await import('../../app/perks/benefits.js');
        ctx.io.out(say('benefitRemoved', { name: removeBenefitUse(ctx, name) }));
      }),
    );
}

function registerBenefitStatus(benefit: Command): void {
  benefit
    .command('status')
    .description(tCmd('benefitProgressWhatIs'))
    .option('--exit-code', tCmd('benefitExitWithWhen'))
    .option('--date <date>', t2('optStatusDate'))
    .addHelpText('after', STATUS_HELP + examples('pocketbook benefit status', 'pocketbook benefit status --date 2026-10-20', 'pocketbook benefit status --json | jq ".[] | select(.status == \\"at_risk\\")"', 'pocketbook benefit status --json | jq ".[] | select(.kind == \\"entitlement\\") | {name, left}"', 'pocketbook benefit status --exit-code'))
    .action(
      action(async (ctx, opts: { exitCode?: boolean; date?: string }) => {
        const { benefitStatusUse } = await import('../../app/perks/benefits.js');
        const r = benefitStatusUse(ctx, opts.date === undefined ? {} : { date: opts.date });
        if (ctx.format === 'table') {
          const { benefitLines } = await import('../views/benefits-view.js');
          ctx.io.out(benefitLines(r.results, ctx.color));
        } else {
          const rows = r.json.map((j) => ({ ...j, period: `${(j.period as { start: string }).start}..${(j.period as { end: string }).end}` }));
          const keys = ['name', 'account', 'period', 'metric', 'target', 'progress', 'remaining', 'status', 'days_left', 'cashback_earned', 'cashback_cap'];
          await printTable(ctx, { columns: keys.map((key) => ({ key, header: key })), rows: rows as Record<string, string>[] }, r.json);
        }
        return opts.exitCode && r.results.some((x) => x.status === 'at_risk') ? 3 : 0;
      }),
    );
}

function registerBenefitUse(benefit: Command): void {
  benefit
    .command('use <name>')
    .description(t2('useDescription'))
    .option('--date <date>', t2('useDate'))
    .addHelpText('after', examples({ en: ['pocketbook benefit use "Car wash"', 'pocketbook benefit use "Car wash" --date 2026-10-12', 'pocketbook benefit use "Car wash" --json'], zh: ['pocketbook benefit use 洗车', 'pocketbook benefit use 洗车 --date 2026-10-12', 'pocketbook benefit use 洗车 --json'] }))
    .action(
      action(async (ctx, name: string, opts: { date?: string }) => {
        const { recordBenefitUse } = await import('../../app/perks/benefits.js');
        const r = recordBenefitUse(ctx, name, opts.date === undefined ? {} : { date: opts.date });
        if (ctx.format === 'json') return void ctx.io.out(JSON.stringify(r, null, 2));
        const period = r.period as { start: string; end: string };
        ctx.io.out(t2('useRecorded', { name: String(r.name), date: String(r.date), used: Number(r.used), allowed: Number(r.allowed), left: Number(r.left), start: period.start, end: period.end }));
      }),
    );
}
