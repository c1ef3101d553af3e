/**
 * Mainland-Chinese bank and card exports (ICBC, CCB, CMB, BOC, BoCom, CGB, ABC, CITIC, SPDB), CSV
 * and legacy .xls. Each layout is data: header cells, date/time/description columns, and an amount
 * rule that gives the holder's view (credit-card exports that print charges as + are flipped).
 */
import type { AccountType, Channel, NormalizedRow } from '../../../core/types.js';
import type { ReaderEvent } from '../../types.js';
import { currencyOf, located, magnitude, signed, type Row } from './grid.js';
import { cardNumber, fullDate, timeOf, type Container, type Layout, type LayoutContext } from './layout.js';
import { describe } from './wallet-rules.js';
import { cardDate } from './yearless.js';
import { RunningBalances } from '../running-balance.js';
import { balanceLineEvents } from './balance-lines.js';

interface Amount {
  minor: number;
  currency?: string;
}
type AmountRule = (row: Row, ctx: LayoutContext) => Amount;

/** In-column minus out-column (two unsigned columns). */
const inMinusOut = (inCol: string, outCol: string): AmountRule => (row, ctx) => ({
  minor: signed(row.get(inCol), ctx.currency) - signed(row.get(outCol), ctx.currency),
});
/** One signed column, printed from the holder's view. */
const asIs = (col: string): AmountRule => (row, ctx) => ({ minor: signed(row.get(col), ctx.currency) });
/** One signed column printed from the issuer's view (+ = charge): flipped. */
const flipped = (col: string): AmountRule => (row, ctx) => ({ minor: -signed(row.get(col), ctx.currency) });
/** Unsigned column whose direction is a word in another column. */
const byWord = (col: string, wordCol: string, incoming: RegExp): AmountRule => (row, ctx) => {
  const m = magnitude(row.get(col), ctx.currency);
  return { minor: incoming.test(row.get(wordCol)) ? m.minor : -m.minor, ...(m.currency ? { currency: m.currency } : {}) };
};

/** How the money moved, from the row's own words. */
export function bankChannel(text: string): Channel {
  if (/ATM|取款|取现/i.test(text)) return 'atm';
  if (/支付宝/.test(text)) return 'alipay';
  if (/财付通|微信/.test(text)) return 'wechat';
  if (/还款|转账|转帐|汇款|汇入|转存|代发|工资|公积金|网转/.test(text)) return 'bank_transfer';
  if (/云闪付|银联/.test(text)) return 'unionpay';
  if (/利息|结息/.test(text)) return 'unknown';
  return 'card';
}

interface BankSpec {
  profile: string;
  institution: string;
  type: AccountType;
  containers?: Container[];
  header: string[];
  marker?: RegExp;
  /** Date columns, first non-empty wins. */
  date: string[];
  yearless?: boolean;
  time?: string;
  description: string[];
  amount: AmountRule;
  currency?: string;
  /** Per-row card number column. */
  card?: string;
  /** Account number printed above the header. */
  number?: RegExp;
  /** A running-balance column (holder's view): one `running` checkpoint per day. */
  balance?: string;
}

function bankRow(spec: BankSpec, row: Row, ctx: LayoutContext): ReaderEvent {
  try {
    const dateText = spec.date.map((c) => row.get(c)).find((t) => t !== '') ?? '';
    const parsed = spec.yearless ? cardDate(dateText, ctx.preamble, ctx.today, fullDate) : fullDate(dateText);
    const amount = spec.amount(row, ctx);
    const currency = amount.currency ?? (spec.currency ? currencyOf(row.get(spec.currency)) : undefined) ?? ctx.currency;
    const description = describe(...spec.description.map((c) => row.get(c)));
    const time = (spec.time ? timeOf(row.get(spec.time)) : undefined) ?? parsed.time;
    const out: NormalizedRow = {
      line: row.line,
      date: parsed.date,
      ...(time ? { time } : {}),
      amount: amount.minor,
      currency,
      description,
      channel: bankChannel(description),
    };
    if (amount.minor > 0 && /退货|退款/.test(description)) out.kind = 'refund';
    const card = spec.card ? cardNumber(row.get(spec.card)) : undefined;
    if (card) out.account = { number: card };
    return { type: 'row', row: out };
  } catch (err) {
    throw located(err, ctx.fileName, row.line);
  }
}

