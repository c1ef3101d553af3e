/**
 * The message catalogue: every message of every area file in src/core/messages exists in English
 * and Chinese, both use the same placeholders, and a Chinese text is not the English one copied.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fill, localeFromEnv, parseLocale, placeholders, withLocale, type Catalogue } from '../../src/core/i18n.js';
import { tCommon } from '../../src/core/messages/common.js';

const DIR = path.resolve(__dirname, '../../src/core/messages');

/** Chinese texts allowed to equal their English (codes and symbols read the same in both). */
const SAME_IN_BOTH = new Set<string>(['CSV', 'JSON', 'OFX', 'QIF', 'YAML', 'PDF', 'HTML', 'SVG', 'ID']);

async function catalogues(): Promise<{ file: string; name: string; catalogue: Catalogue }[]> {
  const found: { file: string; name: string; catalogue: Catalogue }[] = [];
  for (const file of fs.readdirSync(DIR).filter((f) => f.endsWith('.ts')).sort()) {
    const mod = (await import(path.join(DIR, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) {
      if (typeof value === 'function' && 'catalogue' in value) found.push({ file, name, catalogue: (value as { catalogue: Catalogue }).catalogue });
    }
  }
  return found;
}

describe('message catalogue', () => {
  it('every area file exports a catalogue', async () => {
    const files = fs.readdirSync(DIR).filter((f) => f.endsWith('.ts'));
    const cats = await catalogues();
    for (const file of files) expect(cats.some((c) => c.file === file), file).toBe(true);
  });

  it('every message has English and Chinese with the same placeholders', async () => {
    const problems: string[] = [];
    for (const { file, catalogue } of await catalogues()) {
      for (const [key, message] of Object.entries(catalogue)) {
        const where = `${file} ${key}`;
        if (typeof message.en !== 'string' || message.en.trim() === '') problems.push(`${where}: no English`);
        if (typeof message.zh !== 'string' || message.zh.trim() === '') problems.push(`${where}: no Chinese`);
        if (placeholders(message.en).join() !== placeholders(message.zh).join()) {
          problems.push(`${where}: placeholders differ (${placeholders(message.en)} vs ${placeholders(message.zh)})`);
        }
        if (/[A-Za-z]{3,}/.test(message.en) && message.zh === message.en && !SAME_IN_BOTH.has(message.zh)) {
          problems.push(`${where}: the Chinese text is the English one`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('keys are unique across area files', async () => {
    const seen = new Map<string, string>();
    const clashes: string[] = [];
    for (const { file, name, catalogue } of await catalogues()) {
      for (const key of Object.keys(catalogue)) {
        const full = `${name}.${key}`;
        if (seen.has(full)) clashes.push(`${full} in ${seen.get(full)} and ${file}`);
        seen.set(full, file);
      }
    }
    expect(clashes).toEqual([]);
  });
});

describe('locale', () => {
  it('reads zh from LC_ALL, LC_MESSAGES or LANG in that order', () => {
    expect(localeFromEnv({ LANG: 'zh_CN.UTF-8' })).toBe('zh');
    expect(localeFromEnv({ LC_ALL: 'en_US.UTF-8', LANG: 'zh_CN.UTF-8' })).toBe('en');
    expect(localeFromEnv({ LC_MESSAGES: 'zh_TW.UTF-8', LANG: 'en_US' })).toBe('zh');
    expect(localeFromEnv({ LANG: 'de_DE.UTF-8' })).toBe('en');
    expect(localeFromEnv({})).toBe('en');
    expect(parseLocale('ZH')).toBe('zh');
    expect(parseLocale('fr')).toBeUndefined();
  });

  it('fills placeholders and follows the current locale', () => {
    expect(fill('{a} and {b}', { a: 1, b: 'x' })).toBe('1 and x');
    expect(withLocale('zh', () => tCommon('entries', { n: 3 }))).toBe('3 笔');
    expect(withLocale('en', () => tCommon('entries', { n: 3 }))).toBe('3 entries');
  });
});

describe('periods read naturally', () => {
  it('months and days in each locale', async () => {
    const { monthLabel, dayLabel, shortMonthLabel, yearLabel } = await import('../../src/core/period-text.js');
    expect(withLocale('zh', () => [monthLabel('2026-09'), dayLabel('2026-09-03'), shortMonthLabel('2026-12'), yearLabel(2026)])).toEqual([
      '2026年9月', '9月3日 周四', '12月', '2026年',
    ]);
    expect(withLocale('en', () => [monthLabel('2026-09'), dayLabel('2026-09-03'), shortMonthLabel('2026-12'), yearLabel(2026)])).toEqual([
      'Sep 2026', 'Thu 3 Sep', 'Dec', '2026',
    ]);
  });
});
