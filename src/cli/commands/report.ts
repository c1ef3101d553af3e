import type { Command } from 'commander';
import { action, examples } from '../runtime.js';
import { tHtml } from '../../core/messages/html.js';
import { tReportHelp as tR } from '../../core/messages/cli-report.js';
import { invokedSubcommand } from '../invoked.js';

const FILTER_HELP = {
  account: tR('reportOnlyThisAccount'),
  currency: tR('reportReportThisCurrency'),
  tag: tR('reportOnlyEntriesWith'),
};

function withFilters(cmd: Command): Command {
  return cmd
    .option('--account <name>', FILTER_HELP.account)
    .option('--currency <code>', FILTER_HELP.currency)
    .option('--tag <tag>', FILTER_HELP.tag);
}

/** `--output FILE` and `--open` (html pages). */
const pageOutput = (output: unknown, open: unknown) => ({ ...(typeof output === 'string' ? { output } : {}), ...(open === true ? { open: true } : {}) });

/**
 * Subcommands registered from modules of their own, loaded only when run or when `report --help`
 * lists them (their help texts come with them).
 */
const LATER: readonly { name: string; load: () => Promise<(report: Command) => void> }[] = [
  { name: 'recurring', load: async () => (await import('./report-recurring.js')).registerReportRecurring },
  { name: 'reimbursements', load: async () => (await import('./report-reimbursements.js')).registerReportReimbursements },
];

/** The subcommands this file registers itself. */
const OWN: Readonly<Record<string, (report: Command) => void>> = {
  month: registerReportMonth,
  year: registerReportYear,
  rank: registerReportRank,
  trend: registerReportTrend,
  networth: registerReportNetworth,
};

/** Registers `pocketbook report` (month, year, rank, trend, networth, recurring, reimbursements). */
export async function register(program: Command, args: readonly string[] = []): Promise<void> {
  const report = program
    .command('report')
    .description(tR('reportSpendingReportsMonth'))
    .addHelpText(
      'after',
      examples({ en: ['pocketbook report month',
        'pocketbook report year 2025',
        'pocketbook report rank --by merchant --year 2026 --top 20',
        'pocketbook report trend --months 12 --by category --top 5',
        'pocketbook report networth --months 24',
        'pocketbook report month --previous --format markdown | mail -s "Spending" me@example.com'], zh: ['pocketbook report month', 'pocketbook report year 2025', 'pocketbook report rank --by merchant --year 2026 --top 20', 'pocketbook report trend --months 12 --by category --top 5', 'pocketbook report networth --months 24', 'pocketbook report month --previous --format markdown | mail -s "本月支出" me@example.com'] }),
    );

  // A subcommand being run registers alone (`report month` needs neither the others' options nor
  // their help texts); help or an unknown name registers them all.
  const sub = invokedSubcommand(args, 'report');
  const own = sub !== undefined && Object.hasOwn(OWN, sub) ? [OWN[sub]!] : undefined;
  const named = LATER.find((l) => l.name === sub);
  for (const registerOwn of own ?? (named ? [] : Object.values(OWN))) registerOwn(report);
  const later = own ? [] : named ? [named] : LATER;
  for (const registerLater of await Promise.all(later.map((l) => l.load()))) registerLater(report);
}

function registerReportMonth(report: Command): void {
  withFilters(
    report
      .command('month [month]')
      .description(tR('reportTheMonthlySpending'))
      .option('--previous', tR('reportLastMonth'))
      .option('--category <name>', tR('reportDrillDownInto'))
      .option('--top <n>', tR('reportRowsInMerchant'))
      .option('--compare <file>', tR('reportCategorySharesBeside')),
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
        const [{ monthReportView }, output] = await Promise.all([import('../../app/reports/report-month.js'), import('../report-output.js')]);
        const preloaded = output.preloadRenderers(ctx.format, () => import('../../render/report-views.js'));
        const { output: file, open, ...rest } = opts;
        const view = await monthReportView(ctx, { ...rest, ...(month !== undefined ? { month } : {}) });
        await preloaded;
        return output.printMonthReport(ctx, view, pageOutput(file, open));
      }),
    );
}

function registerReportYear(report: Command): void {
  withFilters(
    report
      .command('year [year]')
      .description(tR('reportTheAnnualBill'))
      .option('--top <n>', tR('reportRowsInMerchant')),
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
      .description(tR('reportRankSpendingBy'))
      .option('--by <dimension>', tR('reportCategoryMerchantChannel'))
      .option('--month [YYYY-MM]', tR('reportOneMonthDefault'))
      .option('--year [YYYY]', tR('reportOneYear'))
      .option('--from <date>', tR('reportFirstDayYyyy'))
      .option('--to <date>', tR('reportLastDayYyyy'))
      .option('--category <name>', tR('reportWithByCategory'))
      .option('--top <n>', tR('reportRowsToShow')),
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
      .description(tR('reportSpendingAndIncome'))
      .option('--months <n>', tR('reportHowManyMonths'), '6')
      .option('--until <YYYY-MM>', tR('reportLastMonthOf'))
      .option('--by <dimension>', tR('reportCategoryMerchantChannel'))
      .option('--top <k>', tR('reportSeriesToShow')),
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
    .description(tR('reportAssetsLiabilitiesMoney'))
    .option('--months <n>', tR('reportHowManyMonth'), '12')
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
