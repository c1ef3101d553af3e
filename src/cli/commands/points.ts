import type { Command } from 'commander';
import { action, examples, type CliContext } from '../runtime.js';
import { printTable } from '../print-table.js';
import { tPoints as t } from '../../core/messages/points.js';
import { formatMoney } from '../../core/money.js';
import type { Advice } from '../../app/perks/points-advise.js';

/** Registers `pocketbook points`. */
export function register(program: Command): void {
  const points = program
    .command('points')
    .description(t('cmdPoints'))
    .addHelpText('after', `\n${t('helpRounding')}\n${t('helpLots')}\n` + examples({
      en: ['pocketbook points rule add --account "CMB Card" --per 20 --expire-months 24', 'pocketbook points rule add --account "CMB Card" --per 20 --category Dining --times 2', 'pocketbook points set --account "CMB Card" --balance 12000 --date 2026-09-01', 'pocketbook points status', 'pocketbook points advise --catalogue rewards.yaml'],
      zh: ['pocketbook points rule add --account "招行信用卡" --per 20 --expire-months 24', 'pocketbook points rule add --account "招行信用卡" --per 20 --category 餐饮 --times 2', 'pocketbook points set --account "招行信用卡" --balance 12000 --date 2026-09-01', 'pocketbook points status', 'pocketbook points advise --catalogue 积分商城.yaml'],
    }));
  registerRule(points);
  registerSet(points);
  registerStatus(points);
  registerAdvise(points);
}

function registerRule(points: Command): void {
  const rule = points.command('rule').description(t('cmdRule'));
  rule
    .command('add')
    .description(t('cmdRuleAdd'))
    .option('--account <name>', t('optAccount'))
    .option('--per <amount>', t('optPer'))
    .option('--category <name>', t('optCategory'))
    .option('--times <k>', t('optTimes'))
    .option('--expire-months <m>', t('optExpireMonths'))
    .option('--expire <when>', t('optExpire'))
    .addHelpText('after', `\n${t('helpRounding')}\n` + examples({
      en: ['pocketbook points rule add --account "CMB Card" --per 20', 'pocketbook points rule add --account "CMB Card" --per 20 --category Dining --times 3', 'pocketbook points rule add --account "CMB Card" --per 20 --category Utilities --times 0', 'pocketbook points rule add --account "PA Card" --per 10 --expire year-end'],
      zh: ['pocketbook points rule add --account "招行信用卡" --per 20', 'pocketbook points rule add --account "招行信用卡" --per 20 --category 餐饮 --times 3', 'pocketbook points rule add --account "招行信用卡" --per 20 --category 生活缴费 --times 0', 'pocketbook points rule add --account "平安信用卡" --per 10 --expire year-end'],
    }))
    .action(
      action(async (ctx, opts: Record<string, string | undefined>) => {
        const { addPointsRule } = await import('../../app/perks/points.js');
        const r = addPointsRule(ctx, opts);
        if (ctx.format === 'json') ctx.io.out(JSON.stringify(r.json, null, 2));
        else ctx.io.out(t('ruleAdded', { id: r.id, account: r.account, rule: r.text }));
      }),
    );
  rule
    .command('list')
    .description(t('cmdRuleList'))
    .addHelpText('after', examples('pocketbook points rule list', 'pocketbook points rule list --json'))
    .action(
      action(async (ctx) => {
        const { listPointsRulesUse } = await import('../../app/perks/points.js');
        const rows = listPointsRulesUse(ctx);
        if (rows.length === 0 && ctx.format === 'table') return void ctx.io.out(t('noRules'));
        await printTable(ctx, {
          columns: [{ key: 'id', header: t('colId') }, { key: 'account', header: t('colAccount') }, { key: 'rule', header: t('colRule') }],
          rows: rows.map((r) => ({ id: r.id, account: r.account, rule: r.text })),
        }, rows.map((r) => r.json));
      }),
    );
  rule
    .command('remove <id>')
    .description(t('cmdRuleRemove'))
    .addHelpText('after', examples('pocketbook points rule list', 'pocketbook points rule remove 2'))
    .action(
      action(async (ctx, id: string) => {
        const { removePointsRule } = await import('../../app/perks/points.js');
        ctx.io.out(t('ruleRemoved', { id: removePointsRule(ctx, id) }));
      }),
    );
}

