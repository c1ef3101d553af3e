/**
 * Date text as printed, made plain before a format reads it: full-width digits and Japanese era
 * years. Pure.
 */

/** Full-width digits and punctuation (`２０２６／０４／３０`) as ASCII. */
export function halfWidth(text: string): string {
  const ascii = /[\uFF01-\uFF5E\u3000]/.test(text)
    ? text.replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ')
    : text;
  return westernYear(ascii);
}

/** Japanese era years (`令和2年5月6日`, `R02.05.06`, `H31/4/30`, `平成元年`) as western years: 2020年5月6日. */
const ERAS: Record<string, number> = { 令和: 2018, R: 2018, 平成: 1988, H: 1988, 昭和: 1925, S: 1925 };
const ERA_RE = /^\s*(令和|平成|昭和|[RHS])\s*(元|\d{1,2})\s*([年./-])/;

function westernYear(text: string): string {
  const m = ERA_RE.exec(text);
  if (!m) return text;
  const year = ERAS[m[1]!]! + (m[2] === '元' ? 1 : Number(m[2]));
  return `${year}${m[3]}${text.slice(m[0].length)}`;
}

