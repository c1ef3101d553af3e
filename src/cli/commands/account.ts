import type { Command } from 'commander';
import { action, examples } from '../runtime.js';
import { printTable } from '../print-table.js';
import { registerAccountAlias } from './account-alias.js';
import { tCliHelp } from '../../core/messages/cli-help.js';
import { tAccount as t } from '../../core/messages/cli-account.js';
import { tAccountEdit as te } from '../../core/messages/account-edit.js';

interface AddOptions {
  type?: string;
  institution?: string;
  currency?: string;
  numberSuffix?: string;
  creditLimit?: string;
  statementDay?: string;
}

/** Registers `pocketbook account`. */
export function register(program: Command): void {
  const account = program
    .command('account')
    .description(tCliHelp('account'))
    .addHelpText('after', examples({ en: ['pocketbook account add "CMB Card" --type credit --number-suffix 8842 --credit-limit 50000', 'pocketbook account list --json'], zh: ['pocketbook account add "招行信用卡" --type credit --number-suffix 8842 --credit-limit 50000', 'pocketbook account list --json'] }));

  registerAccountAdd(account);

  registerAccountList(account);

  registerAccountShow(account);

  registerAccountRename(account);

  registerAccountEdit(account);

  registerAccountRemove(account);

  registerBalanceCommands(account);

  registerAccountAlias(account);
}

// ── Balances (issue 27): `account reconcile`, `account set-balance` ─────────────────────────────

function registerBalanceCommands(account: Command): void {
  account
    .command('reconcile <name>')
    .description(t('reconcile'))
    .addHelpText('after', examples({ en: ['pocketbook account reconcile "ING Giro"', 'pocketbook account reconcile Cash --json'], zh: ['pocketbook account reconcile "工行储蓄卡"', 'pocketbook account reconcile 现金 --json'] }))
    .action(
      action(async (ctx, name: string) => {
        const { reconcileView } = await import('../../app/accounts/account-balances.js');
        const v = reconcileView(ctx, name);
        if (ctx.format === 'table' && v.currencies.length === 0) {
          ctx.io.out(t('noCheckpoints', { account: v.account }));
          return 0;
        }
        const rows = v.currencies.flatMap((c) => c.checkpoints.map(({ reconciled: _r, ...x }) => ({ ...x, currency: c.currency, ok: x.ok === null ? t('notReconciled') : x.ok ? t('ok') : t('mismatch') })));
        await printTable(
          ctx,
          {
            columns: [
              { key: 'date', header: t('colDate') }, { key: 'kind', header: t('colKind') }, { key: 'source', header: t('colSource') }, { key: 'currency', header: t('colCur') },
              { key: 'expected', header: t('colExpected'), numeric: true }, { key: 'computed', header: t('colComputed'), numeric: true },
              { key: 'difference', header: t('colDifference'), numeric: true }, { key: 'ok', header: t('colOk') },
            ],
            rows,
          },
          v,
        );
      }),
    );

  account
    .command('set-balance <name> <amount>')
    .description(t('setBalance'))
    .requiredOption('--date <date>', t('optDate'))
    .addHelpText('after', examples({ en: ['pocketbook account set-balance Cash 320.50 --date 2026-11-01', 'pocketbook account set-balance "CMB Card" -1250.00 --date 2026-10-31'], zh: ['pocketbook account set-balance 现金 320.50 --date 2026-11-01', 'pocketbook account set-balance "招行信用卡" -1250.00 --date 2026-10-31'] }))
    .action(
      action(async (ctx, name: string, amount: string, opts: { date?: string }) => {
        const { setBalance } = await import('../../app/accounts/account-balances.js');
        const r = setBalance(ctx, name, amount, opts.date);
        if (ctx.format === 'json') ctx.io.out(JSON.stringify(r, null, 2));
        else ctx.io.out(t('balanceSet', { account: r.account, date: r.date, amount: r.amount, currency: r.currency, status: r.status }));
      }),
    );
}

