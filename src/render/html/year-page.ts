/**
 * The annual bill (年度账单) as one HTML page, from the model `report year --json` prints: the
 * year's figures, a summary paragraph, month by month (a year in progress stops at this month),
 * categories, rankings, the busiest month and weekday, the largest entries.
 */
import { getLocale } from '../../core/i18n.js';
import { tHtml as t } from '../../core/messages/html.js';
import { monthLabel, shortMonthLabel, yearLabel } from '../../core/period-text.js';
import { currencyExponent, formatMoney } from '../../core/money.js';
import type { YearReport } from '../../reports/year.js';
import { escapeHtml as esc } from '../safe-text.js';
import { donutSvg, monthChartSvg } from './charts.js';
import { htmlPage, section } from './page.js';
import { amountText, changeHtml, figureBox, largestList, percent, rankList } from './parts.js';

const major = (minor: number, currency: string) => minor / 10 ** currencyExponent(currency);

export function yearSummaryText(r: YearReport): string {
  const c = r.currency;
  let text = t('summaryYear', { year: r.year, spending: amountText(r.spending, c), income: amountText(r.income, c) });
  if (r.savingsRate !== null && r.savingsRate > 0) text += t('summaryYearRate', { rate: percent(r.savingsRate) });
  if (r.busiestMonth) text += t('summaryYearBusiest', { month: monthLabel(r.busiestMonth.month) });
  return text + t('summaryEnd');
}

function facts(r: YearReport): string {
  const m = (x: number) => formatMoney(x, r.currency);
  const rows: [string, string][] = [];
  if (r.busiestMonth) rows.push([t('busiestMonth'), `${monthLabel(r.busiestMonth.month)} · ${m(r.busiestMonth.spending)}`]);
  if (r.busiestWeekday) rows.push([t('busiestWeekday'), `${r.busiestWeekday.weekday} · ${m(r.busiestWeekday.spending)}`]);
  if (r.mostFrequentMerchant) rows.push([t('favourite'), `${r.mostFrequentMerchant.name} · ${t('timesAt', { n: r.mostFrequentMerchant.count, amount: m(r.mostFrequentMerchant.amount) })}`]);
  return rows.map(([k, v]) => `<div class="item"><span class="muted">${esc(k)}</span><br><strong>${esc(v)}</strong></div>`).join('');
}

export function yearHtml(r: YearReport, today: string): string {
  const c = r.currency;
  const labels = Array.from({ length: 12 }, (_, i) => shortMonthLabel(`${r.year}-${String(i + 1).padStart(2, '0')}`));
  const shown = r.categories.filter((x) => x.amount > 0);
  const vsYear = t('vsLastYear', { year: r.previousYear.year });
  const body = [
    `<header><h1 data-heading>${esc(t('yearTitle'))}</h1><p>${esc(`${yearLabel(r.year)} · ${c}${r.partial ? ` · ${t('soFar', { date: today })}` : ''}`)}</p></header>`,
    `<section><p class="summary" data-summary>${esc(yearSummaryText(r))}</p><div class="figures">` +
      figureBox({ key: 'spending', label: t('spending'), minor: r.spending, currency: c, note: `<br>${changeHtml(r.vsPreviousYear.spending)} <span class="muted">${esc(vsYear)}</span>` }) +
      figureBox({ key: 'income', label: t('income'), minor: r.income, currency: c, note: `<br>${changeHtml(r.vsPreviousYear.income, true)} <span class="muted">${esc(vsYear)}</span>` }) +
      figureBox({ key: 'net', label: t('netSaved'), minor: r.net, currency: c }) +
      figureBox({ key: 'savings-rate', label: t('savingsRate'), text: r.savingsRate === null ? '—' : percent(r.savingsRate), currency: c }) +
      `</div></section>`,
    r.months.some((x) => x.spending !== 0 || x.income !== 0)
      ? section(t('monthByMonth'), monthChartSvg({
          labels, bars: r.months.map((x) => major(x.spending, c)), line: r.months.map((x) => major(x.income, c)), names: { bars: t('spending'), line: t('income') },
        }))
      : '',
    shown.length
      ? section(t('categories'), `<div class="split">${donutSvg(shown.map((x) => ({ name: x.name, share: x.share ?? 0 })), { big: formatMoney(r.spending, c), small: t('spending') })}${rankList(r.categories, c, { figure: 'category', dots: true })}</div>`)
      : '',
    `<div class="grid2">${section(t('merchants'), rankList(r.merchants, c, { figure: 'merchant' }))}${section(t('channels'), rankList(r.channels, c, { figure: 'channel', bar: true }))}</div>`,
    section(yearLabel(r.year), facts(r)),
    section(t('largest'), largestList(r.largest, c)),
    `<footer>${esc(t('generated', { date: today }))}</footer>`,
  ];
  return htmlPage({ lang: getLocale(), title: `${t('yearTitle')} ${yearLabel(r.year)}`, body: body.filter(Boolean).join('\n') });
}
