/**
 * Merchant normalization: the clean name behind a raw statement description.
 * `POS 1234 STARBUCKS #0042 SHANGHAI` → `Starbucks`, `支付宝-云膳过桥米线(传奇广场店)` → `云膳过桥米线`.
 * Pure: no IO, no ledger. Aliases (user choices) are applied by the enricher afterwards.
 */
import { toHalfWidth } from '../core/money.js';

const WALLET_PREFIX = /^(?:支付宝|财付通|微信支付|微信|京东支付|美团支付|云闪付|抖音支付|银联在线|银联|拼多多支付|网银在线)\s*[-－_:：]\s*/;
const PROCESSOR_PREFIX = /^(?:SQ|TST|PAYPAL|PP|SP|IZ|ZETTLE|SUMUP|WPY|DNH|GOOGLE|APPLE\.COM\/BILL|AMZN MKTP [A-Z]{2})\s*\*\s*/i;
/** Leading words that name the payment type, not the payee. */
const TYPE_WORDS =
  /^(?:(?:POS|EFTPOS|VISA|MASTERCARD|MC|MAESTRO|DEBIT CARD|CREDIT CARD|CARD|CHECKCARD|CHECK CARD|PURCHASE|PURCHASE AUTHORIZED ON \S+|POS PURCHASE|POS DEBIT|POS MERCHANDISE|SALES|SALE|QR|APPLEPAY|APPLE PAY|GOOGLE PAY|GPAY|ACH|ACH DEBIT|ACH CREDIT|DIRECT DEBIT|DD|SEPA|LASTSCHRIFT|KARTENZAHLUNG|ELECTRONIC DEPOSIT|ELECTRONIC PAYMENT|ONLINE PAYMENT|RECURRING|RECURNG|WITHDRAWAL FROM|DEPOSIT FROM|PAYMENT TO|TRANSFER TO|TRANSFER FROM|RETURN|REFUND|消费|银联消费|快捷支付|一网通支付|网上支付|POS消费|转账|退款)\b[:;*\s-]*)+/i;
const CITIES = [
  'NEW YORK', 'SAN FRANCISCO', 'LOS ANGELES', 'SAN JOSE', 'SEATTLE', 'CHICAGO', 'BOSTON', 'HOUSTON', 'AUSTIN', 'DALLAS',
  'MIAMI', 'ATLANTA', 'DENVER', 'PORTLAND', 'TORONTO', 'VANCOUVER', 'MONTREAL', 'LONDON', 'PARIS', 'BERLIN', 'MUNICH',
  'MUENCHEN', 'HAMBURG', 'FRANKFURT', 'VIENNA', 'WIEN', 'AMSTERDAM', 'ROTTERDAM', 'ZURICH', 'DUBLIN', 'MADRID', 'BARCELONA',
  'ROME', 'MILAN', 'SYDNEY', 'MELBOURNE', 'AUCKLAND', 'SINGAPORE', 'HONG KONG', 'HONGKONG', 'TOKYO', 'OSAKA', 'SEOUL',
  'SHANGHAI', 'BEIJING', 'SHENZHEN', 'GUANGZHOU', 'HANGZHOU', 'CHENGDU', 'WUHAN', 'NANJING', 'SUZHOU', 'XIAN', "XI'AN",
  'TIANJIN', 'CHONGQING', 'XIAMEN', 'QINGDAO', 'DALIAN', 'KUNMING', 'CHANGSHA', 'TAIPEI', 'MACAU', 'BANGKOK',
];
const GLUED_CITY = new RegExp(`\\s*(?:${CITIES.map((c) => c.replace(/[.*+?^${}()|[\]\\']/g, '\\$&')).join('|')})$`, 'i');
const REGION_CODES = new Set(['CN', 'CHN', 'US', 'USA', 'NY', 'CA', 'WA', 'TX', 'MA', 'IL', 'GB', 'GBR', 'UK', 'HK', 'HKG', 'SG', 'SGP', 'DE', 'DEU', 'FR', 'FRA', 'NL', 'NLD', 'AT', 'AUT', 'JP', 'JPN', 'AU', 'AUS', 'CAN']);
const COMPANY_SUFFIX = /(?:\s*(?:股份)?有限(?:责任)?公司|\s*(?:集团)?有限公|\s+(?:CO\.?,?\s*LTD\.?|CO\.?|LTD\.?|LIMITED|INC\.?|LLC|L\.L\.C\.|GMBH|AG|S\.A\.|B\.V\.|PLC|CORP\.?|CORPORATION))$/i;
/** Well-known brands written many ways; keys are lower-case, spaces removed. */
const CANONICAL: Record<string, string> = {
  starbucks: 'Starbucks', 'starbuckscoffee': 'Starbucks', mcdonalds: "McDonald's", "mcdonald's": "McDonald's",
  kfc: 'KFC', kfcrestaurant: 'KFC', amazon: 'Amazon', amzn: 'Amazon', 'amazon.com': 'Amazon', amazonmktplacepmts: 'Amazon',
  amznmktp: 'Amazon', 'amazonmarketplace': 'Amazon', netflix: 'Netflix', 'netflix.com': 'Netflix', spotify: 'Spotify',
  'spotifyusa': 'Spotify', 'www.spotify.com': 'Spotify', uber: 'Uber', ubertrip: 'Uber', 'uber*trip': 'Uber', ubereats: 'Uber Eats',
  '7-eleven': '7-Eleven', '7-elevenconvenience': '7-Eleven', '7eleven': '7-Eleven', wholefds: 'Whole Foods',
  wholefoods: 'Whole Foods', 'wholefoodsmarket': 'Whole Foods', 't-mobile': 'T-Mobile', 'ikea': 'IKEA', 'costco': 'Costco',
  'luckincoffee': '瑞幸咖啡', '瑞幸': '瑞幸咖啡', meituan: '美团', pinduoduo: '拼多多', pinduoduoplatform: '拼多多',
  didi: '滴滴出行', '滴滴': '滴滴出行', 'shenzhenmetro': 'Shenzhen Metro',
};

