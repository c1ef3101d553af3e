/** Account fields as the user writes them (`account add`, `account edit`): checked and converted, or a one-line error. */
import { PocketbookError } from '../../core/errors.js';
import { isCurrencyCode, parseUserAmount } from '../../core/money.js';
import { ACCOUNT_TYPES, type AccountType, isAccountType } from '../../core/types.js';
import { tAccount as t } from '../../core/messages/cli-account.js';
import { tAccountEdit as te } from '../../core/messages/account-edit.js';

export function parseAccountType(text: string | undefined): AccountType {
  if (!text || !isAccountType(text)) throw new PocketbookError('BAD_INPUT', t('typeOneOf', { types: ACCOUNT_TYPES.join(', ') }));
  return text;
}

export function parseCurrency(text: string): string {
  const currency = text.toUpperCase();
  if (!isCurrencyCode(currency)) throw new PocketbookError('BAD_INPUT', t('notCurrency', { currency: text }), { hint: t('useIso') });
  return currency;
}

/** The last 4 digits of a card or account number (spaces and dashes allowed). */
export function parseNumberSuffix(text: string): string {
  const digits = text.replace(/[\s-]/g, '');
  if (!/^\d{4,}$/.test(digits)) throw new PocketbookError('BAD_INPUT', t('suffixDigits', { suffix: text }));
  return digits.slice(-4);
}

/** A credit limit in minor units of `currency`, never negative. */
export function parseCreditLimit(text: string, currency: string): number {
  const limit = parseUserAmount(text, currency);
  if (limit < 0) throw new PocketbookError('BAD_INPUT', t('limitNegative'));
  return limit;
}

/** A day of the month, 1 to 31 (`flag` names the option in the error). */
export function parseMonthDay(text: string, flag: '--statement-day' | '--due-day'): number {
  const day = Number(text);
  if (!/^\d{1,2}$/.test(text.trim()) || day < 1 || day > 31) {
    throw new PocketbookError('BAD_INPUT', flag === '--statement-day' ? t('statementDay', { day: text }) : te('badDay', { flag, day: text }));
  }
  return day;
}
