/**
 * Generic layouts recognised by common header names in several languages. They score below
 * every bank layout, and they never guess an ambiguous date order (set date_format instead).
 */
import type { Profile } from '../profile.js';

export const DATE = 'Date|Datum|Fecha|Data|Transaction Date|Booking Date|Buchungsdatum|Boekdatum|Date opération|日付|日期|交易日期|取引日';
export const DESCRIPTION =
  'Description|Details|Memo|Narrative|Payee|Label|Libellé|Libelle|Remarque|Intitulé|Beschreibung|Verwendungszweck|Text|Omschrijving|Descripción|Concepto|Descrizione|摘要|内容|交易摘要|说明|摘要内容';
export const AMOUNT = 'Amount|Betrag|Montant|Importe|Bedrag|Importo|Valor|Kwota|金额|金額|交易金额|取引金額';
export const CURRENCY = 'Currency|Währung|Waehrung|Devise|Moneda|Valuta|Valutacode|币种|通貨';
export const DEBIT = 'Debit|Debits|Withdrawal|Withdrawals|Money Out|Paid Out|Soll|Ausgang|Débit|Debe|Af|支出|出金|支払金額|支払い金額|出金金額|支出金额';
export const CREDIT = 'Credit|Credits|Deposit|Deposits|Money In|Paid In|Haben|Eingang|Crédit|Haber|Bij|收入|入金|預入金額|預かり金額|入金金額|存入金额';
/** A card-number column: it picks the account of each row by the number's last four digits. */
export const CARD = 'Card No.|Card No|Card Number|Card #|Card Nr|Kartennummer|Karten-Nr.|Kartennr.|Numéro de carte|N° de carte|Número de tarjeta|Numero carta|Kaartnummer|卡号末四位|卡号后四位|卡末四位|卡号|カード番号';
export const INDICATOR = 'D/C|DC|C/D|Dr/Cr|Cr/Dr|Debit/Credit|Credit/Debit|Credit / Debit|Debit / Credit|CreditDebet|Af Bij|Soll/Haben|S/H|借贷|借贷标志|收/支|收支';

export const genericProfiles: Profile[] = [
  {
    name: 'generic',
    describe: 'Generic Date, Description, Amount (one signed amount column; many languages)',
    generic: true,
    columns: { date: DATE, description: [DESCRIPTION], amount: AMOUNT, currency: CURRENCY, account: CARD },
    optional_columns: ['currency', 'account'],
  },
  {
    name: 'generic-debit-credit',
    describe: 'Generic Date, Description, Debit/Withdrawal, Credit/Deposit columns (many languages)',
    generic: true,
    columns: { date: DATE, description: [DESCRIPTION], debit: DEBIT, credit: CREDIT, currency: CURRENCY, account: CARD },
    optional_columns: ['currency', 'account'],
  },
  {
    name: 'generic-indicator',
    describe: 'Generic Date, Description, Amount plus a debit/credit indicator column (D/C, Dr/Cr …)',
    generic: true,
    columns: {
      date: DATE,
      description: [DESCRIPTION],
      amount: AMOUNT,
      direction: {
        column: INDICATOR,
        out: ['D', 'DR', 'DEBIT', 'Debet', 'Af', 'S', 'Soll', '借', '支', '支出'],
        in: ['C', 'CR', 'CREDIT', 'Bij', 'H', 'Haben', '贷', '收', '收入'],
      },
      currency: CURRENCY,
    },
    optional_columns: ['currency'],
  },
];