/** Brands recognised by their first word alone (`AMAZON MKTPLACE PMTS` → Amazon). */
const BRAND_FIRST_WORD: Record<string, string> = {
  amazon: 'Amazon', amzn: 'Amazon', starbucks: 'Starbucks', wholefds: 'Whole Foods', 't-mobile': 'T-Mobile', netflix: 'Netflix',
  spotify: 'Spotify', mcdonalds: "McDonald's", "mcdonald's": "McDonald's", uber: 'Uber', costco: 'Costco', walmart: 'Walmart',
  target: 'Target', ikea: 'IKEA', kfc: 'KFC', lyft: 'Lyft', airbnb: 'Airbnb', paypal: 'PayPal', 'apple.com': 'Apple',
};
const SMALL_WORDS = new Set(['AND', 'THE', 'FOR', 'OF', 'INC', 'ON', 'AT', 'BY', 'TO', 'IN', 'PMT', 'FEE', 'BAR', 'PUB', 'INN', 'SPA', 'BAY', 'TEA', 'CAFE', 'BOOK']);

function titleCase(text: string): string {
  if (/\p{Ll}/u.test(text) || !/\p{Lu}/u.test(text)) return text; // already mixed case, or no Latin letters
  return text.replace(/[A-Za-z][A-Za-z']*/g, (word) => (word.length <= 3 && !/'/.test(word) && !SMALL_WORDS.has(word) ? word : word[0]! + word.slice(1).toLowerCase()));
}

const isCjk = (ch: string | undefined) => ch !== undefined && /[\u3400-\u9fff]/.test(ch);

/** Split on separators between the payee and details; keep the payee part. */
function pickSegment(text: string): string {
  const bySemicolon = text.split(/\s*;\s*/).filter((s) => s.trim() !== '');
  if (bySemicolon.length > 1) text = bySemicolon[bySemicolon.length - 1]!;
  const bySlash = text.split(/\s+\/\s+/).filter((s) => s.trim() !== '' && s.trim() !== '/');
  if (bySlash.length > 1) text = bySlash[0]!;
  const spaced = text.split(/\s+-\s+/).filter((s) => s.trim() !== '');
  if (spaced.length > 1) text = spaced[0]!;
  // A hyphen next to a Chinese character separates name and detail (掌上生活影票-电影票).
  const i = text.search(/[-－—]/);
  if (i > 0 && (isCjk(text[i - 1]) || isCjk(text[i + 1]))) text = text.slice(0, i);
  return text;
}

