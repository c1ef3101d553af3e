/** `config list|get|set`: settings through conf (writes) and the fast JSON read (reads). */
import type { Context } from '../../core/context.js';
import { PocketbookError } from '../../core/errors.js';
import { isCurrencyCode } from '../../core/money.js';
import { tConfig as t } from '../../core/messages/cli-config.js';
import { DEFAULT_SETTINGS, SETTING_KEYS, configDir, openSettingsStore, readSettings } from './settings.js';

export interface SettingView {
  key: string;
  value: string;
  default: string;
  describe: string;
}

const show = (v: unknown) => (v === undefined || v === null ? '' : String(v));

function valueOf(settings: Record<string, unknown>, key: string): unknown {
  return key in settings ? settings[key] : key.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), settings);
}

export function listSettings(env: NodeJS.ProcessEnv = process.env): SettingView[] {
  const settings = readSettings(env) as Record<string, unknown>;
  return Object.entries(SETTING_KEYS).map(([key, spec]) => ({
    key,
    value: show(valueOf(settings, key)),
    default: show((DEFAULT_SETTINGS as Record<string, unknown>)[key]),
    describe: t(spec.describe),
  }));
}

function requireKey(key: string): void {
  if (!(key in SETTING_KEYS)) {
    throw new PocketbookError('BAD_INPUT', t('unknownSetting', { key }), { hint: t('settingsAre', { keys: Object.keys(SETTING_KEYS).join(', ') }) });
  }
}

export function getSetting(key: string, env: NodeJS.ProcessEnv = process.env): string {
  requireKey(key);
  return show(valueOf(readSettings(env) as Record<string, unknown>, key));
}

function validate(key: string, raw: string): unknown {
  const value = SETTING_KEYS[key]!.parse(raw.trim());
  const bad = (expected: string) => new PocketbookError('BAD_INPUT', t('notValid', { value: raw, key }), { hint: expected });
  if (key === 'currency' && !isCurrencyCode(String(value))) throw bad(t('useCurrency'));
  // The language is chosen from a fixed list: another value is a usage error naming the choices.
  if (key === 'locale' && value !== 'en' && value !== 'zh') throw new PocketbookError('USAGE', t('notValid', { value: raw, key }), { hint: t('useLocale') });
  if (key === 'color' && !/^(true|false)$/.test(raw.trim())) throw bad(t('useBool'));
  if (typeof value === 'number' && (!Number.isSafeInteger(value) || value <= 0)) throw bad(t('usePositive'));
  return value;
}

export async function setSetting(ctx: Context, key: string, raw: string, env: NodeJS.ProcessEnv = process.env): Promise<{ key: string; value: string; file: string }> {
  requireKey(key);
  const value = validate(key, raw);
  const store = await openSettingsStore(env);
  // conf treats dots as paths; keep flat keys flat so readSettings sees them as written.
  (store as unknown as { store: Record<string, unknown> }).store = { ...store.store, [key]: value };
  void ctx;
  return { key, value: show(value), file: `${configDir(env)}/config.json` };
}
