/**
 * Rows of a statement that are not transactions: pending (authorised, not yet booked) rows and
 * opening/closing/carried-forward balance lines, in the languages banks write. A cell must say it
 * whole (`Pending`, `Saldo iniziale`, `Opening balance 01/05/2020`): a description that merely
 * contains a word (`Balance transfer fee`, `Pending review refund`) is a transaction. Pure.
 */

const PENDING = [
  // en
  'pending', 'authorised', 'authorized', 'authorisation', 'authorization', 'pre-authorisation',
  'pre-authorization', 'preauthorisation', 'preauthorization', 'not yet posted', 'unposted', 'on hold', 'hold',
  // it, de, fr, es, pt, nl
  'autorizzato', 'autorizzata', 'autorizzazione', 'in attesa', 'in sospeso', 'non contabilizzato',
  'vorgemerkt', 'vormerkung', 'ausstehend', 'nicht gebucht', 'en attente', 'à venir', 'a venir', 'non comptabilisé',
  'pendiente', 'autorizado', 'autorizada', 'retenido', 'retenida', 'pendente', 'em processamento',
  'in behandeling', 'gereserveerd', 'nog niet verwerkt',
  // zh, ja
  '未入账', '待入账', '处理中', '處理中', '预授权', '預授權', '待处理', '保留中', '未確定', '処理中', '仮売上', '承認済',
];

const BALANCE = [
  // en
  'opening balance', 'closing balance', 'starting balance', 'ending balance', 'beginning balance',
  'previous balance', 'new balance', 'balance brought forward', 'brought forward', 'balance carried forward',
  'carried forward', 'balance b/f', 'balance c/f', 'b/f', 'c/f', 'balance forward', 'statement balance',
  // it
  'saldo iniziale', 'saldo finale', 'saldo precedente', 'saldo contabile', 'saldo disponibile', 'saldo al',
  // de
  'anfangssaldo', 'endsaldo', 'saldovortrag', 'alter saldo', 'neuer saldo', 'kontostand', 'startsaldo', 'schlusssaldo',
  // fr
  'solde initial', 'solde final', 'ancien solde', 'nouveau solde', 'solde précédent', 'solde au', 'solde d\'ouverture',
  'solde de clôture', 'solde créditeur', 'solde débiteur',
  // es, pt
  'saldo inicial', 'saldo anterior', 'saldo final', 'saldo actual', 'saldo atual',
  // nl
  'beginsaldo', 'eindsaldo', 'openingssaldo', 'vorig saldo', 'nieuw saldo',
  // zh, ja
  '期初余额', '期末余额', '上期余额', '本期余额', '上期结余', '本期结余', '承前残高', '前月繰越', '繰越残高', '次月繰越', '前回残高', '繰越',
];

/** Bare words that are a balance line only on a row without an amount. */
const BARE_BALANCE = ['balance', 'saldo', 'solde', 'kontostand', '余额', '餘額', '残高', 'total balance'];

const fold = (text: string) => text.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ');

const pendingSet = new Set(PENDING.map(fold));
const bareSet = new Set(BARE_BALANCE.map(fold));
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
/**
 * A balance phrase, then nothing but a date, a colon, an amount or a little word tying them
 * (`Opening balance:`, `Saldo iniziale al 01/05/2020`, `Solde au 31.05.2021`, `期初余额 2026-04-01`).
 */
const BALANCE_LINE = new RegExp(
  `^(?:${BALANCE.map(fold).sort((a, b) => b.length - a.length).map(escape).join('|')})` +
  `(?:[\\s:：,.\\-/*()]|\\d|\\b(?:at|as of|on|al|au|am|per|del|du|vom|zum|a|op|em|eur|usd|gbp|chf|cny|rmb|jpy|cad|aud|sgd)\\b)*$`,
  'u',
);

/** Is the whole cell a pending/authorised status? */
export function isPendingWord(cell: string): boolean {
  const text = fold(cell);
  return text !== '' && text.length <= 40 && pendingSet.has(text);
}

/** Is the whole cell a balance line's label (`Closing balance`, `Saldo finale al 31/05/2021`, `承前残高`)? */
export function isBalanceLabel(cell: string): boolean {
  const text = fold(cell);
  return text !== '' && text.length <= 60 && BALANCE_LINE.test(text);
}

/** Is the whole cell a bare balance word (`Balance`, `Saldo`), a balance line on a row with no amount? */
export function isBareBalanceWord(cell: string): boolean {
  return bareSet.has(fold(cell));
}

/**
 * A cheap first look, run on every cell of every row: can the cell start like any phrase above
 * (its first three letters, or the first character of a phrase that does not start in ASCII)?
 * Folding a cell (NFC, lower case, spaces) for the exact test costs more than parsing the row did,
 * so only the few cells that pass are folded.
 */
const MAYBE = new RegExp(
  `^\\s*(?:${[...new Set([...PENDING, ...BALANCE, ...BARE_BALANCE].map((w) => fold(w).slice(0, w.charCodeAt(0) < 128 ? 3 : 1)))]
    .map(escape)
    .join('|')}|.{0,2}[\\u0300-\\u036f])`, // a combining mark up front: not NFC, so fold and look
  'iu',
);

/** Why the record is not a transaction (pending, a balance line), or undefined. `amountless`: its amount cells are all empty. */
export function nonTransactionReason(cells: readonly string[], amountless: boolean): string | undefined {
  for (const cell of cells) {
    if (cell === '' || cell.length > 60 || !MAYBE.test(cell)) continue;
    if (isPendingWord(cell)) return `pending ("${cell.trim()}")`;
    if (isBalanceLabel(cell) || (amountless && isBareBalanceWord(cell))) return `balance line ("${cell.trim()}")`;
  }
  return undefined;
}
