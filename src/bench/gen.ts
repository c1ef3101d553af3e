/**
 * Deterministic synthetic data for the benchmark, the stress run and the reliability tests:
 * a ten-year statement in the generic `Date,Description,Amount` layout with realistic mixed
 * Chinese/Latin merchant descriptions, and a rules file of N rules. Written streaming, so a
 * 1,000,000-row file never sits in memory.
 */
import fs from 'node:fs';

/** mulberry32: small, fast, deterministic. Returns floats in [0, 1). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface MerchantSpec {
  /** Description template; `#` is replaced by a digit, `@` by a store/branch name. */
  text: string;
  /** Relative frequency. */
  weight: number;
  /** Amount range in minor units (negative = spending). */
  min: number;
  max: number;
}

const BRANCHES = ['静安嘉里店', '国贸店', 'Pudong T2', '中关村店', 'Nanjing Rd', '天河城店', 'Kowloon Bay', '西湖银泰店'];

/** Common merchants first; a few rare ones at the end so searches have realistic hit counts. */
export const MERCHANTS: readonly MerchantSpec[] = [
  { text: '星巴克(@)', weight: 60, min: -6800, max: -2800 },
  { text: 'POS #### STARBUCKS ##### SHANGHAI', weight: 30, min: -6800, max: -2800 },
  { text: '瑞幸咖啡 订单号##########', weight: 50, min: -2900, max: -900 },
  { text: '美团外卖-订单########', weight: 80, min: -9800, max: -1500 },
  { text: '饿了么 Ele.me ######', weight: 40, min: -8800, max: -1500 },
  { text: '滴滴出行 DiDi Chuxing', weight: 60, min: -8000, max: -1200 },
  { text: 'UBER *TRIP HELP.UBER.COM', weight: 10, min: -6000, max: -900 },
  { text: '支付宝-盒马鲜生(@)', weight: 45, min: -30000, max: -2000 },
  { text: '财付通-永辉超市 ####', weight: 30, min: -25000, max: -1500 },
  { text: 'WAL-MART #### SHENZHEN', weight: 15, min: -40000, max: -3000 },
  { text: 'AMAZON MKTPLACE PMTS AMZN.COM/BILL', weight: 20, min: -50000, max: -1500 },
  { text: '京东商城 JD.COM 订单##########', weight: 40, min: -90000, max: -1000 },
  { text: '淘宝 Taobao 天猫 ##########', weight: 45, min: -60000, max: -900 },
  { text: '中国移动 China Mobile 话费充值', weight: 8, min: -10000, max: -3000 },
  { text: 'NETFLIX.COM', weight: 4, min: -6800, max: -6800 },
  { text: 'Spotify AB', weight: 4, min: -1500, max: -1500 },
  { text: '中国石化加油站 Sinopec #####', weight: 15, min: -45000, max: -15000 },
  { text: '上海地铁 Metro 交通卡', weight: 50, min: -800, max: -300 },
  { text: '麦当劳 McDonald\'s (@)', weight: 30, min: -6500, max: -1500 },
  { text: 'KFC 肯德基 ####', weight: 20, min: -6000, max: -1500 },
  { text: '国家电网 电费 State Grid', weight: 3, min: -40000, max: -8000 },
  { text: 'CTRIP 携程旅行网 ##########', weight: 5, min: -300000, max: -20000 },
  { text: '中国国际航空 AIR CHINA', weight: 2, min: -500000, max: -60000 },
  { text: 'APPLE.COM/BILL ITUNES', weight: 6, min: -3000, max: -600 },
  { text: '微信支付-拼多多 Pinduoduo', weight: 25, min: -20000, max: -500 },
  { text: 'ATM WITHDRAWAL #### 取款', weight: 3, min: -200000, max: -50000 },
  { text: '退款 Refund 京东商城 ##########', weight: 4, min: 1000, max: 30000 },
  { text: '蓝瓶咖啡 Blue Bottle Coffee (@)', weight: 1, min: -5500, max: -3500 },
  { text: 'Patisserie Zébulon #### Lyon', weight: 0.3, min: -4200, max: -900 },
];

export const SALARY = '工资 SALARY ACME Technology Co., Ltd.';

export function fill(template: string, rand: () => number): string {
  let out = '';
  for (const ch of template) {
    if (ch === '#') out += Math.floor(rand() * 10).toString();
    else if (ch === '@') out += BRANCHES[Math.floor(rand() * BRANCHES.length)] ?? '';
    else out += ch;
  }
  return out;
}

