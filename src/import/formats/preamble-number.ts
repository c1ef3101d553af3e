/**
 * A card or account number printed above a statement's header (`卡号末四位:8842`,
 * `Credit Card Number: 1234XXXXXXXX7890`, `Kartennummer: **** 4242`): it names the account of
 * every row of the file that has no card-number column of its own. Pure.
 */
const NUMBER_LINE =
  /(?:卡号(?:末四位|后四位|末4位|后4位)?|card\s*(?:number|no\.?|nr\.?|#)|account\s*(?:number|no\.?|#)|kartennummer|kontonummer|numéro de (?:carte|compte)|número de (?:tarjeta|cuenta))\s*[:：]\s*['"]?([\dXx*•\s-]*\d{4})(?!\d)/i;

/** The number (as printed, masked digits kept) named in the preamble lines, if any. */
export function preambleNumber(lines: readonly string[]): string | undefined {
  for (const line of lines) {
    const m = NUMBER_LINE.exec(line);
    if (m) return m[1]!.trim();
  }
  return undefined;
}
