import type { Command } from 'commander';
import { action, examples } from '../runtime.js';
import { printTable } from '../print-table.js';
import { registerAccountAlias } from './account-alias.js';

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
    .description('add, list, show, rename and remove accounts')
    .addHelpText('after', examples('pocketbook account add "CMB Card" --type credit --number-suffix 8842 --credit-limit 50000', 'pocketbook account list --json'));

  registerAccountAdd(account);

  registerAccountList(account);

  registerAccountShow(account);

  registerAccountRename(account);

  registerAccountRemove(account);

  registerBalanceCommands(account);

  registerAccountAlias(account);
}

// ── Balances (issue 27): `account reconcile`, `account set-balance` ─────────────────────────────

function registerBalanceCommands(account: Command): void {
  account
    .command('reconcile <name>')
    .description("the account's balance checkpoints (statements, set-balance) against the balances its entries give")
    .addHelpText('after', examples('pocketbook account reconcile "ING Giro"', 'pocketbook account reconcile Cash --json'))
    .action(
      action(async (ctx, name: string) => {
        const { reconcileView } = await import('../../app/accounts/account-balances.js');
        const v = reconcileView(ctx, name);
        if (ctx.format === 'table' && v.currencies.length === 0) {
          ctx.io.out(`"${v.account}" has no balance checkpoints (import a statement with balances, or \`pocketbook account set-balance\`)`);
          return 0;
        }
        const rows = v.currencies.flatMap((c) => c.checkpoints.map(({ reconciled: _r, ...x }) => ({ ...x, currency: c.currency, ok: x.ok === null ? 'not reconciled' : x.ok ? 'ok' : 'MISMATCH' })));
        await printTable(
          ctx,
          {
            columns: [
              { key: 'date', header: 'Date' }, { key: 'kind', header: 'Kind' }, { key: 'source', header: 'Source' }, { key: 'currency', header: 'Cur' },
              { key: 'expected', header: 'Expected', numeric: true }, { key: 'computed', header: 'Computed', numeric: true },
              { key: 'difference', header: 'Difference', numeric: true }, { key: 'ok', header: 'OK' },
            ],
            rows,
          },
          v,
        );
      }),
    );

  account
    .command('set-balance <name> <amount>')
    .description("record what the account held at the end of a day (holder's view: a card owed is negative)")
    .requiredOption('--date <date>', 'the day (YYYY-MM-DD) whose closing balance this is')
    .addHelpText('after', examples('pocketbook account set-balance Cash 320.50 --date 2026-11-01', 'pocketbook account set-balance "CMB Card" -1250.00 --date 2026-10-31'))
    .action(
      action(async (ctx, name: string, amount: string, opts: { date?: string }) => {
        const { setBalance } = await import('../../app/accounts/account-balances.js');
        const r = setBalance(ctx, name, amount, opts.date);
        if (ctx.format === 'json') ctx.io.out(JSON.stringify(r, null, 2));
        else ctx.io.out(`balance of "${r.account}" at the end of ${r.date}: ${r.amount} ${r.currency} (reconciliation: ${r.status})`);
      }),
    );
}

function registerAccountAdd(account: Command): void {
  account
    .command('add <name>')
    .description('add an account')
    .requiredOption('--type <type>', 'checking | savings | credit | wallet | cash')
    .option('--institution <name>', 'bank or provider')
    .option('--currency <code>', 'ISO 4217 currency (default: the currency setting)')
    .option('--number-suffix <digits>', 'last 4 digits of the account or card number (matches statements)')
    .option('--credit-limit <amount>', 'credit limit (credit cards)')
    .option('--statement-day <day>', 'day of the month the statement closes')
    .addHelpText('after', examples('pocketbook account add "CMB Card" --type credit --institution CMB --number-suffix 8842 --credit-limit 50000 --statement-day 5', 'pocketbook account add Cash --type cash --currency CNY'))
    .action(
      action(async (ctx, name: string, opts: AddOptions) => {
        const { addAccount } = await import('../../app/accounts/accounts.js');
        const added = addAccount(ctx, { name, ...opts });
        if (ctx.format === 'json') ctx.io.out(JSON.stringify(added, null, 2));
        else ctx.io.out(`added account "${added.name}" (${added.type}, ${added.currency}${added.number_suffix ? `, ••${added.number_suffix}` : ''})`);
      }),
    );
}