function registerSet(points: Command): void {
  points
    .command('set')
    .description(t('cmdSet'))
    .option('--account <name>', t('optAccount'))
    .option('--balance <n>', t('optBalance'))
    .option('--date <day>', t('optSetDate'))
    .addHelpText('after', `\n${t('helpSet')}\n` + examples({
      en: ['pocketbook points set --account "CMB Card" --balance 12000 --date 2026-09-01', 'pocketbook points set --account "CMB Card" --balance 15230'],
      zh: ['pocketbook points set --account "招行信用卡" --balance 12000 --date 2026-09-01', 'pocketbook points set --account "招行信用卡" --balance 15230'],
    }))
    .action(
      action(async (ctx, opts: { account?: string; balance?: string; date?: string }) => {
        const { setPointsUse } = await import('../../app/perks/points.js');
        const r = setPointsUse(ctx, opts);
        if (ctx.format === 'json') ctx.io.out(JSON.stringify(r, null, 2));
        else ctx.io.out(t('pointsSet', { account: r.account, n: count(r.balance), date: r.date }));
      }),
    );
}

function registerStatus(points: Command): void {
  points
    .command('status')
    .description(t('cmdStatus'))
    .option('--date <day>', t('optStatusDate'))
    .addHelpText('after', `\n${t('helpLots')}\n` + examples('pocketbook points status', 'pocketbook points status --date 2026-10-31', 'pocketbook points status --json | jq ".[] | {account, balance}"'))
    .action(
      action(async (ctx, opts: { date?: string }) => {
        const { pointsStatusUse, pointsStatusJson } = await import('../../app/perks/points.js');
        const r = pointsStatusUse(ctx, opts.date);
        const json = r.accounts.map((a) => pointsStatusJson(a, r.asOf));
        if (ctx.format !== 'table') {
          const keys = ['account', 'balance', 'earned_this_month', 'next_expiry', 'next_expiring'];
          const rows = r.accounts.map((a) => ({ account: a.account, balance: a.balance, earned_this_month: a.earnedThisMonth, next_expiry: a.expiring[0]?.date ?? '', next_expiring: a.expiring[0]?.points ?? 0 }));
          return void (await printTable(ctx, { columns: keys.map((key) => ({ key, header: key })), rows }, json));
        }
        if (r.accounts.length === 0) return void ctx.io.out(t('noPointsAccounts'));
        ctx.io.out(t('statusHeading', { date: r.asOf }));
        for (const a of r.accounts) {
          ctx.io.out(t('statusLine', { account: a.account, n: count(a.balance), month: count(a.earnedThisMonth) }));
          for (const e of a.expiring) ctx.io.out(`  ${t('expiringLine', { n: count(e.points), date: e.date })}`);
          if (a.expiring.length === 0 && a.balance > 0) ctx.io.out(`  ${t('noneLapse')}`);
        }
      }),
    );
}

const count = (n: number) => n.toLocaleString('en-US');

function registerAdvise(pointsCmd: Command): void {
  pointsCmd
    .command('advise')
    .description(t('cmdAdvise'))
    .option('--catalogue <file>', t('optCatalogue'))
    .option('--account <name>', t('optAdviseAccount'))
    .option('--date <day>', t('optStatusDate'))
    .addHelpText('after', `\n${t('helpCatalogue')}\n` + examples({
      en: ['pocketbook points advise --catalogue examples/rewards.yaml', 'pocketbook points advise --catalogue rewards.yaml --account "CMB Card" --json'],
      zh: ['pocketbook points advise --catalogue examples/rewards.yaml', 'pocketbook points advise --catalogue 积分商城.yaml --account "招行信用卡" --json'],
    }))
    .action(
      action(async (ctx, opts: { catalogue?: string; account?: string; date?: string }) => {
        const { adviseUse } = await import('../../app/perks/points-advise.js');
        const a = adviseUse(ctx, opts);
        const c = a.account.currency;
        const rows = a.ranked.map((r, i) => ({ rank: i + 1, name: r.name, points: count(r.points), value: formatMoney(r.value, c), per: r.perPoint, affordable: r.affordable ? t('yes') : '' }));
        await printTable(ctx, {
          columns: [{ key: 'rank', header: '#' }, { key: 'name', header: t('colReward') }, { key: 'points', header: t('colPoints'), numeric: true }, { key: 'value', header: t('colValue', { currency: c }), numeric: true }, { key: 'per', header: t('colPerPoint'), numeric: true }, { key: 'affordable', header: t('colAffordable') }],
          rows,
        }, a.json);
        if (ctx.format === 'table') adviceLines(ctx, a);
      }),
    );
}

/** The sentences under the table: the balance, and what the soonest-lapsing points could buy. */
function adviceLines(ctx: CliContext, a: Advice): void {
  ctx.io.out(t('adviseBalance', { account: a.account.account, n: count(a.account.balance), date: a.asOf, k: a.ranked.filter((r) => r.affordable).length }));
  const s = a.soonest;
  if (!s) return void ctx.io.out(t('adviseNoLapse'));
  ctx.io.out(s.buys
    ? t('adviseLapseBuys', { n: count(s.points), date: s.date, reward: s.buys.name, value: formatMoney(s.buys.value, a.account.currency) })
    : t('adviseLapseNothing', { n: count(s.points), date: s.date }));
}