export function csvField(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function formatAmount(minor: number): string {
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  return `${sign}${Math.floor(abs / 100)}.${(abs % 100).toString().padStart(2, '0')}`;
}

export function isoDay(epochDay: number): string {
  return new Date(epochDay * 86_400_000).toISOString().slice(0, 10);
}

export interface StatementOptions {
  rows: number;
  seed?: number;
  /** Last day of the statement (YYYY-MM-DD); it covers `years` years up to this day. */
  end?: string;
  years?: number;
}

export interface StatementInfo {
  rows: number;
  bytes: number;
  first: string;
  last: string;
}

const TOTAL_WEIGHT = MERCHANTS.reduce((s, m) => s + m.weight, 0);

/** One purchase (or refund) at a merchant picked by weight. */
export function randomPurchase(rand: () => number): { description: string; minor: number } {
  let pick = rand() * TOTAL_WEIGHT;
  let merchant = MERCHANTS[0] as MerchantSpec;
  for (const m of MERCHANTS) {
    pick -= m.weight;
    if (pick <= 0) {
      merchant = m;
      break;
    }
  }
  const description = fill(merchant.text, rand);
  return { description, minor: merchant.min + Math.floor(rand() * (merchant.max - merchant.min + 1)) };
}

/** Write a `Date,Description,Amount` statement, oldest first, monthly salary included. */
export function writeStatement(file: string, opts: StatementOptions): StatementInfo {
  const rand = prng(opts.seed ?? 42);
  const end = Math.floor(Date.parse(`${opts.end ?? '2026-10-31'}T00:00:00Z`) / 86_400_000);
  const days = Math.round((opts.years ?? 10) * 365.25);
  const start = end - days + 1;
  const fd = fs.openSync(file, 'w');
  let bytes = 0;
  let chunk: string[] = ['Date,Description,Amount'];
  const flush = () => {
    const text = `${chunk.join('\n')}\n`;
    bytes += fs.writeSync(fd, text);
    chunk = [];
  };
  let lastSalaryMonth = '';
  for (let i = 0; i < opts.rows; i += 1) {
    const day = start + Math.floor((i * days) / opts.rows);
    const date = isoDay(day);
    let description: string;
    let minor: number;
    if (date.slice(0, 7) !== lastSalaryMonth && date.slice(8) >= '10') {
      lastSalaryMonth = date.slice(0, 7);
      description = SALARY;
      minor = 2_500_000 + Math.floor(rand() * 500_000);
    } else {
      ({ description, minor } = randomPurchase(rand));
    }
    chunk.push(`${date},${csvField(description)},${formatAmount(minor)}`);
    if (chunk.length >= 5000) flush();
  }
  flush();
  fs.closeSync(fd);
  return { rows: opts.rows, bytes, first: isoDay(start), last: isoDay(start + Math.floor(((opts.rows - 1) * days) / opts.rows)) };
}

const RULE_TARGETS: ReadonlyArray<[string, string]> = [
  ['星巴克|starbucks|瑞幸|luckin|蓝瓶|blue bottle', 'Dining:Coffee & tea'],
  ['美团外卖|饿了么|ele\\.me', 'Dining:Food delivery'],
  ['麦当劳|mcdonald|kfc|肯德基', 'Dining:Fast food'],
  ['滴滴|didi|uber', 'Transport:Taxi'],
  ['地铁|metro', 'Transport:Public transit'],
  ['中国石化|sinopec', 'Transport:Fuel'],
  ['盒马|永辉|wal-mart|walmart', 'Groceries'],
  ['京东|jd\\.com|淘宝|taobao|天猫|拼多多|amazon', 'Shopping:Online'],
  ['中国移动|china mobile', 'Communication:Mobile'],
  ['netflix|spotify|apple\\.com/bill', 'Subscriptions'],
  ['电费|state grid', 'Utilities:Electricity'],
  ['携程|ctrip|航空|air china', 'Travel'],
  ['工资|salary', 'Salary'],
];

/** A rules file (SPEC "Rules file") with `count` rules: the real-looking ones first, then filler. */
export function rulesYaml(count: number): string {
  const lines = ['rules:'];
  const q = (s: string) => JSON.stringify(s);
  for (let i = 0; i < count; i += 1) {
    const target = RULE_TARGETS[i];
    if (target) {
      lines.push(`  - name: ${q(`bench ${i} ${target[1]}`)}`, '    match:', `      description: ${q(target[0])}`, '    set:', `      category: ${q(target[1])}`);
    } else {
      const n = i.toString().padStart(4, '0');
      lines.push(
        `  - name: ${q(`bench filler ${n}`)}`,
        '    match:',
        `      description: ${q(`商户${n}号|merchant-${n}|shop ${n} ltd`)}`,
        ...(i % 3 === 0 ? [`      amount: ${q('< 0')}`] : []),
        '    set:',
        `      category: ${q('Shopping')}`,
        `      merchant: ${q(`Merchant ${n}`)}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
