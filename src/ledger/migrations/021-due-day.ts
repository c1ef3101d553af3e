/**
 * Migration 21 (issue 26 points 1 and 7): a credit card's payment due day. `due_day` is the day of
 * the month the bill of a statement must be repaid by (还款日): in the statement's own month when it
 * falls after the statement day, else in the next month (reports/perks/bill-dates.ts). NULL until
 * `account edit NAME --due-day N`.
 * Frozen: plain SQL only, no live code.
 */

export const version = 21;
export const name = 'account due day';

export const sql = `
ALTER TABLE accounts ADD COLUMN due_day INTEGER CHECK (due_day BETWEEN 1 AND 31);
`;
