/**
 * The interface language. Every word a person reads comes from a catalogue of messages, each in
 * English and Chinese (`src/core/messages/`, one file per area); JSON keys and enum values never
 * change with the language.
 *
 * The language is chosen once per run, before any command is registered (so `--help` follows it):
 * `--lang zh|en`, else `config set locale`, else LC_ALL / LC_MESSAGES / LANG (`zh_*` → zh), else en.
 * It is process-wide state on purpose: a CLI speaks one language per run, and threading it through
 * every renderer would add a parameter to hundreds of functions. Tests set it with `setLocale` or
 * `withLocale`.
 */
export type Locale = 'en' | 'zh';

export const LOCALES: readonly Locale[] = ['en', 'zh'];

/** One message in both languages. `{name}` marks a placeholder; both texts must use the same ones. */
export interface Message {
  readonly en: string;
  readonly zh: string;
}

export type Catalogue = Readonly<Record<string, Message>>;

export type Params = Readonly<Record<string, string | number | bigint>>;

let current: Locale = 'en';

export function setLocale(locale: Locale): void {
  current = locale;
}

export function getLocale(): Locale {
  return current;
}

/** Run `fn` with another locale, then restore the previous one (tests, and Markdown for a fixed reader). */
export function withLocale<T>(locale: Locale, fn: () => T): T {
  const before = current;
  current = locale;
  try {
    return fn();
  } finally {
    current = before;
  }
}

/** `zh`, `zh_CN.UTF-8`, `zh-Hant`, `ZH` → zh; `en`, `en_US`, `C`, `POSIX` → en; anything else → undefined. */
export function parseLocale(value: string | undefined): Locale | undefined {
  if (!value) return undefined;
  const v = value.trim().toLowerCase();
  if (v === 'zh' || v.startsWith('zh_') || v.startsWith('zh-') || v.startsWith('zh.')) return 'zh';
  if (v === 'en' || v.startsWith('en_') || v.startsWith('en-') || v.startsWith('en.') || v === 'c' || v.startsWith('c.') || v === 'posix') {
    return 'en';
  }
  return undefined;
}

/**
 * The locale the environment asks for, POSIX order: the first of LC_ALL, LC_MESSAGES, LANG that is
 * set decides (an unrelated language such as de_DE means English, our other language).
 */
export function localeFromEnv(env: NodeJS.ProcessEnv = process.env): Locale {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG'] as const) {
    const value = env[name];
    if (value) return parseLocale(value) ?? 'en';
  }
  return 'en';
}

const PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/** The placeholder names a text uses, sorted and without repeats. */
export function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]!))].sort();
}

/** Fill `{name}` placeholders; a placeholder without a value stays as written (a test catches that). */
export function fill(text: string, params?: Params): string {
  if (!params) return text;
  return text.replace(PLACEHOLDER, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export type Translate<C extends Catalogue> = ((key: keyof C & string, params?: Params) => string) & {
  readonly catalogue: C;
};

/**
 * A catalogue's translate function: `const t = messages({ saved: { en: 'Saved {n}', zh: '已保存 {n} 条' } })`
 * then `t('saved', { n: 3 })` in the current locale. `t.catalogue` is what the catalogue test reads.
 */
export function messages<C extends Catalogue>(catalogue: C): Translate<C> {
  const t = (key: keyof C & string, params?: Params): string => fill(catalogue[key]![current], params);
  return Object.assign(t, { catalogue });
}

/** Pick between two texts by locale, for the rare value that is not a sentence (a unit, a separator). */
export function byLocale<T>(choices: { en: T; zh: T }): T {
  return choices[current];
}
