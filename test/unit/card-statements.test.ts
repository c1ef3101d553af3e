/** Issue 22: the pure pieces behind card statements — yearless dates, card inflows, institutions, number lines. */
import { describe, expect, it } from 'vitest';
import { yearlessDate, cardDate } from '../../src/import/formats/china/yearless.js';
import { fullDate } from '../../src/import/formats/china/layout.js';
import { creditInflowKind } from '../../src/core/card-inflow.js';
import { sameInstitution } from '../../src/app/import/account-match.js';
import { preambleNumber } from '../../src/import/formats/preamble-number.js';

describe('yearlessDate', () => {
  const cycle = '招商银行信用卡对账单\n账单周期:2026/12/20-2027/01/19';
  it('gives each row the year that puts it in (or nearest) the 账单周期', () => {
    expect(yearlessDate('12/18', cycle, '2030-06-01').date).toBe('2026-12-18');
    expect(yearlessDate('12/31', cycle, '2030-06-01').date).toBe('2026-12-31');
    expect(yearlessDate('01/05', cycle, '2030-06-01').date).toBe('2027-01-05');
    expect(yearlessDate('09-03', '账单周期：2026年09月01日-2026年09月30日', '2030-06-01').date).toBe('2026-09-03');
  });
  it('falls back to the YYYY年MM月 title, then today', () => {
    expect(yearlessDate('12/29', '招商银行信用卡对账单（个人消费卡账户 2024年01月）', '2030-06-01').date).toBe('2023-12-29');
    expect(yearlessDate('01/05', '招商银行信用卡对账单（个人消费卡账户 2024年01月）', '2030-06-01').date).toBe('2024-01-05');
    expect(yearlessDate('12/30', '', '2027-01-10').date).toBe('2026-12-30');
  });
  it('finds a leap day in the year that has one, and refuses a date that is none', () => {
    expect(yearlessDate('02/29', '账单周期:2028/02/01-2028/02/28', '2030-06-01').date).toBe('2028-02-29');
    expect(() => yearlessDate('13/01', cycle, '2030-06-01')).toThrow(/13\/01/);
  });
  it('cardDate takes a full date as it is', () => {
    expect(cardDate('2026/09/03', cycle, '2030-06-01', fullDate).date).toBe('2026-09-03');
    expect(cardDate('09/03', '账单周期:2026/09/01-2026/09/30', '2030-06-01', fullDate).date).toBe('2026-09-03');
  });
});

describe('creditInflowKind', () => {
  it('payments are transfers, in any language, with or without a keyword', () => {
    for (const d of ['还款', '自动还款', '信用卡还款', '银联还款', 'PAYMENT THANK YOU', 'AUTOPAY', 'ONLINE PAYMENT', 'Zahlung', 'Paiement', 'THANK YOU']) {
      expect(creditInflowKind(d), d).toBe('transfer');
    }
  });
  it('refunds, returns, reversals and cashback are money given back; interest credited is income', () => {
    for (const d of ['淘宝退款', '京东商城-退货', 'REFUND AMAZON', 'RETURN BLUE BOTTLE', 'credit voucher', 'CASHBACK', 'Gutschrift', 'INTEREST CHARGE REVERSAL', '年费返还']) {
      expect(creditInflowKind(d), d).toBe('refund');
    }
    expect(creditInflowKind('溢缴款利息')).toBe('income');
    expect(creditInflowKind('INTEREST EARNED')).toBe('income');
  });
});

describe('sameInstitution', () => {
  it('matches spellings of one institution and not two that share a generic word', () => {
    expect(sameInstitution('CMB', 'CMB 招商银行')).toBe(true);
    expect(sameInstitution('招商银行', '招商银行信用卡中心')).toBe(true);
    expect(sameInstitution('Chase', 'JPMorgan Chase Bank, N.A.')).toBe(true);
    expect(sameInstitution('Bank of America', 'Chase Bank')).toBe(false);
    expect(sameInstitution('招商银行', '工商银行')).toBe(false);
    expect(sameInstitution('China Merchants Bank', 'CMB 招商银行')).toBe(true);
    expect(sameInstitution('Industrial and Commercial Bank of China', 'ICBC 工商银行')).toBe(true);
    expect(sameInstitution('Bank of China', 'BOC 中国银行')).toBe(true);
    expect(sameInstitution('Bank of China', 'CMB 招商银行')).toBe(false);
    expect(sameInstitution('Chase Bank', 'Citi Bank')).toBe(false);
  });
});

describe('preambleNumber', () => {
  it('reads card and account number lines, masked or not', () => {
    expect(preambleNumber(['招商银行信用卡对账单', '卡号末四位:8842'])).toBe('8842');
    expect(preambleNumber(['Credit Card Number: 1234XXXXXXXX7890'])).toBe('1234XXXXXXXX7890');
    expect(preambleNumber(['Kartennummer: **** 4242'])).toBe('**** 4242');
    expect(preambleNumber(['Statement 2026', 'Opening balance: 1234.00'])).toBeUndefined();
  });
});
