import type { Command } from 'commander';
import { action, examples, type CliContext } from '../runtime.js';
import { printTable } from '../print-table.js';

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
    .option('--match <regex>', 'description matches (case-insensitive regular expression)')
    .option('--match-merchant <regex>', 'merchant matches')
    .option('--amount <range>', 'amount condition: "< 0", ">= 100", "-500..-100"')
    .option('--account <name>', 'only entries of this account')
    .option('--on-channel <channel>', 'only entries paid through this channel')
    .option('--direction <in|out>', 'money in or out')
    .option('--category <category>', 'set the category (created if missing)')
    .option('--merchant <name>', 'set the merchant')
    .option('--kind <kind>', 'set the kind: expense | income | transfer | refund')
    .option('--channel <channel>', 'set the channel')
    .option('--tag <tag>', 'add a tag (repeatable)', collect);
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
        { key: 'id', header: 'ID', numeric: true }, { key: 'date', header: 'Date' }, { key: 'amount', header: 'Amount', numeric: true },
        { key: 'description', header: 'Description' }, { key: 'field', header: 'Field' }, { key: 'before', header: 'Before' },
        { key: 'after', header: '→ After' }, { key: 'rule', header: 'Rule' },
      ],
      rows,
    },
    { total: res.total, changes: rows },
  );
  if (ctx.format === 'table') ctx.io.err(`${res.total} entr${res.total === 1 ? 'y' : 'ies'} would change${res.total > res.changes.length ? ` (first ${res.changes.length} shown)` : ''}; nothing was written`);
}

/** Registers `pocketbook rules`. */
export function register(program: Command): void {
  const rules = program
    .command('rules')
    .description('categorization rules: list, add, edit, test and apply')
    .addHelpText('after', examples('pocketbook rules add Coffee --match "星巴克|starbucks" --category "Dining:Coffee & tea" --merchant Starbucks', 'pocketbook rules test --match "didi|滴滴" --category Transport:Taxi', 'pocketbook rules apply --all'));

  registerRulesList(rules);

  ruleOptions(rules.command('add <name>').description('add a rule after your existing rules'))
    .addHelpText('after', examples('pocketbook rules add Coffee --match "星巴克|starbucks|瑞幸" --category "Dining:Coffee & tea"', 'pocketbook rules add Rent --match "房租" --amount "< 0" --category Housing:Rent --tag home'))
    .action(action(async (ctx, name: string, o: RuleFlags) => {
      const { addRule } = await import('../../app/rules/rules.js');
      const { rule } = addRule(ctx, ruleFromFlags(name, o));
      ctx.io.out(`added rule "${rule.name}" (run \`pocketbook rules apply\` to use it on existing entries)`);
    }));

  registerRulesRemove(rules);

  registerRulesEdit(rules);

  registerRulesExport(rules);

  registerRulesImport(rules);

  ruleOptions(rules.command('test [names...]').description('show what a rule (inline, or named) would change; writes nothing'))
    .option('--limit <n>', 'rows to show', '50')
    .addHelpText('after', examples('pocketbook rules test --match "didi|滴滴" --category Transport:Taxi', 'pocketbook rules test Coffee'))
    .action(action(async (ctx, names: string[], o: RuleFlags & { limit: string }) => {
      const { runTest } = await import('../../app/rules/rules.js');
      const inline = o.match || o.matchMerchant || o.amount || o.account || o.onChannel || o.direction;
      if (!inline && names.length === 0) {
        const { usageError } = await import('../../core/errors.js');
        throw usageError('give a rule name, or an inline rule (--match … --category …)');
      }
      const { parseWholeNumber } = await import('../../core/options.js');
      const limit = parseWholeNumber(o.limit, '--limit', { min: 1 });
      const res = runTest(ctx, { inline: inline ? ruleFromFlags(names[0] ?? '(test)', o) : undefined, names, limit });
      await printChanges(ctx, res);
    }));

  registerRulesApply(rules);

  registerRulesSuggest(rules);

  const defaults = rules.command('defaults').description('switch the shipped default rules on or off');
  for (const state of ['on', 'off'] as const) {
    defaults.command(state).description(`turn the shipped default rules ${state}`)
      .addHelpText('after', examples(`pocketbook rules defaults ${state}`))
      .action(action(async (ctx) => {
        const { setDefaults } = await import('../../app/rules/rules.js');
        setDefaults(ctx, state === 'on');
        ctx.io.out(`shipped default rules ${state}`);
      }));
  }
}

