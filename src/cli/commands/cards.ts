/**
 * Registers `pocketbook cards` (issue 26 point 7): the bills view is the command's own action, so a
 * subcommand (`cards best`, added by one line `registerCardsBest(cards)`) can sit under it.
 */
import type { Command } from 'commander';
import { action, examples } from '../runtime.js';
import { printTable } from '../print-table.js';
import { tCliHelp } from '../../core/messages/cli-help.js';
import { tBills as t } from '../../core/messages/bills.js';
import type { Bill } from '../../app/perks/bills.js';
import { formatMoney, parseUserAmount } from '../../core/money.js';
import { registerCardsBest } from './cards-best.js';

export function register(program: Command): void {
  const cards = program
    .command('cards')
    .description(tCliHelp('cards'))
    .option('--exit-code', t('optExitCode'))
    .addHelpText('after', examples({
      en: ['pocketbook cards', 'pocketbook cards --json | jq \'.bills[] | select(.status != "paid") | {account, due_date, left_to_pay}\'', 'pocketbook cards --exit-code || notify-send "card bill due"'],
      zh: ['pocketbook cards', 'pocketbook cards --json | jq \'.bills[] | select(.status != "paid") | {account, due_date, left_to_pay}\'', 'pocketbook cards --exit-code || notify-send "信用卡快到还款日了"'],
    }))
    .action(
      action(async (ctx, opts: { exitCode?: boolean }) => {
        const { cardBills } = await import('../../app/perks/bills.js');
        const v = cardBills(ctx);
        if (ctx.format === 'table' && v.bills.length === 0) ctx.io.out(t('noCards'));
        else await printTable(ctx, { title: t('title', { today: v.today }), columns: COLUMNS(), rows: v.bills.map(billRow) }, v);
        if (ctx.format === 'table') for (const note of billNotes(v.bills)) ctx.io.out(note);
        return opts.exitCode && v.due_soon.length > 0 ? 3 : 0;
      }),
    );
  registerCardsBest(cards);
}

const COLUMNS = () => [
  { key: 'account', header: t('colAccount') }, { key: 'statement_day', header: t('colStatementDay') }, { key: 'period', header: t('colPeriod') },
  { key: 'statement_balance', header: t('colBalance'), numeric: true }, { key: 'due_date', header: t('colDueDate') },
  { key: 'repaid', header: t('colRepaid'), numeric: true }, { key: 'left_to_pay', header: t('colLeft'), numeric: true },
  { key: 'days_left', header: t('colDaysLeft'), numeric: true }, { key: 'status', header: t('colStatus') },
];

const STATUS = { paid: 'statusPaid', due: 'statusDue', overdue: 'statusOverdue' } as const;

/** A decimal string of the JSON ("5167.70") as the other tables show money ("5,167.70"). */
const shown = (amount: string | null, currency: string): string => (amount === null ? '' : formatMoney(parseUserAmount(amount, currency), currency));

function billRow(b: Bill): Record<string, string> {
  const days = b.days_left === null ? '' : b.days_left < 0 ? t('daysOverdue', { n: -b.days_left }) : t('days', { n: b.days_left });
  return {
    account: b.account,
    statement_day: b.statement_day === null ? '' : t('dayOfMonth', { day: b.statement_day }),
    period: b.period ? t('period', b.period) : '',
    statement_balance: shown(b.statement_balance, b.currency),
    due_date: b.due_date ?? (b.statement_date ? t('noDueDay') : ''),
    repaid: shown(b.repaid, b.currency),
    left_to_pay: shown(b.left_to_pay, b.currency),
    days_left: days,
    status: b.status ? t(STATUS[b.status]) : t('statusUnknown'),
  };
}

/** What the table's figures mean, and how to set what is missing. */
function billNotes(bills: readonly Bill[]): string[] {
  const names = (basis: Bill['basis']) => bills.filter((b) => b.basis === basis).map((b) => t('quoted', { name: b.account })).join(t('listSeparator'));
  const notes: string[] = [];
  if (names('new_charges')) notes.push(t('basisNewCharges', { names: names('new_charges') }));
  if (names('balance')) notes.push(t('basisBalance', { names: names('balance') }));
  if (bills.some((b) => b.statement_date !== null)) notes.push(t('repaidNote'));
  for (const b of bills) {
    if (b.missing.includes('statement_day')) notes.push(t('setStatementDay', { name: b.account }));
    else if (b.missing.includes('due_day')) notes.push(t('setDueDay', { name: b.account }));
  }
  return notes;
}
