/**
 * The annual bill (年度账单) → a document, in the reader's language.
 */
import { currencyExponent, formatMoney } from '../core/money.js';
import { tReport as t } from '../core/messages/report-render.js';
import { dayLabel, monthLabel, yearLabel } from '../core/period-text.js';
import { WEEKDAY_KEYS } from '../core/report-keys.js';
import type { YearReport } from '../reports/year.js';
import type { Block, Document, SummaryItem } from './document.js';
import { filtersText, rowName, weekdayName } from './labels.js';
import { changeItem, currencyNote, largestTable, major, moneyItem, netWorthBlock, incomeCategoriesBlock, pct, rankingBlock, spendTone } from './report-views.js';

function yearSummary(r: YearReport): SummaryItem[] {
  const c = r.currency;
  const m = (minor: number) => formatMoney(minor, c);
  const previous = yearLabel(r.previousYear.year);
  const items: SummaryItem[] = [
    moneyItem(t('income'), r.income, c),
    moneyItem(t('spending'), r.spending, c),
    moneyItem(t('netSaved'), r.net, c, r.net >= 0 ? 'good' : 'bad'),
    { label: t('savingsRate'), value: r.savingsRate === null ? t('notAvailable') : pct(r.savingsRate) },
    changeItem(t('spendingVs', { year: previous }), r.vsPreviousYear.spending, c, '', spendTone(r.vsPreviousYear.spending)),
    changeItem(t('incomeVs', { year: previous }), r.vsPreviousYear.income, c, '', undefined),
  ];
  if (r.busiestMonth) items.push({ label: t('busiestMonth'), value: t('busiestMonthValue', { month: monthLabel(r.busiestMonth.month), amount: m(r.busiestMonth.spending) }) });
  const w = r.busiestWeekday;
  if (w) {
    const day = (WEEKDAY_KEYS as readonly string[]).indexOf(w.weekday);
    items.push({ label: t('busiestWeekday'), value: t('busiestWeekdayValue', { weekday: day < 0 ? w.weekday : weekdayName(day), amount: m(w.spending), n: w.count }) });
  }
  const f = r.mostFrequentMerchant;
  if (f) items.push({ label: t('mostFrequentMerchant'), value: t('mostFrequentValue', { name: rowName(f.name, 'merchant'), n: f.count, amount: m(f.amount) }) });
  const big = r.largest[0];
  if (big) items.push({ label: t('largestSpend'), value: t('largestSpendValue', { amount: m(big.amount), merchant: big.merchant ?? big.description, date: dayLabel(big.date) }) });
  return items;
}

export function yearDocument(r: YearReport): Document {
  const c = r.currency;
  const blocks: (Block | undefined)[] = [
    { type: 'heading', text: t('yearHeading', { year: yearLabel(r.year), partial: r.partial ? t('yearSoFar') : '', currency: c, filters: filtersText(r.filters) }) },
    { type: 'summary', items: yearSummary(r) },
    netWorthBlock(r.netWorth, c),
    currencyNote(r.otherCurrencies),
    r.months.some((x) => x.spending !== 0 || x.income !== 0)
      ? {
          type: 'chart', title: t('monthByMonth'), digits: currencyExponent(c), labels: yearMonths(r.year).map(monthLabel), keys: yearMonths(r.year),
          series: [{ name: t('spending'), values: r.months.map((x) => major(x.spending, c)) }, { name: t('income'), values: r.months.map((x) => major(x.income, c)) }],
        }
      : undefined,
    rankingBlock(t('topCategories'), 'category', r.categories, c),
    incomeCategoriesBlock(r.incomeCategories, c),
    rankingBlock(t('topMerchants'), 'merchant', r.merchants, c, { bar: false }),
    rankingBlock(t('paymentChannels'), 'channel', r.channels, c),
    largestTable(r.largest, c, false),
  ];
  return { blocks: blocks.filter((b): b is Block => b !== undefined) };
}

/** The twelve months of a year (`2026-01` … `2026-12`): the chart's axis, whose months to come stay empty. */
function yearMonths(year: number | string): string[] {
  return Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
}
