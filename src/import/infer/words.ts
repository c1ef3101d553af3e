/**
 * Header words and cell values that tell a column's role, in many languages (en, de, fr, es, it,
 * nl, pt, zh, ja …). Header words are matched against the whole cell with any bracketed part
 * (`Amount (EUR)`) removed; values decide where the words are silent or mislead. Pure.
 */

const re = (words: string): RegExp => new RegExp(`^(?:${words})$`, 'iu');

export const HEADER = {
  date: re(
    'date|datum|fecha|data|dato|päivämäärä|transaction date|trans\\.? date|txn date|posting date|posted date|post date|booking date|' +
      'buchungsdatum|buchungstag|buchung|date opération|date d\'opération|date de l\'opération|date operation|date comptable|' +
      'fecha operación|fecha de operación|fecha operacion|f\\. operación|data operazione|data contabile|data registrazione|' +
      'boekdatum|transactiedatum|data da transação|data movimento|data lançamento|' +
      '日付|日期|交易日期|记账日期|记账日|交易日|入出金日|取引日|お取引日|ご利用日|利用日|ご利用年月日|利用年月日|年月日|交易时间|date posted|completed date|started date',
  ),
  valueDate: re('value date|valuta|valutadatum|wertstellung|date de valeur|date valeur|fecha valor|fecha de valor|data valuta|起息日|transaction value date'),
  time: re('time|uhrzeit|heure|hora|ora|tijd|时间|時間|時刻|交易时刻'),
  description: re(
    'description|transaction description|details|transaction details|memo|narrative|narration|particulars|payee|merchant|merchant name|' +
      'label|libellé|libelle|libellé opération|intitulé|détail|beschreibung|verwendungszweck|buchungstext|text|umsatztext|' +
      'omschrijving|naam|naam / omschrijving|mededelingen|descripción|descripcion|concepto|movimiento|descrizione|causale|' +
      'descrizione operazione|histórico|descrição|descricao|摘要|内容|说明|交易摘要|摘要内容|交易说明|備考|お取引内容|取引内容|ご利用店名|' +
      'ご利用先|利用店名|商户名称|交易对方|对方户名|对方账户名称|counterparty|name|beneficiary|empfänger|auftraggeber|' +
      'auftraggeber / empfänger|begünstigter / auftraggeber|name zahlungsbeteiligter|bénéficiaire|destinatario|beneficiario|' +
      'payee name|transaction|note|notes|comment|comments|remarks|reference|referenz|référence|referencia|riferimento|purpose',
  ),
  amount: re(
    'amount|transaction amount|amt|betrag|umsatz|betrag \\(eur\\)|montant|montant eur|importe|bedrag|importo|valor|valor \\(eur\\)|' +
      'kwota|suma|summa|sum|value|net amount|金额|金額|交易金额|交易金額|取引金額|发生额|利用金額|ご利用金額|お支払金額|利用額|金额\\(元\\)',
  ),
  debit: re(
    'debit|debits|debit amount|dr|withdrawal|withdrawals|withdrawal amount|withdrawal amt\\.?|money out|paid out|out|outflow|spent|' +
      'charge|charges|payments|soll|ausgang|ausgaben|belastung|lastschrift|débit|debit eur|débits|debe|cargo|cargos|af|uitgaven|' +
      'uscite|addebiti|addebito|dare|débito|saída|支出|支出金额|出金|出金額|出金金額|支払金額|お支払金額|お引出し|お引出|引出金額|借方|借方金额|借方发生额|' +
      '支出金額|支払い金額|お支払い金額|ご利用金額\\(支払\\)',
  ),
  credit: re(
    'credit|credits|credit amount|cr|deposit|deposits|deposit amount|deposit amt\\.?|money in|paid in|in|inflow|received|' +
      'haben|eingang|einnahmen|gutschrift|crédit|credit eur|crédits|haber|abono|abonos|ingreso|ingresos|bij|inkomsten|' +
      'entrate|accrediti|accredito|avere|crédito|entrada|收入|收入金额|存入|存入金额|入金|入金額|入金金額|預入金額|お預入金額|お預入れ|お預入|' +
      '贷方|贷方金额|贷方发生额|收入金額|預かり金額|お預かり金額',
  ),
  balance: re(
    'balance|running balance|current balance|account balance|balance after|ledger balance|available balance|saldo|kontostand|' +
      'saldo nach buchung|solde|solde après opération|saldo contable|saldo disponible|saldo disponibile|saldo contabile|' +
      '余额|账户余额|本次余额|联机余额|結餘|结余|残高|差引残高|お預り残高',
  ),
  currency: re('currency|ccy|cur|curr|währung|waehrung|devise|monnaie|moneda|divisa|valuta|valutacode|moeda|munt|币种|货币|幣別|通貨|currency code'),
  direction: re(
    'type|transaction type|dr/cr|cr/dr|d/c|c/d|dc|cd|debit/credit|credit/debit|debit / credit|credit / debit|creditdebet|af bij|af/bij|' +
      'soll/haben|s/h|s-h|direction|sign|indicator|借贷|借贷标志|借贷方向|收/支|收支|收支类型|入出|入/出|入出金|typ|tipo|sens|art|kennzeichen|' +
      'debit credit|debit or credit|debit/credit indicator',
  ),
  reference: re('id|transaction id|reference number|ref|ref\\.|ref no|ref no\\.|check number|cheque number|流水号|交易流水号|参照番号|交易单号'),
};

