import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { tempLedger } from './helpers.js';

const t = tempLedger();
afterAll(() => t.cleanup());

describe('pocketbook config', () => {
  it('lists defaults, sets and gets values in the config dir, and rejects bad ones', () => {
    const before = JSON.parse(t.run(['config', 'list', '--json']).stdout) as Record<string, string>;
    expect(before).toMatchObject({ currency: 'CNY', locale: 'en', color: 'true' });
    expect(t.run(['config', 'set', 'currency', 'eur']).stdout.trim()).toBe('currency = EUR');
    expect(t.run(['config', 'set', 'locale', 'zh']).code).toBe(0);
    expect(t.run(['config', 'get', 'currency']).stdout.trim()).toBe('EUR');
    const stored = JSON.parse(readFileSync(path.join(t.configDir, 'config.json'), 'utf8')) as Record<string, unknown>;
    expect(stored).toMatchObject({ currency: 'EUR', locale: 'zh' });
    // The language is one of a fixed list: another value is a usage error (exit 2) naming the choices.
    const fr = t.run(['config', 'set', 'locale', 'fr', '--lang', 'en']);
    expect(fr.code).toBe(2);
    expect(fr.stderr).toBe('pocketbook: "fr" is not a valid locale (use en or zh)\n');
    for (const args of [['config', 'set', 'currency', 'euro'], ['config', 'set', 'nope', '1'], ['config', 'get', 'nope']]) {
      const r = t.run(args);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr).toMatch(/^pocketbook: /);
    }
    // New accounts take the default currency.
    expect(t.run(['account', 'add', 'Giro', '--type', 'checking']).stdout).toMatch(/EUR/);
  });
});
