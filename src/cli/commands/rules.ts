import type { Command } from 'commander';
import { action, examples, type CliContext } from '../runtime.js';
import { printTable } from '../print-table.js';
import { tCliHelp } from '../../core/messages/cli-help.js';
import { tRules as t } from '../../core/messages/cli-rules.js';

interface RuleFlags {
  name?: string;
  match?: string;
  matchMerchant?: string;
  amount?: string;
  account?: string;
  onChannel?: string;
  direction?: string;
  category?: string;
  merchant?: string;
  kind?: string;
  channel?: string;
  tag?: string[];
}

const collect = (v: string, prev: string[] = []) => [...prev, v];

function ruleFromFlags(name: string, o: RuleFlags): Record<string, unknown> {
  return {
    name,
    match: { description: o.match, merchant: o.matchMerchant, amount: o.amount, account: o.account, channel: o.onChannel, direction: o.direction },
    set: { category: o.category, merchant: o.merchant, kind: o.kind, channel: o.channel, tags: o.tag },
  };
}

function ruleOptions(cmd: Command): Command {
  return cmd
    .option('--match <regex>', t('optMatch'))
    .option('--match-merchant <regex>', t('optMatchMerchant'))
    .option('--amount <range>', t('optAmount'))
    .option('--account <name>', t('optAccount'))
    .option('--on-channel <channel>', t('optOnChannel'))
    .option('--direction <in|out>', t('optDirection'))
    .option('--category <category>', t('optCategory'))
    .option('--merchant <name>', t('optMerchant'))
    .option('--kind <kind>', t('optKind'))
    .option('--channel <channel>', t('optChannel'))
    .option('--tag <tag>', t('optTag'), collect);
}

const summary = (o: Record<string, unknown>) =>
  Object.entries(o).filter(([, v]) => v !== undefined).map(([k, v]) => `${k}=${Array.isArray(v) ? v.join(',') : String(v)}`).join(' ');

async function printChanges(ctx: CliContext, res: { changes: import('../../app/rules/rules-apply.js').EntryChange[]; total: number }): Promise<void> {
  const { formatMinor } = await import('../../core/money.js');
  const rows = res.changes.flatMap((c) =>
    c.changes.map((f) => ({ id: c.row.id, date: c.row.date, amount: formatMinor(c.row.amount, c.row.currency), description: c.row.description, field: f.field, before: f.before, after: f.after, rule: f.source?.replace(/^rule:/, '') ?? '' })),
  );
  await printTable(
    ctx,
    {
      columns: [
        { key: 'id', header: 'ID', numeric: true }, { key: 'date', header: t('colDate') }, { key: 'amount', header: t('colAmount'), numeric: true },
        { key: 'description', header: t('colDescription') }, { key: 'field', header: t('colField') }, { key: 'before', header: t('colBefore') },
        { key: 'after', header: t('colAfter') }, { key: 'rule', header: t('colRule') },
      ],
      rows,
    },
    { total: res.total, changes: rows },
  );
  if (ctx.format === 'table') {
    const one = res.total === 1;
    const key = res.total > res.changes.length ? (one ? 'wouldChangeShown1' : 'wouldChangeShownN') : one ? 'wouldChange1' : 'wouldChangeN';
    ctx.io.err(t(key, { n: res.total, shown: res.changes.length }));
  }
}

