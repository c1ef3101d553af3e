/**
 * Dates of a credit-card bill (issue 26 point 7). Pure.
 *
 * - A statement closes on the statement day of each month (账单日); in a shorter month a day past
 *   its end means its last day (31 → 30 April, 28/29 February). A statement dated D covers the day
 *   after the previous statement date up to D (`statementCycle`).
 * - The statement of a day is the last one dated that day or before: the bank issues the bill on
 *   the statement day itself.
 * - The due day (还款日) falls in the statement's own month when it is after the statement day
 *   (statement 5th, due 23rd: 5 Oct → 23 Oct), otherwise in the next month (statement 20th, due 8th:
 *   20 Oct → 8 Nov; the same day means a month later). Again clamped to the month's last day.
 */
import { addMonths } from '../../core/dates.js';
import { dayIn, statementCycle } from '../model.js';

/** The date of the last statement closed on or before `today`. */
export function lastStatementDate(today: string, statementDay: number): string {
  const month = today.slice(0, 7);
  const thisMonth = dayIn(month, statementDay);
  return thisMonth <= today ? thisMonth : dayIn(addMonths(month, -1), statementDay);
}

/** The days a statement dated `statementDate` covers (inclusive). */
export function statementPeriod(statementDate: string, statementDay: number): { from: string; to: string } {
  return statementCycle(statementDate, statementDay);
}

/** The day the bill of the statement dated `statementDate` must be repaid by. */
export function billDueDate(statementDate: string, statementDay: number, dueDay: number): string {
  const month = statementDate.slice(0, 7);
  return dayIn(dueDay > statementDay ? month : addMonths(month, 1), dueDay);
}