const MAX_INPUT = 200;

/** The clean merchant name for a raw description (or counterparty); undefined when nothing meaningful is left. */
export function normalizeMerchant(raw: string | undefined | null): string | undefined {
  if (!raw) return undefined;
  // A merchant name sits at the start of a description; capping the text keeps every pattern below linear-time safe.
  let text = toHalfWidth(raw.slice(0, MAX_INPUT)).replace(/[\t\r\n]+/g, ' ').replace(/\s+/g, ' ').trim();
  if (text === '' || text === '/') return undefined;
  text = text.replace(/&amp;/gi, '&');
  for (let pass = 0; pass < 2; pass++) {
    text = text.replace(WALLET_PREFIX, '').replace(PROCESSOR_PREFIX, '');
    text = text.replace(TYPE_WORDS, '');
  }
  text = pickSegment(text).trim().replace(GLUED_CITY, ' ');
  text = text
    .replace(/[$€£¥]?\s?\d+[.,]\d{2}\b/g, ' ') // amounts
    .replace(/[(（\[【<《][^()（）\[\]【】<>《》]*[)）\]】>》]/g, ' ') // (静安嘉里店), (7449), [CN]
    .replace(/(?:订单号|订单编号|交易单号|流水号|单号|order|ref|txn|trans(?:action)?|auth)\s*(?:no\.?|id)?\s*[#:：]?\s*[\w-]*\d[\w-]*/gi, ' ')
    .replace(/\b(?:order|ref|reference)\b\s*$/i, ' ')
    .replace(/(?:尾号|卡号|card\s*(?:no\.?)?)\s*[:：]?\s*[*xX\d]+/gi, ' ')
    .replace(/[*xX]{2,}\s*\d{2,4}\b/g, ' ') // ***0123, XXXX1234
    .replace(/#\s*\d[\w-]*/g, ' ') // store numbers #0042
    .replace(/\b(?:store|shop|branch|no\.?)\s*\d+\b/gi, ' ')
    .replace(/\b\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?\b/g, ' ') // dates
    .replace(/\b\d{1,2}:\d{2}(?::\d{2})?\b/g, ' ')
    .replace(/\b\d{3}[-.\s]?\d{3}[-.\s]?\d{4}\b/g, ' ') // phone numbers
    .replace(/[A-Za-z]*\d{4,}[A-Za-z]*/g, (m) => (/^[A-Za-z]{2,}\d{4,}$/.test(m) ? m.replace(/\d+$/, '') : ' ')) // codes and long digit runs
    .replace(/\d{4,}/g, ' ')
    .replace(/(?<=^|\s)\d{1,3}(?=\s|$)/g, ' ') // stray short numbers (terminal ids)
    .replace(/\s+/g, ' ')
    .trim();
  for (let pass = 0; pass < 3; pass++) {
    const before = text;
    text = text.replace(GLUED_CITY, '').replace(/(?<=^|\s)\d{1,3}$/, '').trim();
    const words = text.split(' ');
    while (words.length > 1 && REGION_CODES.has(words[words.length - 1]!.toUpperCase())) words.pop();
    text = words.join(' ').replace(COMPANY_SUFFIX, '').replace(/[\s,.;:/*_#-]+$/, '').replace(/^[\s,.;:/*_#-]+/, '').trim();
    if (text === before) break;
  }
  if (text === '' || !/[\p{L}]/u.test(text)) return undefined;
  const canonical = CANONICAL[text.toLowerCase().replace(/\s+/g, '')] ?? BRAND_FIRST_WORD[text.split(/[\s.]/)[0]!.toLowerCase()];
  return canonical ?? titleCase(text);
}

/** The key two spellings of one merchant share (case, width and spacing folded). */
export function merchantKey(name: string): string {
  return toHalfWidth(name).toLowerCase().replace(/\s+/g, ' ').trim();
}
