import type { Command } from 'commander';
import { action, examples } from '../runtime.js';
import { tHtml } from '../../core/messages/html.js';
import { registerReportRecurring } from './report-recurring.js';
import { registerReportReimbursements } from './report-reimbursements.js';
import { tCmd } from '../../core/messages/cli-commands.js';

const FILTER_HELP = {
  account: tCmd('reportOnlyThisAccount'),
  currency: tCmd('reportReportThisCurrency'),
  tag: tCmd('reportOnlyEntriesWith'),
};

function withFilters(cmd: Command): Command {
  return cmd
    .option('--account <name>', FILTER_HELP.account)
    .option('--currency <code>', FILTER_HELP.currency)
    .option('--tag <tag>', FILTER_HELP.tag);
}

/** `--output FILE` and `--open` (html pages). */
const pageOutput = (output: unknown, open: unknown) => ({ ...(typeof output === 'string' ? { output } : {}), ...(open === true ? { open: true } : {}) });

/** Registers `pocketbook report` (month, year, rank, trend, networth). */
export function register(program: Command): void {
  const report = program
    .command('report')
    .description(tCmd('reportSpendingReportsMonth'))
    .addHelpText(
      'after',
      examples({ en: ['pocketbook report month',
        'pocketbook report year 2025',
        'pocketbook report rank --by merchant --year 2026 --top 20',
        'pocketbook report trend --months 12 --by category --top 5',
        'pocketbook report networth --months 24',
        'pocketbook report month --previous --format markdown | mail -s "Spending" me@example.com'], zh: ['pocketbook report month', 'pocketbook report year 2025', 'pocketbook report rank --by merchant --year 2026 --top 20', 'pocketbook report trend --months 12 --by category --top 5', 'pocketbook report networth --months 24', 'pocketbook report month --previous --format markdown | mail -s "本月支出" me@example.com'] }),
    );

  registerReportMonth(report);

  registerReportYear(report);

  registerReportRank(report);

  registerReportTrend(report);

  registerReportNetworth(report);

  registerReportRecurring(report);
  registerReportReimbursements(report);
}

function registerReportMonth(report: Command): void {
  withFilters(
    report
      .command('month [month]')
      .description(tCmd('reportTheMonthlySpending'))
      .option('--previous', tCmd('reportLastMonth'))
      .option('--category <name>', tCmd('reportDrillDownInto'))
      .option('--top <n>', tCmd('reportRowsInMerchant'))
      .option('--compare <file>', tCmd('reportCategorySharesBeside')),
  )
    .option('--output <file>', tHtml('optOutput'))
    .option('--open', tHtml('optOpen'))
    .addHelpText(
      'after',
      examples({ en: ['pocketbook report month',
        'pocketbook report month 2026-09 --compare examples/reference-household.yaml',
        'pocketbook report month 2026-09 --category Dining',
        'pocketbook report month --previous --format markdown',
        'pocketbook report month --json | jq .categories',
        'pocketbook report month --account "CMB Card" --currency CNY',
        'pocketbook report month --format html --output month.html --open'], zh: ['pocketbook report month', 'pocketbook report month 2026-09 --compare examples/reference-household.yaml', 'pocketbook report month 2026-09 --category 餐饮', 'pocketbook report month --previous --format markdown', 'pocketbook report month --json | jq .categories', 'pocketbook report month --account "招行信用卡" --currency CNY', 'pocketbook report month --format html --output 月报.html --open'] }),
    )
    .action(
      action(async (ctx, month: string | undefined, opts: Record<string, string | boolean | undefined>) => {
        if (typeof opts.compare === 'string') {
          const { monthCompareView } = await import('../../app/reports/month-compare.js');
          const view = await monthCompareView(ctx, opts.compare, { ...opts, ...(month !== undefined ? { month } : {}) });
          return (await import('../report-output.js')).printMonthCompare(ctx, view);
        }
        const { monthReportView } = await import('../../app/reports/report-month.js');
        const { output, open, ...rest } = opts;
        const view = await monthReportView(ctx, { ...rest, ...(month !== undefined ? { month } : {}) });
        return (await import('../report-output.js')).printMonthReport(ctx, view, pageOutput(output, open));
      }),
    );
}

