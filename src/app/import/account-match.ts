/**
 * Whether a statement can belong to an account its number suffix points at (issue 22 point 3):
 * a suffix match never crosses currencies or institutions. Only what the statement itself says
 * counts: its declared currency (OFX CURDEF) and its institution (OFX FI/ORG, a built-in bank
 * layout); an account that records no institution fits any. Pure.
 */
import type { AccountHint } from '../../core/types.js';
import type { Account } from '../../ledger/accounts.js';
import { tAppImport as say } from '../../core/messages/app-import.js';

/** Words that name no institution in particular ("Bank of America" and "Chase Bank" share only "bank"). */
const GENERIC = new Set([
  'bank', 'banking', 'card', 'cards', 'credit', 'debit', 'the', 'of', 'and', 'na', 'n', 'a', 'co', 'corp', 'inc', 'ltd', 'plc',
  'financial', 'services', 'fsb', 'group', 'ag', 'sa', 'se', 'nv', 'gmbh', 'us', 'usa', 'china', '银行', '信用卡',
]);

function words(name: string): Set<string> {
  return new Set(name.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '' && !GENERIC.has(w)));
}

/** A multi-word name's initials (`China Merchants Bank` → cmb, `Bank of China` → boc, `Industrial and Commercial Bank of China` → icbc). */
function initials(name: string): Set<string> {
  const all = name.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');
  if (all.length < 2 || !all.every((w) => /^[a-z]/.test(w))) return new Set();
  const skip = (drop: string[]) => all.filter((w) => !drop.includes(w)).map((w) => w[0]).join('');
  return new Set([skip([]), skip(['and', 'the']), skip(['and', 'the', 'of'])].filter((i) => i.length >= 3));
}

const meets = (a: Set<string>, b: Set<string>): boolean => [...a].some((w) => b.has(w));

/** Do two institution names name the same one? (`CMB` and `CMB 招商银行`, `招商银行` and `招商银行信用卡`, `China Merchants Bank` and `CMB`.) */
export function sameInstitution(a: string, b: string): boolean {
  const x = a.toLowerCase().replace(/\s+/g, '');
  const y = b.toLowerCase().replace(/\s+/g, '');
  if (x === '' || y === '') return true;
  if (x.includes(y) || y.includes(x)) return true;
  const [wa, wb] = [words(a), words(b)];
  return meets(wa, wb) || meets(initials(a), wb) || meets(initials(b), wa);
}

/** Why the statement cannot be this account's, or undefined when it can. */
export function mismatch(account: Account, hint: AccountHint): string | undefined {
  if (hint.currency && hint.currency !== account.currency) return say('otherCurrency', { statement: hint.currency, name: account.name, account: account.currency });
  if (hint.institution && account.institution && !sameInstitution(hint.institution, account.institution)) {
    return say('otherBank', { statement: hint.institution, name: account.name, account: account.institution });
  }
  return undefined;
}