/** The running-balance column's balances, per day (cells that are not amounts are passed over). */
function runningBalances(column: string, rows: readonly Row[], events: readonly ReaderEvent[]): ReaderEvent[] {
  const collector = new RunningBalances();
  events.forEach((event, i) => {
    if (event.type !== 'row') return;
    try {
      const cell = rows[i]!.get(column);
      if (/\d/.test(cell)) collector.see(event.row, signed(cell, event.row.currency));
    } catch {
      // not a balance
    }
  });
  return collector.events();
}

function bankLayout(spec: BankSpec): Layout {
  return {
    profile: spec.profile,
    containers: spec.containers ?? ['csv'],
    header: spec.header,
    ...(spec.marker ? { marker: spec.marker } : {}),
    dateColumns: spec.date,
    statement: (ctx) => {
      const number = spec.number ? cardNumber(spec.number.exec(ctx.preamble)?.[1]) : undefined;
      return { type: spec.type, institution: spec.institution, ...(number ? { number } : {}) };
    },
    read: (rows, ctx) => {
      const events = rows.map((row) => bankRow(spec, row, ctx));
      const lines = balanceLineEvents(ctx.around ?? [], ctx.csv ?? true, events, spec.type === 'credit');
      return [...events, ...(spec.balance ? runningBalances(spec.balance, rows, events) : []), ...lines];
    },
  };
}

const ICBC_NUMBER = /卡号:\s*([\d*]+)/;
/** A card-number line above a card statement's header: `卡号末四位:8842`, `卡号：6225****8842`. */
const CARD_LINE = /卡号(?:末四位|后四位|末4位|后4位)?\s*[:：]\s*([\d*\s-]*\d{4})(?!\d)/;

