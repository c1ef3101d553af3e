/**
 * The month report as one HTML page (消费月报), built from the same model `report month --json`
 * prints: headline figures, a summary paragraph, the category donut, rankings, the six-month
 * trend, card cycles, budgets, benefits, badges and the largest entries.
 */
import { getLocale } from '../../core/i18n.js';
import { tHtml as t } from '../../core/messages/html.js';
import { monthLabel, shortMonthLabel } from '../../core/period-text.js';
import { currencyExponent, formatMoney } from '../../core/money.js';
import type { MonthReport } from '../../reports/month.js';
import { type BadgeView, type BenefitView, groupDecimal, ratio, statusText } from '../perk-views.js';
import { escapeHtml as esc } from '../safe-text.js';
import { donutSvg, monthChartSvg } from './charts.js';
import { htmlPage, progressBar, section } from './page.js';
import { amountText, changeHtml, figureBox, largestList, percent, rankList } from './parts.js';

const major = (minor: number, currency: string) => minor / 10 ** currencyExponent(currency);

/** "本月支出 7,637.11 元，比上月多 1.6%，餐饮占 30%；收入 …，结余 …。" from the model. */
export function monthSummaryText(r: MonthReport): string {
  const c = r.currency;
  if (r.empty) return t('noEntries');
  const vs = r.previousToDate ? r.vsPreviousToDate : r.vsPrevious;
  let text = t(r.partial ? 'summaryMonthSoFar' : 'summaryMonth', { spending: amountText(r.spending, c) });
  if (vs && vs.ratio !== null) {
    const pct = percent(vs.ratio);
    if (vs.amount === 0) text += t('summarySame');
    else if (r.previousToDate) text += t(vs.amount > 0 ? 'summaryMoreToDate' : 'summaryLessToDate', { pct });
    else text += t(vs.amount > 0 ? 'summaryMore' : 'summaryLess', { pct });
  }
  const top = r.categories[0];
  if (top && top.share !== null && top.amount > 0) text += t('summaryTop', { category: top.name, pct: `${Math.round(top.share * 100)}%` });
  text += r.net >= 0
    ? t('summaryIncome', { income: amountText(r.income, c), net: amountText(r.net, c) })
    : t('summaryIncomeShort', { income: amountText(r.income, c), over: amountText(-r.net, c) });
  return text;
}

function headline(r: MonthReport): string {
  const c = r.currency;
  const vs = r.previousToDate ? r.vsPreviousToDate : r.vsPrevious;
  return `<section><p class="summary" data-summary>${esc(monthSummaryText(r))}</p><div class="figures">` +
    figureBox({ key: 'spending', label: t('spending'), minor: r.spending, currency: c, note: `<br>${changeHtml(vs)} <span class="muted">${esc(t('vsLastMonth'))}</span>` }) +
    figureBox({ key: 'income', label: t('income'), minor: r.income, currency: c }) +
    figureBox({ key: 'net', label: t('net'), minor: r.net, currency: c }) +
    figureBox({ key: 'previous-spending', label: `${t('spending')} · ${monthLabel(r.previous.month)}`, minor: r.previous.spending, currency: c, note: `<br>${changeHtml(r.vsAverage)} <span class="muted">${esc(t('vsAverage'))}</span>` }) +
    `</div></section>`;
}

function categories(r: MonthReport): string {
  const shown = r.categories.filter((x) => x.amount > 0);
  if (shown.length === 0) return '';
  const donut = donutSvg(shown.map((x) => ({ name: x.name, share: x.share ?? 0 })), { big: formatMoney(r.spending, r.currency), small: t('spending') });
  return section(t('categories'), `<div class="split">${donut}${rankList(r.categories, r.currency, { figure: 'category', dots: true })}</div>`);
}