/** Registers `pocketbook rules`. */
export function register(program: Command): void {
  const rules = program
    .command('rules')
    .description(tCliHelp('rules'))
    .addHelpText('after', examples({ en: ['pocketbook rules add Coffee --match "星巴克|starbucks" --category "Dining:Coffee & tea" --merchant Starbucks', 'pocketbook rules test --match "didi|滴滴" --category Transport:Taxi', 'pocketbook rules apply --all'], zh: ['pocketbook rules add 咖啡 --match "星巴克|starbucks" --category "餐饮:咖啡茶饮" --merchant 星巴克', 'pocketbook rules test --match "didi|滴滴" --category 交通:打车', 'pocketbook rules apply --all'] }));

  registerRulesList(rules);

  ruleOptions(rules.command('add <name>').description(t('add')))
    .addHelpText('after', examples({ en: ['pocketbook rules add Coffee --match "星巴克|starbucks|瑞幸" --category "Dining:Coffee & tea"', 'pocketbook rules add Rent --match "房租" --amount "< 0" --category Housing:Rent --tag home'], zh: ['pocketbook rules add 咖啡 --match "星巴克|starbucks|瑞幸" --category "餐饮:咖啡茶饮"', 'pocketbook rules add 房租 --match "房租" --amount "< 0" --category 住房:房租 --tag 住房'] }))
    .action(action(async (ctx, name: string, o: RuleFlags) => {
      const { addRule } = await import('../../app/rules/rules.js');
      const { rule } = addRule(ctx, ruleFromFlags(name, o));
      ctx.io.out(t('added', { name: rule.name }));
    }));

  registerRulesRemove(rules);

  registerRulesEdit(rules);

  registerRulesExport(rules);

  registerRulesImport(rules);

  ruleOptions(rules.command('test [names...]').description(t('test')))
    .option('--limit <n>', t('optLimit'), '50')
    .addHelpText('after', examples({ en: ['pocketbook rules test --match "didi|滴滴" --category Transport:Taxi', 'pocketbook rules test Coffee'], zh: ['pocketbook rules test --match "didi|滴滴" --category 交通:打车', 'pocketbook rules test 咖啡'] }))
    .action(action(async (ctx, names: string[], o: RuleFlags & { limit: string }) => {
      const { runTest } = await import('../../app/rules/rules.js');
      const inline = o.match || o.matchMerchant || o.amount || o.account || o.onChannel || o.direction;
      if (!inline && names.length === 0) {
        const { usageError } = await import('../../core/errors.js');
        throw usageError(t('giveRule'));
      }
      const { parseWholeNumber } = await import('../../core/options.js');
      const limit = parseWholeNumber(o.limit, '--limit', { min: 1 });
      const res = runTest(ctx, { inline: inline ? ruleFromFlags(names[0] ?? '(test)', o) : undefined, names, limit });
      await printChanges(ctx, res);
    }));

  registerRulesApply(rules);

  registerRulesSuggest(rules);

  const defaults = rules.command('defaults').description(t('defaults'));
  for (const state of ['on', 'off'] as const) {
    defaults.command(state).description(t(state === 'on' ? 'defaultsOn' : 'defaultsOff'))
      .addHelpText('after', examples(`pocketbook rules defaults ${state}`))
      .action(action(async (ctx) => {
        const { setDefaults } = await import('../../app/rules/rules.js');
        setDefaults(ctx, state === 'on');
        ctx.io.out(t(state === 'on' ? 'defaultsAreOn' : 'defaultsAreOff'));
      }));
  }
}

function registerRulesList(rules: Command): void {
  rules
    .command('list')
    .description(t('list'))
    .option('--defaults', t('optDefaults'))
    .addHelpText('after', examples('pocketbook rules list', 'pocketbook rules list --defaults --json'))
    .action(action(async (ctx, o: { defaults?: boolean }) => {
      const { listRules } = await import('../../app/rules/rules.js');
      const res = listRules(ctx, Boolean(o.defaults));
      if (res.rules.length === 0 && ctx.format === 'table') ctx.io.out(t('noRules'));
      await printTable(ctx, {
        columns: [{ key: 'position', header: '#', numeric: true }, { key: 'name', header: t('colRule') }, { key: 'match', header: t('colMatch') }, { key: 'set', header: t('colSet') }, { key: 'origin', header: t('colFrom') }],
        rows: res.rules.map((r) => ({ ...r, match: summary(r.match as Record<string, unknown>), set: summary(r.set as Record<string, unknown>) })),
      }, res.rules);
      if (ctx.format === 'table') ctx.io.err(t(res.defaultsOn ? 'defaultsStateOn' : 'defaultsStateOff'));
    }));
}