export const bankLayouts: Record<string, Layout[]> = {
  icbc: [
    bankLayout({
      profile: 'icbc-credit', institution: 'ICBC 工商银行', type: 'credit', number: ICBC_NUMBER,
      header: ['交易日期', '记账日期', '摘要', '交易场所', '记账金额(收入)', '记账金额(支出)', '记账币种'],
      date: ['交易日期'], description: ['摘要', '交易场所', '对方户名'],
      amount: inMinusOut('记账金额(收入)', '记账金额(支出)'), currency: '记账币种',
    }),
    bankLayout({
      profile: 'icbc-debit', institution: 'ICBC 工商银行', type: 'checking', number: ICBC_NUMBER,
      header: ['交易日期', '摘要', '交易场所', '钞/汇', '记账金额(收入)', '记账金额(支出)', '记账币种'],
      date: ['交易日期'], description: ['摘要', '交易详情', '交易场所', '对方户名'],
      amount: inMinusOut('记账金额(收入)', '记账金额(支出)'), currency: '记账币种', balance: '余额',
    }),
  ],
  ccb: [
    bankLayout({
      profile: 'ccb-debit', institution: 'CCB 建设银行', type: 'checking', containers: ['xls', 'csv'],
      marker: /China Construction Bank|建设银行/, number: /账\s*号：?\s*(\S+)/,
      header: ['记账日', '交易日期', '交易时间', '支出', '收入', '账户余额', '币种', '摘要', '对方户名'],
      date: ['交易日期', '记账日'], time: '交易时间', description: ['摘要', '对方户名', '交易地点'],
      amount: inMinusOut('收入', '支出'), currency: '币种', balance: '账户余额',
    }),
  ],
  cmb: [
    bankLayout({
      profile: 'cmb-credit', institution: 'CMB 招商银行', type: 'credit', marker: /招商银行/, yearless: true, number: CARD_LINE,
      header: ['交易日', '记账日', '交易摘要', '人民币金额', '卡号末四位'],
      date: ['交易日', '记账日'], description: ['交易摘要'], amount: flipped('人民币金额'), card: '卡号末四位',
    }),
    bankLayout({
      profile: 'cmb-debit', institution: 'CMB 招商银行', type: 'checking',
      header: ['记账日期', '货币', '交易金额', '联机余额', '交易摘要', '对手信息'],
      date: ['记账日期'], description: ['交易摘要', '对手信息', '客户摘要'], amount: asIs('交易金额'), currency: '货币', balance: '联机余额',
    }),
  ],
  boc: [
    bankLayout({
      profile: 'boc-credit', institution: 'BOC 中国银行', type: 'credit', marker: /中国银行/, number: CARD_LINE,
      header: ['交易日', '银行记账日', '卡号后四位', '交易描述', '存入', '支出', '币种'],
      date: ['交易日', '银行记账日'], description: ['交易描述'], amount: inMinusOut('存入', '支出'), currency: '币种', card: '卡号后四位',
    }),
  ],
  bocom: [
    bankLayout({
      profile: 'bocom-credit', institution: 'BoCom 交通银行', type: 'credit',
      header: ['交易日期', '记账日期', '交易说明', '交易币种/金额', '入账币种/金额'],
      date: ['交易日期', '记账日期'], description: ['交易说明'],
      amount: byWord('入账币种/金额', '交易说明', /^(退货|退款|还款|信用卡还款|返现|溢缴款)/),
    }),
    bankLayout({
      profile: 'bocom-debit', institution: 'BoCom 交通银行', type: 'checking',
      header: ['交易日期', '交易时间', '交易类型', '借贷', '交易金额', '余额', '对方户名'],
      date: ['交易日期'], time: '交易时间', description: ['交易类型', '对方户名', '摘要'],
      amount: byWord('交易金额', '借贷', /贷|Cr/i), balance: '余额',
    }),
  ],
  cgb: [
    bankLayout({
      profile: 'cgb-credit', institution: 'CGB 广发银行', type: 'credit',
      header: ['交易日期', '入账日期', '交易摘要', '交易金额', '交易货币', '入账金额', '入账货币'],
      date: ['交易日期', '入账日期'], description: ['交易摘要'], amount: flipped('入账金额'), currency: '入账货币',
    }),
  ],
  abc: [
    bankLayout({
      profile: 'abc-debit', institution: 'ABC 农业银行', type: 'checking',
      header: ['交易日期', '交易时间', '交易摘要', '交易金额', '本次余额', '对手信息'],
      date: ['交易日期'], time: '交易时间', description: ['交易摘要', '对手信息', '交易附言'], amount: asIs('交易金额'), balance: '本次余额',
    }),
  ],
  citic: [
    bankLayout({
      profile: 'citic-credit', institution: 'CITIC 中信银行', type: 'credit', containers: ['xls', 'csv'], number: CARD_LINE,
      header: ['交易日期', '入账日期', '交易描述', '卡末四位', '交易币种', '结算币种', '交易金额', '结算金额'],
      date: ['交易日期', '入账日期'], description: ['交易描述'], amount: flipped('结算金额'), currency: '结算币种', card: '卡末四位',
    }),
  ],
  spdb: [
    bankLayout({
      profile: 'spdb-debit', institution: 'SPDB 浦发银行', type: 'checking', containers: ['xls', 'csv'], number: /账号\s+(\d+)/,
      header: ['顺序号', '交易日期', '交易类型', '存入金额', '取出金额', '余额', '交易对手名称'],
      date: ['交易日期'], description: ['交易类型', '交易对手名称', '附言'], amount: inMinusOut('存入金额', '取出金额'), balance: '余额',
    }),
  ],
};
