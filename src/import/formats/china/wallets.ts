/**
 * Wallet bills: Alipay (支付宝交易明细, current and classic columns), WeChat Pay (微信支付账单,
 * CSV and XLSX), JD (京东交易流水) and Meituan (美团交易账单). Each is one `Layout`.
 */
import type { Row } from './grid.js';
import { magnitude, located } from './grid.js';
import type { Layout, LayoutContext } from './layout.js';
import {
  describe, isRefundText, kindOf, neutralSign, platformChannel, present, settle, type WalletRow,
} from './wallet-rules.js';

function pick(row: Row, ...names: string[]): string {
  for (const n of names) if (row.has(n)) return row.get(n);
  return '';
}

function amountOf(text: string, ctx: LayoutContext, line: number): number {
  try {
    return magnitude(text, ctx.currency).minor;
  } catch (err) {
    throw located(err, ctx.fileName, line);
  }
}

function alipayRow(row: Row, ctx: LayoutContext): { w: WalletRow; status: string } {
  const direction = row.get('收/支');
  const category = pick(row, '交易分类', '类型');
  const item = pick(row, '商品说明', '商品名称');
  const status = row.get('交易状态');
  const counterparty = row.get('交易对方');
  const refund = category === '退款' || isRefundText(status, item.slice(0, 3));
  const kind = refund ? 'refund' : kindOf(direction);
  const w: WalletRow = {
    row,
    when: pick(row, '交易时间', '付款时间', '交易创建时间'),
    amount: amountOf(pick(row, '金额', '金额（元）'), ctx, row.line),
    kind,
    sign: neutralSign(item, category),
    description: describe(counterparty, item),
    method: row.get('收/付款方式'),
    channel: 'alipay',
  };
  const id = present(pick(row, '交易订单号', '交易号'));
  if (id) w.externalId = id;
  if (present(counterparty)) w.counterparty = counterparty;
  if (present(category)) w.sourceCategory = category;
  return { w, status };
}

function wechatRow(row: Row, ctx: LayoutContext): { w: WalletRow; status: string } {
  const type = row.get('交易类型');
  const status = row.get('当前状态');
  const direction = row.get('收/支');
  const counterparty = row.get('交易对方');
  const kind = direction === '收入' && isRefundText(type, status) ? 'refund' : kindOf(direction);
  const w: WalletRow = {
    row,
    when: row.get('交易时间'),
    amount: amountOf(row.get('金额(元)'), ctx, row.line),
    kind,
    sign: neutralSign(type),
    description: describe(counterparty, row.get('商品'), kind === 'transfer' ? type : ''),
    method: row.get('支付方式'),
    channel: 'wechat',
  };
  const id = present(row.get('交易单号'));
  if (id) w.externalId = id;
  if (present(counterparty)) w.counterparty = counterparty;
  if (present(type)) w.sourceCategory = type;
  return { w, status };
}

/** `131.77(已退款89.84)` → 41.93 (the file nets partial refunds); `468.32(已全额退款)` → 0 unless neutral. */
function jdAmount(text: string, neutral: boolean, ctx: LayoutContext, line: number): number {
  const m = /^([^(（]+)[(（]\s*已(全额)?退款\s*([^)）]*)[)）]\s*$/.exec(text);
  if (!m) return amountOf(text, ctx, line);
  const gross = amountOf(m[1]!, ctx, line);
  if (neutral) return gross;
  if (m[2]) return 0;
  return Math.max(0, gross - amountOf(m[3]!, ctx, line));
}

function jdRow(row: Row, ctx: LayoutContext): { w: WalletRow; status: string } {
  const direction = row.get('收/支');
  const kind = kindOf(direction); // refund rows are 不计收支: the purchase row already nets them
  const merchant = row.get('商户名称');
  const method = row.get('收/付款方式');
  const w: WalletRow = {
    row,
    when: row.get('交易时间'),
    amount: jdAmount(row.get('金额'), kind === 'transfer', ctx, row.line),
    kind,
    sign: neutralSign(row.get('交易说明')),
    description: describe(merchant, row.get('交易说明')),
    method,
    channel: platformChannel(method),
  };
  const id = present(row.get('交易订单号'));
  if (id) w.externalId = id;
  if (present(merchant)) w.counterparty = merchant;
  if (present(row.get('交易分类'))) w.sourceCategory = row.get('交易分类');
  return { w, status: row.get('交易状态') };
}

function meituanRow(row: Row, ctx: LayoutContext): { w: WalletRow; status: string } {
  const type = row.get('交易类型');
  const title = row.get('订单标题');
  const method = row.get('支付方式');
  // 还款 repays Meituan's own credit line (月付): a transfer, not spending.
  const kind = type === '退款' ? 'refund' : type === '还款' || /主动还款|月付.*还款/.test(title) ? 'transfer' : kindOf(row.get('收/支'));
  const w: WalletRow = {
    row,
    when: row.get('交易创建时间'),
    amount: amountOf(row.get('实付金额'), ctx, row.line),
    kind,
    sign: row.get('收/支') === '收入' ? 1 : -1,
    description: describe(title),
    method,
    channel: platformChannel(method),
  };
  const id = present(row.get('交易单号'));
  if (id) w.externalId = id;
  if (present(type)) w.sourceCategory = type;
  return { w, status: '' };
}

function walletLayout(
  profile: string,
  header: string[],
  marker: RegExp,
  hint: { institution: string; name: string },
  dateColumn: string,
  toRow: (row: Row, ctx: LayoutContext) => { w: WalletRow; status: string },
  containers: Layout['containers'] = ['csv'],
): Layout {
  return {
    profile,
    containers,
    header,
    marker,
    dateColumns: [dateColumn],
    statement: (ctx) => ({ type: 'wallet', institution: hint.institution, name: hint.name, currency: ctx.currency }),
    read: (rows, ctx) => settle(rows.map((r) => toRow(r, ctx)), ctx.currency, ctx.fileName),
  };
}

export const alipayLayouts: Layout[] = [
  walletLayout('alipay', ['交易时间', '交易对方', '商品说明', '收/支', '金额', '收/付款方式', '交易状态', '交易订单号'],
    /支付宝/, { institution: 'Alipay', name: 'Alipay' }, '交易时间', alipayRow),
  walletLayout('alipay-classic', ['交易号', '交易创建时间', '交易对方', '商品名称', '金额（元）', '收/支', '交易状态'],
    /支付宝/, { institution: 'Alipay', name: 'Alipay' }, '交易创建时间', alipayRow),
];

export const wechatLayouts: Layout[] = [
  walletLayout('wechat', ['交易时间', '交易类型', '交易对方', '商品', '收/支', '金额(元)', '支付方式', '当前状态', '交易单号'],
    /微信支付/, { institution: 'WeChat Pay', name: 'WeChat Pay' }, '交易时间', wechatRow, ['csv', 'xlsx']),
];

export const jdLayouts: Layout[] = [
  walletLayout('jd', ['交易时间', '商户名称', '交易说明', '金额', '收/付款方式', '交易状态', '收/支', '交易订单号'],
    /京东/, { institution: 'JD', name: 'JD Pay' }, '交易时间', jdRow),
];

export const meituanLayouts: Layout[] = [
  walletLayout('meituan', ['交易创建时间', '交易类型', '订单标题', '收/支', '支付方式', '实付金额', '交易单号'],
    /美团/, { institution: 'Meituan', name: 'Meituan' }, '交易创建时间', meituanRow),
];