function registerRulesRemove(rules: Command): void {
  rules.command('remove <name>').description(t('remove'))
    .addHelpText('after', examples({ en: ['pocketbook rules remove Coffee'], zh: ['pocketbook rules remove 咖啡'] }))
    .action(action(async (ctx, name: string) => {
      const { removeRule } = await import('../../app/rules/rules.js');
      removeRule(ctx, name);
      ctx.io.out(t('removed', { name }));
    }));
}

function registerRulesEdit(rules: Command): void {
  rules.command('edit').description(t('edit'))
    .addHelpText('after', examples('EDITOR=nano pocketbook rules edit'))
    .action(action(async (ctx) => {
      const { editRules } = await import('../../app/rules/rules-edit.js');
      const res = editRules(ctx);
      ctx.io.out(res.unchanged ? t('noChanges') : t('saved', { n: res.total }));
    }));
}

function registerRulesExport(rules: Command): void {
  rules.command('export').description(t('export'))
    .addHelpText('after', examples('pocketbook rules export > rules.yaml'))
    .action(action(async (ctx) => {
      const { exportRules } = await import('../../app/rules/rules.js');
      ctx.io.out(exportRules(ctx));
    }));
}

function registerRulesImport(rules: Command): void {
  rules.command('import <file>').description(t('import'))
    .option('--replace', t('optReplace'))
    .addHelpText('after', examples('pocketbook rules import rules.yaml', 'pocketbook rules import rules.yaml --replace'))
    .action(action(async (ctx, file: string, o: { replace?: boolean }) => {
      const { importRules } = await import('../../app/rules/rules.js');
      const res = importRules(ctx, file, Boolean(o.replace));
      ctx.io.out(t('imported', { added: res.added, total: res.total }));
    }));
}

function registerRulesApply(rules: Command): void {
  rules.command('apply').description(t('apply'))
    .option('--all', t('optAll'))
    .addHelpText('after', examples('pocketbook rules apply', 'pocketbook rules apply --all'))
    .action(action(async (ctx, o: { all?: boolean }) => {
      const { runApply } = await import('../../app/rules/rules.js');
      const res = await runApply(ctx, Boolean(o.all));
      if (ctx.format === 'json') ctx.io.out(JSON.stringify({ examined: res.examined, changed: res.changed }));
      else ctx.io.out(t(res.changed === 1 ? 'changed1' : 'changedN', { n: res.changed, examined: res.examined }));
    }));
}

function registerRulesSuggest(rules: Command): void {
  rules.command('suggest').description(t('suggest'))
    .option('--yes', t('optYes'))
    .addHelpText('after', examples('pocketbook rules suggest', 'pocketbook rules suggest --yes'))
    .action(action(async (ctx, o: { yes?: boolean }) => {
      const { suggestRules, acceptSuggestions } = await import('../../app/rules/rules-suggest.js');
      const suggestions = suggestRules(ctx);
      if (suggestions.length === 0) {
        ctx.io.out(t('noSuggestions'));
        return;
      }
      const accepted = [];
      for (const s of suggestions) {
        const line = t('suggestion', { name: s.rule.name, merchant: String(s.rule.match.merchant), category: String(s.rule.set.category), n: s.count });
        if (o.yes) accepted.push(s.rule);
        else if (ctx.interactive) {
          const { askKey } = await import('../../app/rules/categorize.js');
          if ((await askKey(t('askAdd', { line }), ['y', 'n'])) === 'y') accepted.push(s.rule);
        } else ctx.io.out(t('suggested', { line }));
      }
      if (!o.yes && !ctx.interactive) {
        ctx.io.err(t('runYes'));
        return;
      }
      acceptSuggestions(ctx, accepted);
      ctx.io.out(t(accepted.length === 1 ? 'addedRules1' : 'addedRulesN', { n: accepted.length }));
    }));
}
