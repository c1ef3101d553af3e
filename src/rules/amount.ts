/**
 * Amount conditions of rules: "< 0", ">= 100", "= 9.90", "-500..-100" (inclusive). Bounds are
 * decimal text in the major unit, compared exactly against integer minor units.
 */
import { currencyExponent } from '../core/money.js';
import { tErrorsRules as tR } from '../core/messages/errors-rules.js';

export interface AmountCondition {
  /** Test an amount in minor units of the given currency. */
  test(minor: number, currency: string): boolean;
}

/** Up to 4 decimals, as an integer count of 1/10000 units. */
const SCALE = 4;

function parseDecimal(text: string, whole: string): number {
  const m = /^([+-]?)(\d+)(?:\.(\d{1,4}))?$/.exec(text.trim());
  if (!m) throw new Error(tR('amountNumber', { whole, text: text.trim() }));
  const value = Number(m[2]) * 10 ** SCALE + Number((m[3] ?? '').padEnd(SCALE, '0'));
  return m[1] === '-' ? -value : value;
}

/** Parse a condition; throws an Error with a readable message when it is malformed. */
export function parseAmountCondition(text: string): AmountCondition {
  const src = text.trim();
  let lo = -Infinity;
  let hi = Infinity;
  let loOpen = false;
  let hiOpen = false;
  const range = /^(.+?)\s*\.\.\s*(.+)$/.exec(src);
  const cmp = /^(<=|>=|<|>|=|==)\s*(.+)$/.exec(src);
  if (range) {
    lo = parseDecimal(range[1]!, src);
    hi = parseDecimal(range[2]!, src);
    if (lo > hi) throw new Error(tR('amountBounds', { whole: src }));
  } else if (cmp) {
    const v = parseDecimal(cmp[2]!, src);
    if (cmp[1] === '<') [hi, hiOpen] = [v, true];
    else if (cmp[1] === '<=') hi = v;
    else if (cmp[1] === '>') [lo, loOpen] = [v, true];
    else if (cmp[1] === '>=') lo = v;
    else [lo, hi] = [v, v];
  } else {
    const v = parseDecimal(src, src);
    [lo, hi] = [v, v];
  }
  const factors = new Map<number, number>();
  return {
    test(minor, currency) {
      const exp = currencyExponent(currency);
      let f = factors.get(exp);
      if (f === undefined) {
        f = 10 ** (SCALE - exp);
        factors.set(exp, f);
      }
      const v = minor * f;
      return (loOpen ? v > lo : v >= lo) && (hiOpen ? v < hi : v <= hi);
    },
  };
}
