/**
 * Settings live in a `conf` store (config.json in the user config directory). Reading takes
 * the fast path — the JSON file itself — so start-up never pays for loading `conf`;
 * writing goes through `conf`, loaded lazily.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Settings } from '../../core/context.js';
import { localeFromEnv } from '../../core/i18n.js';
import { tConfig } from '../../core/messages/cli-config.js';
import { localeCurrency } from '../../core/locale-currency.js';
import { userFolder } from '../../core/user-folders.js';
import { ensurePrivateDir, noLedger } from '../../ledger/private-files.js';

export const DEFAULT_SETTINGS: Settings = { currency: 'CNY', locale: 'en', color: true };

/** Each setting: its meaning (a catalogue key, said in the run's language) and how its text is read. */
export const SETTING_KEYS: Record<string, { describe: Parameters<typeof tConfig>[0]; parse: (v: string) => unknown }> = {
  currency: { describe: 'currency', parse: (v) => v.toUpperCase() },
  locale: { describe: 'locale', parse: (v) => v },
  color: { describe: 'color', parse: (v) => v === 'true' },
  'report.top': { describe: 'reportTop', parse: (v) => Number(v) },
  name: { describe: 'name', parse: (v) => v.trim() },
  'badges.file': { describe: 'badgesFile', parse: (v) => (v === '' ? '' : path.resolve(v)) },
};

/** The folder `conf` uses for project "pocketbook" (XDG on Linux), unless POCKETBOOK_CONFIG_DIR is set. */
export function configDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.POCKETBOOK_CONFIG_DIR) return env.POCKETBOOK_CONFIG_DIR;
  return userFolder('config', { env, platform: process.platform, home: os.homedir() });
}

/** The user data folder where the default ledger lives (same logic as `conf`/env-paths). */
export function dataDir(env: NodeJS.ProcessEnv = process.env): string {
  return userFolder('data', { env, platform: process.platform, home: os.homedir() });
}

/** `--ledger`, else $POCKETBOOK_LEDGER, else ledger.db in the user data folder. */
export function resolveLedgerPath(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  const chosen = flag ?? env.POCKETBOOK_LEDGER;
  return path.resolve(chosen && chosen !== '' ? chosen : path.join(dataDir(env), 'ledger.db'));
}

/**
 * Commands that may make a new ledger (they add something to it), or open none of their own; any
 * other one, given a ledger path where there is none (a typo), says so and creates nothing.
 */
const MAY_CREATE = new Set(['import', 'demo', 'check', 'account add', 'tx add', 'budget set', 'benefit add', 'category add', 'merchant alias', 'rules add', 'rules import', 'rules edit', 'rules defaults']);
const NO_LEDGER = new Set(['config', 'profile']);

/** Throws NOT_FOUND ("no ledger at PATH") when `command` (e.g. "report month") needs a ledger that is not there. */
export function requireLedgerFor(command: string, ledgerPath: string): void {
  if (MAY_CREATE.has(command) || NO_LEDGER.has(command.split(' ')[0] ?? '')) return;
  if (!fs.existsSync(ledgerPath)) throw noLedger(ledgerPath);
}

/** Only what the user stored (`config set`); a missing or unreadable file stores nothing. */
export function readStoredSettings(env: NodeJS.ProcessEnv = process.env): Record<string, unknown> {
  try {
    const stored = JSON.parse(fs.readFileSync(path.join(configDir(env), 'config.json'), 'utf8')) as unknown;
    return stored && typeof stored === 'object' && !Array.isArray(stored) ? (stored as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** Settings as stored, over the defaults the environment implies. */
export function readSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  return { ...localeDefaults(env), ...readStoredSettings(env) } as Settings;
}

/**
 * The defaults, with the currency the locale implies (LANG=en_US → USD, de_DE → EUR; C keeps CNY)
 * and the language LC_ALL / LC_MESSAGES / LANG ask for: a stored `locale` wins only when the user
 * stored one.
 */
function localeDefaults(env: NodeJS.ProcessEnv): Settings {
  return { ...DEFAULT_SETTINGS, currency: localeCurrency(env) ?? DEFAULT_SETTINGS.currency, locale: localeFromEnv(env) };
}

/** The `conf` store itself, for writing. Loaded lazily: it is heavy. */
export async function openSettingsStore(env: NodeJS.ProcessEnv = process.env) {
  const { default: Conf } = await import('conf');
  // conf makes its folder with the umask's mode (0777 under umask 000): make it 0700 first.
  ensurePrivateDir(configDir(env));
  return new Conf<Record<string, unknown>>({ projectName: 'pocketbook', cwd: configDir(env), configFileMode: 0o600, defaults: {} });
}