/** Values of a type column that mean money out / money in (lower-cased). */
export const OUT_WORDS = [
  'debit', 'dr', 'd', 'db', 'deb', 's', 'soll', '借', '支', '支出', '出', '出金', 'out', 'withdrawal', 'débit', 'debe', 'cargo', 'addebito',
  'af', 'uit', 'dare', 'débito', 'payment out', 'ausgang', 'lastschrift', 'belastung',
];
export const IN_WORDS = [
  'credit', 'cr', 'c', 'h', 'haben', '贷', '收', '收入', '入', '入金', 'in', 'deposit', 'crédit', 'haber', 'abono', 'accredito', 'bij',
  'avere', 'crédito', 'eingang', 'gutschrift',
];
const OUT = new Set(OUT_WORDS);
const IN = new Set(IN_WORDS);

export function signWord(value: string): 'out' | 'in' | undefined {
  const v = value.trim().toLowerCase();
  return OUT.has(v) ? 'out' : IN.has(v) ? 'in' : undefined;
}

/** A payment to a card or a refund: the few rows of a card statement with the other sign. */
export const PAYMENT_WORDS =
  /payment|thank you|autopay|refund|returned|reversal|remboursement|paiement re[çc]u|pago recibido|pago tarjeta|devoluci[óo]n|zahlung|gutschrift|erstattung|rimborso|pagamento ricevuto|terugbetaling|betaling ontvangen|还款|退款|返金|入金|ご返済|お支払い/iu;

/** The bracketed part of a header cell (`记账金额(收入)` → `收入`), lower-cased, or ''. */
export function bracketKey(cell: string): string {
  return (/[(（[]([^)）\]]*)[)）\]]/u.exec(cell)?.[1] ?? '').trim().toLowerCase();
}

/** A header cell as matched: bracketed parts (`(EUR)`, `（円）`) and surrounding punctuation removed. */
export function headerKey(cell: string): string {
  return cell
    .replace(/[(（[].*?[)）\]]/gu, ' ')
    .replace(/[*:：."']+$/u, '')
    .replace(/(?:^|\s+)(?:in\s+)?(?:EUR|CHF|USD|GBP|JPY|CNY|RMB|CAD|AUD|SGD|HKD|€|\$|£|¥|￥|円|元)$/iu, '')
    .replace(/[_\s]+/g, ' ')
    .trim()
    .toLowerCase();
}

/** A currency named in a header cell or beside amounts: `Amount (EUR)`, `Betrag in CHF`, `€`, `円`. */
export function currencyIn(text: string): string | undefined {
  const code = /(?:^|[^A-Za-z])(EUR|USD|GBP|CHF|JPY|CNY|RMB|CAD|AUD|SGD|HKD|NZD|SEK|NOK|DKK|PLN|CZK|HUF|TWD|KRW|INR|MXN|BRL)(?:$|[^A-Za-z])/.exec(text)?.[1];
  if (code) return code === 'RMB' ? 'CNY' : code;
  if (/€/.test(text)) return 'EUR';
  if (/£/.test(text)) return 'GBP';
  if (/円/.test(text)) return 'JPY';
  if (/元|人民币/.test(text)) return 'CNY';
  return undefined;
}

/** ISO codes accepted as the values of a currency column (three capitals that are not words). */
export const CURRENCY_CODES = new Set(
  ('EUR USD GBP CHF JPY CNY CAD AUD SGD HKD NZD SEK NOK DKK PLN CZK HUF TWD KRW INR MXN BRL ZAR TRY RUB THB MYR IDR PHP VND ' +
    'AED SAR ILS RON BGN ISK').split(' '),
);
