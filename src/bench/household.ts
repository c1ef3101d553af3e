/**
 * A household's ten years in three statements that pay each other (issue 22 point 8): a checking
 * account (salary, some spending, and every month the repayment of each card) and two credit
 * cards (purchases, and the repayment arriving a day after it left checking, for last month's
 * spending). The same rows are also written as one statement, the bench's reference: importing it
 * as one account costs what reading and writing them costs, with nothing to link.
 * Deterministic, streamed, in date order; `rows` counts every row of the three files.
 */
import fs from 'node:fs';
import { SALARY, csvField, formatAmount, isoDay, prng, randomPurchase } from './gen.js';

export interface HouseholdAccount {
  key: 'checking' | 'cardA' | 'cardB';
  name: string;
  type: 'checking' | 'credit';
  suffix: string;
  /** Share of the purchases on this account. */
  share: number;
  /** Day of the month a card is repaid (from checking). */
  payDay?: number;
  /** How the repayment reads on the checking statement, and on the card's. */
  paid?: [string, string];
}

export const HOUSEHOLD: readonly HouseholdAccount[] = [
  { key: 'checking', name: 'Bench Checking', type: 'checking', suffix: '3147', share: 0.2 },
  { key: 'cardA', name: 'Bench Card A', type: 'credit', suffix: '8842', share: 0.4, payDay: 5, paid: ['信用卡还款 招商银行 尾号8842', '还款 谢谢 PAYMENT THANK YOU'] },
  { key: 'cardB', name: 'Bench Card B', type: 'credit', suffix: '5521', share: 0.4, payDay: 8, paid: ['CREDIT CARD PAYMENT CITI 5521', 'AUTOPAY PAYMENT - THANK YOU'] },
];

export interface HouseholdInfo {
  /** Rows of the three files together (the one-account file holds the same rows). */
  rows: number;
  /** Card repayments: each is one row in checking and one on the card, to be linked. */
  repayments: number;
  first: string;
  last: string;
  files: Record<HouseholdAccount['key'] | 'combined', string>;
}

/** A statement file written in chunks. */
class Statement {
  private chunk: string[] = ['Date,Description,Amount'];
  private readonly fd: number;
  constructor(readonly file: string) {
    this.fd = fs.openSync(file, 'w');
  }
  add(date: string, description: string, minor: number): void {
    this.chunk.push(`${date},${csvField(description)},${formatAmount(minor)}`);
    if (this.chunk.length >= 5000) this.flush();
  }
  flush(): void {
    if (this.chunk.length > 0) fs.writeSync(this.fd, `${this.chunk.join('\n')}\n`);
    this.chunk = [];
  }
  close(): void {
    this.flush();
    fs.closeSync(this.fd);
  }
}

interface Repayment {
  day: number;
  card: HouseholdAccount;
}

/** Every card's repayment day in the range, for a month with a whole previous month of spending before it. */
function repaymentDays(start: number, end: number): Repayment[] {
  const out: Repayment[] = [];
  const first = new Date(start * 86_400_000);
  for (let y = first.getUTCFullYear(), m = first.getUTCMonth() + 1; ; m++) {
    const month = Date.UTC(y, m, 1) / 86_400_000;
    if (month > end) break;
    for (const card of HOUSEHOLD) {
      const day = month + (card.payDay ?? 1) - 1;
      if (card.payDay && day + 1 <= end) out.push({ day, card });
    }
  }
  return out.sort((a, b) => a.day - b.day);
}

/** Write the three statements and the one-account statement into `dir`. */
export function writeHousehold(dir: string, opts: { rows: number; seed?: number; end?: string; years?: number }): HouseholdInfo {
  const rand = prng(opts.seed ?? 7);
  const end = Math.floor(Date.parse(`${opts.end ?? '2026-10-31'}T00:00:00Z`) / 86_400_000);
  const days = Math.round((opts.years ?? 10) * 365.25);
  const start = end - days + 1;
  const repayments = repaymentDays(start, end);
  const purchases = opts.rows - 2 * repayments.length;
  if (purchases < opts.rows / 2) throw new Error(`${opts.rows} rows are too few for ${repayments.length} repayments`);
  const files = {
    checking: `${dir}/household-checking.csv`, cardA: `${dir}/household-card-a.csv`, cardB: `${dir}/household-card-b.csv`,
    combined: `${dir}/household-one-account.csv`,
  };
  const out = new Map(HOUSEHOLD.map((a) => [a.key, new Statement(files[a.key])]));
  const combined = new Statement(files.combined);
  const write = (account: HouseholdAccount, day: number, description: string, minor: number) => {
    const date = isoDay(day);
    out.get(account.key)?.add(date, description, minor);
    combined.add(date, description, minor);
  };
  const checking = HOUSEHOLD[0] as HouseholdAccount;
  const spent = new Map<string, number>(); // card key + month → spending
  const pending: { day: number; card: HouseholdAccount; amount: number }[] = []; // card sides, a day later
  let next = 0;
  /** Repayments (both sides) due up to `day`, in date order. */
  const settle = (day: number) => {
    for (let r = repayments[next]; r && r.day <= day; r = repayments[++next]) {
      const previous = isoDay(r.day - 28).slice(0, 7); // last month
      const amount = Math.max(100, spent.get(`${r.card.key} ${previous}`) ?? 0);
      write(checking, r.day, r.card.paid?.[0] ?? '', -amount);
      pending.push({ day: r.day + 1, card: r.card, amount });
    }
    while (pending[0] && pending[0].day <= day) {
      const p = pending.shift() as (typeof pending)[number];
      write(p.card, p.day, p.card.paid?.[1] ?? '', p.amount);
    }
  };
  let lastSalaryMonth = '';
  for (let i = 0; i < purchases; i++) {
    const day = start + Math.floor((i * days) / purchases);
    settle(day);
    const date = isoDay(day);
    const pick = rand();
    const account = (pick < 0.2 ? HOUSEHOLD[0] : pick < 0.6 ? HOUSEHOLD[1] : HOUSEHOLD[2]) as HouseholdAccount;
    if (account === checking && date.slice(0, 7) !== lastSalaryMonth && date.slice(8) >= '10') {
      lastSalaryMonth = date.slice(0, 7);
      write(account, day, SALARY, 2_500_000 + Math.floor(rand() * 500_000));
      continue;
    }
    const { description, minor } = randomPurchase(rand);
    write(account, day, description, minor);
    if (account !== checking) spent.set(`${account.key} ${date.slice(0, 7)}`, (spent.get(`${account.key} ${date.slice(0, 7)}`) ?? 0) - minor);
  }
  settle(end);
  for (const s of [...out.values(), combined]) s.close();
  return { rows: opts.rows, repayments: repayments.length, first: isoDay(start), last: isoDay(end), files };
}
