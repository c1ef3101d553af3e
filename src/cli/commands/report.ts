import type { Command } from 'commander';
import { action, examples } from '../runtime.js';
import { tHtml } from '../../core/messages/html.js';
import { registerReportRecurring } from './report-recurring.js';

const FILTER_HELP = {
  account: 'only this account',
  currency: 'report this currency (default: the currency setting); other currencies present are named',
  tag: 'only entries with this tag',
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
    .description('spending reports: month, year, rank, trend; net worth')
    .addHelpText(
      'after',
      examples(
        'pocketbook report month',
        'pocketbook report year 2025',
        'pocketbook report rank --by merchant --year 2026 --top 20',
        'pocketbook report trend --months 12 --by category --top 5',
        'pocketbook report networth --months 24',
        'pocketbook report month --previous --format markdown | mail -s "Spending" me@example.com',
      ),
    );

  registerReportMonth(report);

  registerReportYear(report);

  registerReportRank(report);

  registerReportTrend(report);

  registerReportNetworth(report);

  registerReportRecurring(report);
}

function registerReportMonth(report: Command): void {
  withFilters(
    report
      .command('month [month]')
      .description('the monthly spending report (this month so far, or YYYY-MM)')
      .option('--previous', 'last month')
      .option('--category <name>', 'drill down into one category (its children, then merchants)')
      .option('--top <n>', 'rows in merchant rankings (default 10)')
      .option('--compare <file>', 'category shares beside a reference profile (e.g. examples/reference-household.yaml) and your 12-month average'),
  )
    .option('--output <file>', tHtml('optOutput'))
    .option('--open', tHtml('optOpen'))
    .addHelpText(
      'after',
      examples(
        'pocketbook report month',
        'pocketbook report month 2026-09 --compare examples/reference-household.yaml',
        'pocketbook report month 2026-09 --category Dining',
        'pocketbook report month --previous --format markdown',
        'pocketbook report month --json | jq .categories',
        'pocketbook report month --account "CMB Card" --currency CNY',
        'pocketbook report month --format html --output month.html --open',
      ),
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
      .description('the annual bill (this year so far, or YYYY)')
      .option('--top <n>', 'rows in merchant rankings (default 10)'),
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
      .description('rank spending by category, merchant or channel over any period')
      .option('--by <dimension>', 'category | merchant | channel')
      .option('--month [YYYY-MM]', 'one month (default this month)')
      .option('--year [YYYY]', 'one year')
      .option('--from <date>', 'first day (YYYY-MM-DD)')
      .option('--to <date>', 'last day (YYYY-MM-DD)')
      .option('--category <name>', 'with --by category: the children of this category')
      .option('--top <n>', 'rows to show (default 10)'),
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
      .description('spending and income month by month, optionally split by category, merchant or channel')
      .option('--months <n>', 'how many months, ending this month', '6')
      .option('--until <YYYY-MM>', 'last month of the window (default this month)')
      .option('--by <dimension>', 'category | merchant | channel')
      .option('--top <k>', 'series to show with --by (the rest is "Other", default 5)'),
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
    .description('assets, liabilities (money owed on credit accounts) and net worth at each month-end, per currency, with a chart')
    .option('--months <n>', 'how many month-ends, ending this month (as of today)', '12')
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