function registerAccountAdd(account: Command): void {
  account
    .command('add <name>')
    .description(t('add'))
    .requiredOption('--type <type>', 'checking | savings | credit | wallet | cash')
    .option('--institution <name>', t('optInstitution'))
    .option('--currency <code>', t('optCurrency'))
    .option('--number-suffix <digits>', t('optNumberSuffix'))
    .option('--credit-limit <amount>', t('optCreditLimit'))
    .option('--statement-day <day>', t('optStatementDay'))
    .addHelpText('after', examples({ en: ['pocketbook account add "CMB Card" --type credit --institution CMB --number-suffix 8842 --credit-limit 50000 --statement-day 5', 'pocketbook account add Cash --type cash --currency CNY'], zh: ['pocketbook account add "招行信用卡" --type credit --institution 招商银行 --number-suffix 8842 --credit-limit 50000 --statement-day 5', 'pocketbook account add 现金 --type cash --currency CNY'] }))
    .action(
      action(async (ctx, name: string, opts: AddOptions) => {
        const { addAccount } = await import('../../app/accounts/accounts.js');
        const added = addAccount(ctx, { name, ...opts });
        if (ctx.format === 'json') ctx.io.out(JSON.stringify(added, null, 2));
        else ctx.io.out(t('added', { name: added.name, type: added.type, currency: added.currency, suffix: added.number_suffix ? `, ••${added.number_suffix}` : '' }));
      }),
    );
}

function registerAccountList(account: Command): void {
  account
    .command('list')
    .description(t('list'))
    .option('--as-of <date>', t('optAsOf'))
    .addHelpText('after', examples('pocketbook account list', 'pocketbook account list --as-of 2025-12-31', 'pocketbook account list --format csv'))
    .action(
      action(async (ctx, opts: { asOf?: string }) => {
        const { listAccountViews } = await import('../../app/accounts/accounts.js');
        const views = listAccountViews(ctx, opts);
        if (views.length === 0 && ctx.format === 'table') {
          ctx.io.out(t('noAccounts'));
          return;
        }
        await printTable(
          ctx,
          {
            columns: [
              { key: 'name', header: t('colAccount') }, { key: 'type', header: t('colType') }, { key: 'institution', header: t('colInstitution') },
              { key: 'number', header: t('colNumber') }, { key: 'currency', header: t('colCur') }, { key: 'entries', header: t('colEntries'), numeric: true },
              { key: 'balance', header: t('colNet'), numeric: true },
              { key: 'balance_as_of', header: t('colBalance', { date: views[0]?.as_of ?? '' }).trim(), numeric: true },
              { key: 'owed', header: t('colOwed'), numeric: true }, { key: 'range', header: t('colDates') },
            ],
            // One line per currency an account's entries are in: amounts of two currencies are never added.
            rows: views.flatMap(({ balances, ...v }) => {
              const line = { ...v, number: v.number_suffix ? `••${v.number_suffix}` : '', range: v.first_date ? `${v.first_date} … ${v.last_date}` : '' };
              if (balances.length <= 1) return [line];
              return balances.map((b) => ({ ...line, currency: b.currency, entries: b.entries, balance: b.balance, balance_as_of: b.balance_as_of, owed: b.owed }));
            }),
          },
          views,
        );
      }),
    );
}

function registerAccountShow(account: Command): void {
  account
    .command('show <name>')
    .description(t('show'))
    .option('--as-of <date>', t('optAsOfOne'))
    .addHelpText('after', examples({ en: ['pocketbook account show "CMB Card"', 'pocketbook account show Checking --as-of 2025-12-31 --json'], zh: ['pocketbook account show "招行信用卡"', 'pocketbook account show 工行储蓄卡 --as-of 2025-12-31 --json'] }))
    .action(
      action(async (ctx, name: string, opts: { asOf?: string }) => {
        const { showAccount } = await import('../../app/accounts/accounts.js');
        const v = showAccount(ctx, name, opts);
        const text = (value: unknown): string =>
          value === null ? '' : Array.isArray(value) ? v.balances.map((b) => t('balanceText', { balance: b.balance, currency: b.currency, entries: b.entries, date: v.as_of, asOf: String(b.balance_as_of), owed: b.owed !== null ? t('owedText', { owed: b.owed }) : '' })).join('; ') : String(value);
        const rows = Object.entries(v).map(([field, value]) => ({ field, value: text(value) }));
        await printTable(ctx, { columns: [{ key: 'field', header: t('colField') }, { key: 'value', header: t('colValue') }], rows }, v);
      }),
    );
}