function registerAccountList(account: Command): void {
  account
    .command('list')
    .description('list accounts with entry counts and balances (real money as of a day; credit cards as money owed)')
    .option('--as-of <date>', 'balances at the end of this day, YYYY-MM-DD (default today)')
    .addHelpText('after', examples('pocketbook account list', 'pocketbook account list --as-of 2025-12-31', 'pocketbook account list --format csv'))
    .action(
      action(async (ctx, opts: { asOf?: string }) => {
        const { listAccountViews } = await import('../../app/accounts/accounts.js');
        const views = listAccountViews(ctx, opts);
        if (views.length === 0 && ctx.format === 'table') {
          ctx.io.out('no accounts yet (add one with `pocketbook account add`, or import a statement)');
          return;
        }
        await printTable(
          ctx,
          {
            columns: [
              { key: 'name', header: 'Account' }, { key: 'type', header: 'Type' }, { key: 'institution', header: 'Institution' },
              { key: 'number', header: 'Number' }, { key: 'currency', header: 'Cur' }, { key: 'entries', header: 'Entries', numeric: true },
              { key: 'balance', header: 'Net', numeric: true },
              { key: 'balance_as_of', header: `Balance ${views[0]?.as_of ?? ''}`.trim(), numeric: true },
              { key: 'owed', header: 'Owed', numeric: true }, { key: 'range', header: 'Dates' },
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
    .description('show one account (balance_as_of: real money at the end of --as-of; owed: what a credit card owes)')
    .option('--as-of <date>', 'the balance at the end of this day, YYYY-MM-DD (default today)')
    .addHelpText('after', examples('pocketbook account show "CMB Card"', 'pocketbook account show Checking --as-of 2025-12-31 --json'))
    .action(
      action(async (ctx, name: string, opts: { asOf?: string }) => {
        const { showAccount } = await import('../../app/accounts/accounts.js');
        const v = showAccount(ctx, name, opts);
        const text = (value: unknown): string =>
          value === null ? '' : Array.isArray(value) ? v.balances.map((b) => `${b.balance} ${b.currency} (${b.entries}; as of ${v.as_of}: ${b.balance_as_of}${b.owed !== null ? `, owed ${b.owed}` : ''})`).join('; ') : String(value);
        const rows = Object.entries(v).map(([field, value]) => ({ field, value: text(value) }));
        await printTable(ctx, { columns: [{ key: 'field', header: 'Field' }, { key: 'value', header: 'Value' }], rows }, v);
      }),
    );
}

function registerAccountRename(account: Command): void {
  account
    .command('rename <name> <new-name>')
    .description('rename an account')
    .addHelpText('after', examples('pocketbook account rename "CMB Card" "CMB Visa"'))
    .action(
      action(async (ctx, name: string, newName: string) => {
        const { renameAccountByName } = await import('../../app/accounts/accounts.js');
        const r = renameAccountByName(ctx, name, newName);
        ctx.io.out(`renamed account "${r.from}" to "${r.to}"`);
      }),
    );
}

function registerAccountRemove(account: Command): void {
  account
    .command('remove <name>')
    .description('remove an account (refuses while it holds entries, unless --force)')
    .option('--force', 'also delete its entries and import batches')
    .addHelpText('after', examples('pocketbook account remove "Old Card"', 'pocketbook account remove "Old Card" --force'))
    .action(
      action(async (ctx, name: string, opts: { force?: boolean }) => {
        const { removeAccount } = await import('../../app/accounts/accounts.js');
        const r = removeAccount(ctx, name, Boolean(opts.force));
        ctx.io.out(`removed account "${r.name}"${r.entries ? ` with ${r.entries} entries and ${r.batches} import batches` : ''}`);
      }),
    );
}
