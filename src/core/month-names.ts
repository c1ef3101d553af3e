/**
 * Month names as banks print them, in English, French, German, Spanish, Italian, Portuguese and
 * Dutch: full names and any prefix of at least three letters that names one month only
 * (`Jan`, `janv.`, `Mär`, `Mrz`, `giu`, `juil.`, `Dez`, `dic`). Pure.
 */

const NAMES: readonly (readonly string[])[] = [
  ['january', 'janvier', 'januar', 'jänner', 'enero', 'gennaio', 'janeiro', 'januari'],
  ['february', 'février', 'februar', 'feber', 'febrero', 'febbraio', 'fevereiro', 'februari'],
  ['march', 'mars', 'märz', 'maerz', 'mrz', 'marzo', 'março', 'maart'],
  ['april', 'avril', 'abril', 'aprile'],
  ['may', 'mai', 'mayo', 'maggio', 'maio', 'mei'],
  ['june', 'juin', 'juni', 'junio', 'giugno', 'junho'],
  ['july', 'juillet', 'juli', 'julio', 'luglio', 'julho'],
  ['august', 'août', 'agosto', 'augustus'],
  ['september', 'septembre', 'septiembre', 'settembre', 'setembro', 'sept'],
  ['october', 'octobre', 'oktober', 'octubre', 'ottobre', 'outubro'],
  ['november', 'novembre', 'noviembre', 'novembro'],
  ['december', 'décembre', 'dezember', 'diciembre', 'dicembre', 'dezembro'],
];

/** Lower case without diacritics: `Févr.` → `fevr`, `März` → `marz`. */
function fold(word: string): string {
  return word.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\.$/, '');
}

const FOLDED: readonly (readonly string[])[] = NAMES.map((names) => names.map(fold));

const cache = new Map<string, number | undefined>();

/**
 * The month (1–12) a word names, or undefined when it names none or could be two
 * (`jui` is juin or juillet). A word of fewer than three letters is never a month.
 */
export function monthFromName(word: string): number | undefined {
  const key = fold(word.trim());
  if (cache.has(key)) return cache.get(key);
  let found: number | undefined;
  if (key.length >= 3 && /^\p{L}+$/u.test(key)) {
    const months = FOLDED.flatMap((names, i) => (names.some((n) => n === key || n.startsWith(key)) ? [i + 1] : []));
    found = months.length === 1 ? months[0] : undefined;
  }
  if (cache.size < 1000) cache.set(key, found);
  return found;
}