function registerAccountRename(account: Command): void {
  account
    .command('rename <name> <new-name>')
    .description(t('rename'))
    .addHelpText('after', examples({ en: ['pocketbook account rename "CMB Card" "CMB Visa"'], zh: ['pocketbook account rename "招行信用卡" "招行经典白金卡"'] }))
    .action(
      action(async (ctx, name: string, newName: string) => {
        const { renameAccountByName } = await import('../../app/accounts/accounts.js');
        const r = renameAccountByName(ctx, name, newName);
        ctx.io.out(t('renamed', { from: r.from, to: r.to }));
      }),
    );
}

const FIELD_LABELS = {
  name: 'fieldName', type: 'fieldType', institution: 'fieldInstitution', currency: 'fieldCurrency', number_suffix: 'fieldSuffix',
  credit_limit: 'fieldLimit', statement_day: 'fieldStatementDay', due_day: 'fieldDueDay',
} as const;

function registerAccountEdit(account: Command): void {
  account
    .command('edit <name>')
    .description(te('edit'))
    .option('--name <new-name>', te('optName'))
    .option('--type <type>', te('optType'))
    .option('--currency <code>', te('optCurrency'))
    .option('--number-suffix <digits>', te('optSuffix'))
    .option('--credit-limit <amount>', te('optLimit'))
    .option('--statement-day <day>', te('optStatementDay'))
    .option('--due-day <day>', te('optDueDay'))
    .option('--institution <name>', te('optInstitution'))
    .addHelpText('after', examples({
      en: ['pocketbook account edit "CMB Credit Card" --statement-day 5 --due-day 23', 'pocketbook account edit "CMB 8842" --type credit --credit-limit 50000 --institution CMB', 'pocketbook account edit Cash --currency EUR', 'pocketbook account edit "PA Card" --due-day none --json'],
      zh: ['pocketbook account edit "招行信用卡" --statement-day 5 --due-day 23', 'pocketbook account edit "招商银行 8842" --type credit --credit-limit 50000 --institution 招商银行', 'pocketbook account edit 现金 --currency HKD', 'pocketbook account edit "平安信用卡" --due-day none --json'],
    }))
    .action(
      action(async (ctx, name: string, opts: Record<string, string | undefined>) => {
        const { editAccount } = await import('../../app/accounts/account-edit.js');
        const r = editAccount(ctx, name, opts);
        if (ctx.format === 'json') return void ctx.io.out(JSON.stringify(r, null, 2));
        if (r.changes.length === 0) ctx.io.out(te('unchanged', { name: r.name }));
        else {
          ctx.io.out(te('updated', { name: r.name }));
          const value = (v: string | number | null) => (v === null ? te('none') : String(v));
          for (const c of r.changes) ctx.io.out(te('changeLine', { field: te(FIELD_LABELS[c.field]), from: value(c.from), to: value(c.to) }));
        }
        for (const note of r.notes) ctx.io.err(note);
      }),
    );
}

function registerAccountRemove(account: Command): void {
  account
    .command('remove <name>')
    .description(t('remove'))
    .option('--force', t('optForce'))
    .addHelpText('after', examples({ en: ['pocketbook account remove "Old Card"', 'pocketbook account remove "Old Card" --force'], zh: ['pocketbook account remove "旧信用卡"', 'pocketbook account remove "旧信用卡" --force'] }))
    .action(
      action(async (ctx, name: string, opts: { force?: boolean }) => {
        const { removeAccount } = await import('../../app/accounts/accounts.js');
        const r = removeAccount(ctx, name, Boolean(opts.force));
        ctx.io.out(r.entries ? t('removedWith', { name: r.name, entries: r.entries, batches: r.batches }) : t('removed', { name: r.name }));
      }),
    );
}