function cards(r: MonthReport): string {
  const items = r.cards.map((k) => {
    const m = (x: number) => formatMoney(x, r.currency);
    const text = k.limit !== null ? t('cardUsed', { spent: m(k.spending), limit: m(k.limit) }) : t('cardSpent', { spent: m(k.spending) });
    return `<div class="item"><strong>${esc(k.name)}</strong> <span class="muted">${esc(t('cycle', { from: k.cycle.from, to: k.cycle.to }))}</span>` +
      `${k.used !== null ? progressBar(k.used, text) : ''}<span>${esc(text)}${k.used !== null ? ` · ${Math.round(k.used * 100)}%` : ''}</span></div>`;
  });
  return section(t('cards'), items.join(''));
}

interface BudgetJson { category: string; budget: string; spent: string; used: number | null; status: string }

function budgets(r: MonthReport): string {
  const items = (r.extras.budgets as BudgetJson[]).map((b) =>
    `<div class="item"><strong>${esc(b.category)}</strong>${b.status === 'over' ? ` <span class="bad">${esc(t('budgetOver'))}</span>` : ''}` +
    `${progressBar(b.used ?? 0, b.category)}<span>${esc(t('budgetLine', { spent: groupDecimal(b.spent), budget: groupDecimal(b.budget) }))}</span></div>`);
  return section(t('budgets'), items.join(''));
}

function benefits(r: MonthReport): string {
  const items = (r.extras.benefits as BenefitView[]).map((b) => {
    const share = ratio(b.progress, b.target);
    const tone = b.status === 'met' ? 'good' : b.status === 'at_risk' || b.status === 'missed' ? 'bad' : 'muted';
    return `<div class="item"><strong>${esc(b.name)}</strong>${b.account ? ` <span class="muted">${esc(b.account)}</span>` : ''} <span class="${tone}">${esc(statusText(b.status))}</span>` +
      `${progressBar(share, b.name, false)}<span>${esc(`${groupDecimal(b.progress)} / ${groupDecimal(b.target)} · ${Math.round(share * 100)}%`)}</span>` +
      ` <span class="muted">${esc(t('cycle', { from: b.period.start, to: b.period.end }))}</span></div>`;
  });
  return section(t('benefits'), items.join(''));
}

function badges(r: MonthReport): string {
  const items = (r.extras.badges as BadgeView[]).map((b) =>
    `<div class="item">★ <strong>${esc(b.name)}</strong>${b.new ? ` <span class="badge">${esc(t('badgeNew'))}</span>` : ''}<br><span class="muted">${esc(b.reason)}</span></div>`);
  return section(t('badges'), items.join(''));
}

function trend(r: MonthReport): string {
  if (!r.trend.some((x) => x.spending !== 0 || x.income !== 0)) return '';
  return section(t('trend'), monthChartSvg({
    labels: r.trend.map((x) => shortMonthLabel(x.month)),
    bars: r.trend.map((x) => major(x.spending, r.currency)),
    line: r.trend.map((x) => major(x.income, r.currency)),
    names: { bars: t('spending'), line: t('income') },
  }));
}

/** The whole page. `today` goes in the footer. */
export function monthHtml(r: MonthReport): string {
  const c = r.currency;
  const sub = `${monthLabel(r.month)} · ${c}${r.partial ? ` · ${t('soFar', { date: r.today })}` : ''}`;
  const body = [
    `<header><h1 data-heading>${esc(t('monthTitle'))}</h1><p>${esc(sub)}</p></header>`,
    headline(r),
    categories(r),
    `<div class="grid2">${section(t('merchants'), rankList(r.merchants, c, { figure: 'merchant' }))}${section(t('channels'), rankList(r.channels, c, { figure: 'channel', bar: true }))}</div>`,
    trend(r),
    `<div class="grid2">${cards(r)}${budgets(r)}</div>`,
    `<div class="grid2">${benefits(r)}${badges(r)}</div>`,
    section(t('frequent'), rankList(r.frequentMerchants.slice(0, 5), c, { figure: 'frequent' })),
    section(t('largest'), largestList(r.largest, c)),
    `<footer>${esc(t('generated', { date: r.today }))}</footer>`,
  ];
  return htmlPage({ lang: getLocale(), title: `${t('monthTitle')} ${monthLabel(r.month)}`, body: body.filter(Boolean).join('\n') });
}
