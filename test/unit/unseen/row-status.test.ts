import { describe, expect, it } from 'vitest';
import { isBalanceLabel, isPendingWord, nonTransactionReason } from '../../../src/import/formats/row-status.js';
import { readCsv } from '../csv-helpers.js';

describe('pending and balance rows (issue 30, class 9)', () => {
  it.each([
    'Pending', 'PENDING', 'Authorised', 'Authorized', 'Autorizzato', 'In attesa', 'Vorgemerkt', 'En attente',
    'Pendiente', 'Pendente', 'In behandeling', '未入账', '处理中', '保留中', '未確定',
  ])('%s is pending', (word) => {
    expect(isPendingWord(word)).toBe(true);
  });

  it.each([
    'Opening balance', 'Closing Balance', 'Balance brought forward', 'Saldo iniziale', 'Saldo finale al 31/05/2021',
    'Anfangssaldo', 'Endsaldo', 'Alter Saldo', 'Solde initial', 'Solde final au 31.05.2021', 'Saldo inicial', 'Saldo final',
    'Beginsaldo', '期初余额', '期末余额', '承前残高', '繰越残高', 'Opening balance: EUR 1.000,00',
  ])('%s is a balance line', (label) => {
    expect(isBalanceLabel(label)).toBe(true);
  });

  it.each([
    'Balance transfer fee', 'Pending review refund', 'Opening balance transfer to savings', 'AUTHORISED DEALER LTD', 'Saldo pagamento carta',
  ])('%s is a transaction', (description) => {
    expect(isPendingWord(description)).toBe(false);
    expect(isBalanceLabel(description)).toBe(false);
    expect(nonTransactionReason(['2021-05-01', description, '-5.00'], false)).toBeUndefined();
  });

  it('a bare "Balance" is a balance line only on a row without an amount', () => {
    expect(nonTransactionReason(['2021-05-01', 'Balance', '', '', '733.00'], true)).toMatch(/balance line/);
    expect(nonTransactionReason(['2021-05-01', 'Balance', '-5.00'], false)).toBeUndefined();
  });

  it.each([
    ['Data,Descrizione,Importo,Stato', '2021-05-03,HOTEL,-200.00,Autorizzato', '2021-05-01,Saldo iniziale,1000.00,'],
    ['Datum,Beschreibung,Betrag,Status', '2021-05-03,HOTEL,-200.00,Vorgemerkt', '2021-05-01,Anfangssaldo,1000.00,'],
    ['Date,Libellé,Montant,Statut', '2021-05-03,HOTEL,-200.00,En attente', '2021-05-01,Solde initial,1000.00,'],
    ['Fecha,Concepto,Importe,Estado', '2021-05-03,HOTEL,-200.00,Pendiente', '2021-05-01,Saldo inicial,1000.00,'],
    ['交易日期,摘要,金额,状态', '2021-05-03,酒店,-200.00,未入账', '2021-05-01,期初余额,1000.00,'],
    ['Date,Description,Amount,Status', '2021-05-03,HOTEL,-200.00,Pending', '2021-05-01,Opening balance,1000.00,'],
  ])('skips and counts the pending and balance words of a statement headed %s', async (header, pending, balance) => {
    const file = [header.replace(/^[^,]+,[^,]+,[^,]+/, 'Date,Description,Amount'), balance, pending, '2021-05-04,GROCER,-30.00,'].join('\n');
    const { rows, skipped } = await readCsv(file);
    expect(rows.map((r) => r.description)).toEqual(['GROCER']);
    expect(skipped.map((s) => s.line)).toEqual([2, 3]);
  });
});

describe('the cheap first look never hides a phrase the exact test would find', () => {
  it('upper case, leading spaces, decomposed accents and CJK still reach the exact test', () => {
    for (const cell of ['  OPENING BALANCE', 'Saldo Iniziale al 01/05/2020', 'a\u0300 venir', 'Solde pre\u0301ce\u0301dent', 'EN ATTENTE', 'À VENIR', '期初余额', '承前残高', 'VORGEMERKT', 'b/f', ' Pending ']) {
      expect(nonTransactionReason(['2026-05-01', cell, '12.00'], false), cell).toBeDefined();
    }
    expect(nonTransactionReason(['2026-05-01', 'Balance transfer fee', '-5.00'], false)).toBeUndefined();
    expect(nonTransactionReason(['2026-05-01', 'Coffee', '-5.00'], false)).toBeUndefined();
  });
});
