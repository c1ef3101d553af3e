/**
 * The year of a statement whose rows print no year (`4月30日`, `28 Dec`): the last date its
 * period names, in the file name (`statement-2021-05.csv`, `明细(20201122-20201214).csv`) or a
 * preamble line (`Statement period: 01/05/2021 - 31/05/2021`, `2026年4月`, `Mai 2021`). The layout
 * code passes it as the anchor of parseYearlessDate (csv-row's `yearAnchor`). Pure.
 */
import { isValidDate, monthEnd } from './dates.js';
import { monthFromName } from './month-names.js';

const pad = (n: number) => String(n).padStart(2, '0');

function iso(year: number, month: number, day: number): string | undefined {
  return year >= 1900 && year <= 2200 && isValidDate(year, month, day) ? `${year}-${pad(month)}-${pad(day)}` : undefined;
}

/** Every date or month a text names, as the last ISO day it covers. */
function datesIn(text: string): string[] {
  const found: string[] = [];
  const add = (d: string | undefined) => d && found.push(d);
  // 2021-05-31, 2021/5/31, 2021.05.31, 2021年5月31日, 20210531
  for (const m of text.matchAll(/(?<!\d)(\d{4})(?:([-/.年])(\d{1,2})[-/.月](\d{1,2})日?|(\d{2})(\d{2}))(?!\d)/g)) {
    add(m[2] ? iso(Number(m[1]), Number(m[3]), Number(m[4])) : iso(Number(m[1]), Number(m[5]), Number(m[6])));
  }
  // 31.05.2021, 31/05/2021 (day-first, the common order outside the US) only when the day is above 12
  // or the month field cannot be a day: otherwise both orders are tried and the later one is kept.
  for (const m of text.matchAll(/(?<!\d)(\d{1,2})[./-](\d{1,2})[./-](\d{4})(?!\d)/g)) {
    const [a, b, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const options = [iso(y, b, a), iso(y, a, b)].filter((d): d is string => d !== undefined);
    if (options.length > 0) found.push(options.sort().at(-1)!);
  }
  // 2026年4月, 2021-05 (a month): its last day
  for (const m of text.matchAll(/(?<!\d)(\d{4})(?:年|[-_/.])(\d{1,2})(?:月|(?!\d|[/.-]\d))/g)) {
    const month = Number(m[2]);
    if (month >= 1 && month <= 12 && Number(m[1]) >= 1900) found.push(monthEnd(`${m[1]}-${pad(month)}`));
  }
  // May 2021, Mai 2021, décembre 2020
  for (const m of text.matchAll(/([A-Za-z\u00C0-\u00FF]{3,})\.?\s+(\d{4})(?!\d)/g)) {
    const month = monthFromName(m[1]!);
    if (month !== undefined && Number(m[2]) >= 1900) found.push(monthEnd(`${m[2]}-${pad(month)}`));
  }
  return found;
}

/** The last day a statement's file name and preamble lines name, or undefined when they name none. */
export function statementAnchor(fileName: string, preamble: readonly string[] = []): string | undefined {
  const base = fileName.replace(/^.*[/\\]/, '');
  const all = [base, ...preamble].flatMap(datesIn);
  return all.length === 0 ? undefined : all.sort().at(-1);
}