function registerRulesList(rules: Command): void {
  rules
    .command('list')
    .description('your rules in priority order (--defaults adds the shipped ones)')
    .option('--defaults', 'include the shipped default rules')
    .addHelpText('after', examples('pocketbook rules list', 'pocketbook rules list --defaults --json'))
    .action(action(async (ctx, o: { defaults?: boolean }) => {
      const { listRules } = await import('../../app/rules/rules.js');
      const res = listRules(ctx, Boolean(o.defaults));
      if (res.rules.length === 0 && ctx.format === 'table') ctx.io.out('no rules of your own yet (add one with `pocketbook rules add`)');
      await printTable(ctx, {
        columns: [{ key: 'position', header: '#', numeric: true }, { key: 'name', header: 'Rule' }, { key: 'match', header: 'Match' }, { key: 'set', header: 'Set' }, { key: 'origin', header: 'From' }],
        rows: res.rules.map((r) => ({ ...r, match: summary(r.match as Record<string, unknown>), set: summary(r.set as Record<string, unknown>) })),
      }, res.rules);
      if (ctx.format === 'table') ctx.io.err(`shipped default rules: ${res.defaultsOn ? 'on' : 'off'}`);
    }));
}

function registerRulesRemove(rules: Command): void {
  rules.command('remove <name>').description('remove one of your rules')
    .addHelpText('after', examples('pocketbook rules remove Coffee'))
    .action(action(async (ctx, name: string) => {
      const { removeRule } = await import('../../app/rules/rules.js');
      removeRule(ctx, name);
      ctx.io.out(`removed rule "${name}"`);
    }));
}

function registerRulesEdit(rules: Command): void {
  rules.command('edit').description('edit your rules as YAML in $EDITOR; an invalid file changes nothing')
    .addHelpText('after', examples('EDITOR=nano pocketbook rules edit'))
    .action(action(async (ctx) => {
      const { editRules } = await import('../../app/rules/rules-edit.js');
      const res = editRules(ctx);
      ctx.io.out(res.unchanged ? 'no changes' : `saved ${res.total} rules`);
    }));
}

function registerRulesExport(rules: Command): void {
  rules.command('export').description('print your rules as YAML')
    .addHelpText('after', examples('pocketbook rules export > rules.yaml'))
    .action(action(async (ctx) => {
      const { exportRules } = await import('../../app/rules/rules.js');
      ctx.io.out(exportRules(ctx));
    }));
}

function registerRulesImport(rules: Command): void {
  rules.command('import <file>').description('add the rules in a YAML file after yours (--replace: instead of yours)')
    .option('--replace', 'replace your rules with the file')
    .addHelpText('after', examples('pocketbook rules import rules.yaml', 'pocketbook rules import rules.yaml --replace'))
    .action(action(async (ctx, file: string, o: { replace?: boolean }) => {
      const { importRules } = await import('../../app/rules/rules.js');
      const res = importRules(ctx, file, Boolean(o.replace));
      ctx.io.out(`imported ${res.added} rules (${res.total} in all)`);
    }));
}

function registerRulesApply(rules: Command): void {
  rules.command('apply').description('re-run rules on rule-derived and uncategorized entries (--all: every entry); hand-set fields stay')
    .option('--all', 'every entry, not only rule-derived and uncategorized ones')
    .addHelpText('after', examples('pocketbook rules apply', 'pocketbook rules apply --all'))
    .action(action(async (ctx, o: { all?: boolean }) => {
      const { runApply } = await import('../../app/rules/rules.js');
      const res = await runApply(ctx, Boolean(o.all));
      if (ctx.format === 'json') ctx.io.out(JSON.stringify({ examined: res.examined, changed: res.changed }));
      else ctx.io.out(`${res.changed} entr${res.changed === 1 ? 'y' : 'ies'} changed (${res.examined} examined)`);
    }));
}

function registerRulesSuggest(rules: Command): void {
  rules.command('suggest').description('propose rules from your hand-made choices (same merchant → same category twice)')
    .option('--yes', 'accept every suggestion')
    .addHelpText('after', examples('pocketbook rules suggest', 'pocketbook rules suggest --yes'))
    .action(action(async (ctx, o: { yes?: boolean }) => {
      const { suggestRules, acceptSuggestions } = await import('../../app/rules/rules-suggest.js');
      const suggestions = suggestRules(ctx);
      if (suggestions.length === 0) {
        ctx.io.out('no suggestions: categorize the same merchant by hand at least twice (`pocketbook tx edit ID --category …`)');
        return;
      }
      const accepted = [];
      for (const s of suggestions) {
        const line = `"${s.rule.name}": merchant ${s.rule.match.merchant} → ${s.rule.set.category} (${s.count} entries by hand)`;
        if (o.yes) accepted.push(s.rule);
        else if (ctx.interactive) {
          const { askKey } = await import('../../app/rules/categorize.js');
          if ((await askKey(`add rule ${line}? [y/n] `, ['y', 'n'])) === 'y') accepted.push(s.rule);
        } else ctx.io.out(`suggested ${line}`);
      }
      if (!o.yes && !ctx.interactive) {
        ctx.io.err('run `pocketbook rules suggest --yes` to add them all');
        return;
      }
      acceptSuggestions(ctx, accepted);
      ctx.io.out(`added ${accepted.length} rule${accepted.length === 1 ? '' : 's'}`);
    }));
}