function registerReportYear(report: Command): void {
  withFilters(
    report
      .command('year [year]')
      .description(tCmd('reportTheAnnualBill'))
      .option('--top <n>', tCmd('reportRowsInMerchant')),
  )
    .option('--output <file>', tHtml('optOutput'))
    .option('--open', tHtml('optOpen'))
    .addHelpText(
      'after',
      examples(
        'pocketbook report year 2025',
        'pocketbook report year --json | jq .savings_rate',
        'pocketbook report year 2025 --format markdown > 2025.md',
        'pocketbook report year 2025 --format html --output 2025.html --open',
      ),
    )
    .action(
      action(async (ctx, year: string | undefined, opts: Record<string, string | boolean | undefined>) => {
        const { yearReportView } = await import('../../app/reports/report-year.js');
        const { output, open, ...rest } = opts;
        const view = yearReportView(ctx, { ...(rest as Record<string, string | undefined>), ...(year !== undefined ? { year } : {}) });
        return (await import('../report-output.js')).printYearReport(ctx, view, pageOutput(output, open));
      }),
    );
}

function registerReportRank(report: Command): void {
  withFilters(
    report
      .command('rank')
      .description(tCmd('reportRankSpendingBy'))
      .option('--by <dimension>', tCmd('reportCategoryMerchantChannel'))
      .option('--month [YYYY-MM]', tCmd('reportOneMonthDefault'))
      .option('--year [YYYY]', tCmd('reportOneYear'))
      .option('--from <date>', tCmd('reportFirstDayYyyy'))
      .option('--to <date>', tCmd('reportLastDayYyyy'))
      .option('--category <name>', tCmd('reportWithByCategory'))
      .option('--top <n>', tCmd('reportRowsToShow')),
  )
    .addHelpText(
      'after',
      examples(
        'pocketbook report rank --by merchant --year 2026 --top 20',
        'pocketbook report rank --by category --month 2026-09',
        'pocketbook report rank --by channel --from 2026-01-01 --to 2026-06-30 --json',
      ),
    )
    .action(
      action(async (ctx, opts: Record<string, string | boolean | undefined>) => {
        const { rankReportView } = await import('../../app/reports/report-rank.js');
        const view = rankReportView(ctx, opts);
        return (await import('../report-output.js')).printRankReport(ctx, view);
      }),
    );
}

function registerReportTrend(report: Command): void {
  withFilters(
    report
      .command('trend')
      .description(tCmd('reportSpendingAndIncome'))
      .option('--months <n>', tCmd('reportHowManyMonths'), '6')
      .option('--until <YYYY-MM>', tCmd('reportLastMonthOf'))
      .option('--by <dimension>', tCmd('reportCategoryMerchantChannel'))
      .option('--top <k>', tCmd('reportSeriesToShow')),
  )
    .addHelpText(
      'after',
      examples('pocketbook report trend', 'pocketbook report trend --months 12 --by category --top 5', 'pocketbook report trend --by merchant --json | jq .series'),
    )
    .action(
      action(async (ctx, opts: Record<string, string | undefined>) => {
        const { trendReportView } = await import('../../app/reports/report-rank.js');
        const view = trendReportView(ctx, opts);
        return (await import('../report-output.js')).printTrendReport(ctx, view);
      }),
    );
}

function registerReportNetworth(report: Command): void {
  report
    .command('networth')
    .description(tCmd('reportAssetsLiabilitiesMoney'))
    .option('--months <n>', tCmd('reportHowManyMonth'), '12')
    .addHelpText(
      'after',
      examples('pocketbook report networth', 'pocketbook report networth --months 24 --format markdown', 'pocketbook report networth --json | jq \'.[] | select(.currency == "CNY")\''),
    )
    .action(
      action(async (ctx, opts: { months?: string }) => {
        const { netWorthReportView } = await import('../../app/reports/report-networth.js');
        const view = netWorthReportView(ctx, opts);
        return (await import('../report-output.js')).printNetWorthReport(ctx, view);
      }),
    );
}
