/**
 * The currency a user's locale implies (LC_ALL, LC_MONETARY, LANG): the default of the `currency`
 * setting when the user set none, so a US or European file never becomes CNY silently (issue 30).
 * Undefined for the C/POSIX locale or one it does not know: the built-in default stays. Pure.
 */

const BY_REGION: Record<string, string> = {
  US: 'USD', GB: 'GBP', CA: 'CAD', AU: 'AUD', NZ: 'NZD', IE: 'EUR', SG: 'SGD', HK: 'HKD', TW: 'TWD', CN: 'CNY', JP: 'JPY',
  KR: 'KRW', IN: 'INR', CH: 'CHF', LI: 'CHF', DE: 'EUR', AT: 'EUR', FR: 'EUR', BE: 'EUR', LU: 'EUR', NL: 'EUR', ES: 'EUR',
  IT: 'EUR', PT: 'EUR', FI: 'EUR', GR: 'EUR', LT: 'EUR', LV: 'EUR', EE: 'EUR', SK: 'EUR', SI: 'EUR', MT: 'EUR', CY: 'EUR',
  HR: 'EUR', SE: 'SEK', NO: 'NOK', DK: 'DKK', PL: 'PLN', CZ: 'CZK', HU: 'HUF', MX: 'MXN', BR: 'BRL', ZA: 'ZAR', TR: 'TRY',
  TH: 'THB', MY: 'MYR', ID: 'IDR', PH: 'PHP', VN: 'VND', IL: 'ILS', AE: 'AED', RO: 'RON', BG: 'BGN', IS: 'ISK',
};
const BY_LANGUAGE: Record<string, string> = {
  zh: 'CNY', ja: 'JPY', ko: 'KRW', de: 'EUR', fr: 'EUR', es: 'EUR', it: 'EUR', nl: 'EUR', pt: 'EUR', fi: 'EUR', el: 'EUR',
  lt: 'EUR', lv: 'EUR', et: 'EUR', sk: 'EUR', sl: 'EUR', sv: 'SEK', nb: 'NOK', da: 'DKK', pl: 'PLN', cs: 'CZK', hu: 'HUF', en: 'USD',
};

/** `en_US.UTF-8` → USD, `de_CH` → CHF, `de` → EUR, `C.UTF-8` → undefined. */
export function currencyOfLocale(locale: string | undefined): string | undefined {
  const m = /^([a-z]{2,3})(?:[_-]([A-Z]{2}))?/i.exec(locale ?? '');
  if (!m || /^(c|posix)$/i.test(m[1]!)) return undefined;
  const region = m[2]?.toUpperCase();
  return (region ? BY_REGION[region] : undefined) ?? BY_LANGUAGE[m[1]!.toLowerCase()];
}

/** The locale's currency from the environment, the first of LC_ALL, LC_MONETARY, LANG that is set. */
export function localeCurrency(env: Record<string, string | undefined>): string | undefined {
  const locale = [env.LC_ALL, env.LC_MONETARY, env.LANG].find((v) => v !== undefined && v !== '');
  return currencyOfLocale(locale);
}
