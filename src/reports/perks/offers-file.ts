/**
 * The offers file (YAML), parsed and validated without IO:
 *
 *   offers:
 *     - name: Luckin 20% off
 *       account: CMB Credit Card                  # optional
 *       merchant: luckin                          # merchant/description text, or
 *       category: Coffee & tea                    # a category (with its subcategories)
 *       rule: { percent_off: 20, max_off: 10 }    # or { spend: 100, off: 20 } or { off: 5 }
 *       days: [sat, sun]                          # optional: mon..sun, 周一..周日, 1..7 (1 = Monday)
 *       valid: { from: 2026-10-01, to: 2026-12-31 }
 *
 * Every problem is one BAD_INPUT error located at FILE:LINE naming the offer (index and name).
 */
import { createRequire } from 'node:module';
import type { Node as YamlNode, YAMLMap } from 'yaml';
import { isIsoDate } from '../../core/dates.js';
import { PocketbookError } from '../../core/errors.js';
import { parseUserAmount } from '../../core/money.js';
import { tOffers as t } from '../../core/messages/offers.js';
import type { OfferRule, OfferSpec } from './offers.js';

// `yaml` is loaded only when an offers file is read.
const requireYaml = (): typeof import('yaml') => createRequire(import.meta.url)('yaml') as typeof import('yaml');

const KEYS = ['name', 'account', 'merchant', 'category', 'rule', 'days', 'valid'];
const RULE_SHAPES = [['percent_off', 'max_off'], ['percent_off'], ['spend', 'off'], ['off']];

/** Day names (lower case) → 0 = Monday … 6 = Sunday. */
const DAY_NAMES: ReadonlyMap<string, number> = new Map(
  [
    ['mon', 'monday', '1', '周一', '星期一', '一'],
    ['tue', 'tuesday', '2', '周二', '星期二', '二'],
    ['wed', 'wednesday', '3', '周三', '星期三', '三'],
    ['thu', 'thursday', '4', '周四', '星期四', '四'],
    ['fri', 'friday', '5', '周五', '星期五', '五'],
    ['sat', 'saturday', '6', '周六', '星期六', '六'],
    ['sun', 'sunday', '7', '周日', '周天', '星期日', '星期天', '日', '天'],
  ].flatMap((names, day) => names.map((n) => [n, day] as const)),
);

/** A day of the week as the file may write it → 0..6, or undefined. */
export function dayOfWeek(text: string): number | undefined {
  return DAY_NAMES.get(text.trim().toLowerCase());
}

class OfferProblem extends Error {
  constructor(message: string, readonly node?: YamlNode | null) {
    super(message);
  }
}

const scalarText = (node: unknown): string | undefined => {
  const y = requireYaml();
  return y.isScalar(node) && node.value !== null && String(node.value).trim() !== '' ? String(node.value).trim() : undefined;
};

function readRule(node: unknown, currency: string): OfferRule {
  const y = requireYaml();
  if (node === undefined) throw new OfferProblem(t('missingRule'));
  if (!y.isMap(node)) throw new OfferProblem(t('badRule', { given: String((node as { toString(): string }).toString()) }), node as YamlNode);
  const keys = node.items.map((p) => (y.isScalar(p.key) ? String(p.key.value) : '?')).sort();
  const shape = RULE_SHAPES.find((s) => [...s].sort().join(',') === keys.join(','));
  if (!shape) throw new OfferProblem(t('badRule', { given: `{${keys.join(', ')}}` }), node);
  const amount = (key: string): number => {
    const value = node.get(key, true);
    const text = scalarText(value) ?? '';
    let minor: number;
    try {
      minor = parseUserAmount(text, currency);
    } catch {
      throw new OfferProblem(t('badAmount', { key, value: text }), value as YamlNode);
    }
    if (!(minor > 0)) throw new OfferProblem(t('badAmount', { key, value: text }), value as YamlNode);
    return minor;
  };
  if (shape[0] === 'percent_off') {
    const value = node.get('percent_off', true);
    const text = (scalarText(value) ?? '').replace(/%$/, '');
    const m = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(text);
    const basisPoints = m ? Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0')) : 0;
    if (!(basisPoints > 0 && basisPoints <= 10_000)) throw new OfferProblem(t('badPercent', { value: text }), value as YamlNode);
    return { kind: 'percent', basisPoints, ...(shape.includes('max_off') ? { maxOff: amount('max_off') } : {}) };
  }
  if (shape[0] === 'spend') return { kind: 'spend', spend: amount('spend'), off: amount('off') };
  return { kind: 'off', off: amount('off') };
}

function readDays(node: unknown): Set<number> | undefined {
  const y = requireYaml();
  if (node === undefined) return undefined;
  const items = y.isSeq(node) ? node.items : [node];
  const days = new Set<number>();
  for (const item of items) {
    // A scalar may list several days: `sat, sun` or `周六、周日`.
    for (const part of (scalarText(item) ?? '').split(/[,，、\s]+/).filter(Boolean)) {
      const day = dayOfWeek(part);
      if (day === undefined) throw new OfferProblem(t('badDay', { value: part }), item as YamlNode);
      days.add(day);
    }
  }
  if (days.size === 0) throw new OfferProblem(t('badDay', { value: '' }), node as YamlNode);
  return days;
}

function readValid(node: unknown): { validFrom?: string; validTo?: string } {
  const y = requireYaml();
  if (node === undefined) return {};
  if (!y.isMap(node)) throw new OfferProblem(t('badValid'), node as YamlNode);
  const out: { validFrom?: string; validTo?: string } = {};
  for (const pair of node.items) {
    const key = y.isScalar(pair.key) ? String(pair.key.value) : '';
    if (key !== 'from' && key !== 'to') throw new OfferProblem(t('badValid'), pair.key as YamlNode);
    const text = scalarText(pair.value) ?? '';
    if (!isIsoDate(text)) throw new OfferProblem(t('badDate', { key, value: text }), pair.value as YamlNode);
    out[key === 'from' ? 'validFrom' : 'validTo'] = text;
  }
  if (out.validFrom && out.validTo && out.validFrom > out.validTo) throw new OfferProblem(t('validOrder', { from: out.validFrom, to: out.validTo }), node);
  return out;
}

function readOffer(item: YAMLMap, index: number, currency: string): OfferSpec {
  const y = requireYaml();
  for (const pair of item.items) {
    const key = y.isScalar(pair.key) ? String(pair.key.value) : '';
    if (!KEYS.includes(key)) throw new OfferProblem(t('unknownField', { key, allowed: KEYS.join(', ') }), pair.key as YamlNode);
  }
  const text = (key: string): string | undefined => {
    const node = item.get(key, true);
    if (node === undefined) return undefined;
    const value = scalarText(node);
    if (value === undefined) throw new OfferProblem(t('fieldText', { key }), node as YamlNode);
    return value;
  };
  const account = text('account');
  const merchant = text('merchant');
  const category = text('category');
  if (merchant === undefined && category === undefined) throw new OfferProblem(t('needsTarget'));
  return {
    index,
    name: text('name')!,
    ...(account !== undefined ? { account } : {}),
    ...(merchant !== undefined ? { merchant } : {}),
    ...(category !== undefined ? { category } : {}),
    rule: readRule(item.get('rule', true), currency),
    ...(item.has('days') ? { days: readDays(item.get('days', true)) } : {}),
    ...readValid(item.get('valid', true)),
  };
}

/** The offers of a file's text; amounts are read in `currency`. Throws a located BAD_INPUT. */
export function parseOffersFile(text: string, file: string, currency: string): OfferSpec[] {
  const y = requireYaml();
  const counter = new y.LineCounter();
  const doc = y.parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const lineOf = (node: YamlNode | null | undefined) => (node?.range ? counter.linePos(node.range[0]).line : undefined);
  const fail = (message: string, line?: number): never => {
    throw new PocketbookError('BAD_INPUT', message, { location: { file, ...(line !== undefined ? { line } : {}) }, hint: t('fileHint') });
  };
  const yamlError = doc.errors[0];
  if (yamlError) fail(t('notYaml', { detail: yamlError.message.split('\n')[0] ?? '' }), counter.linePos(yamlError.pos[0]).line);
  const root = doc.contents;
  if (!y.isMap(root)) return fail(t('offersList'), 1);
  const list = root.get('offers', true) as YamlNode | undefined;
  if (!y.isSeq(list)) return fail(t('offersList'), lineOf(root));
  const seen = new Set<string>();
  return list.items.map((item, i) => {
    const line = lineOf(item as YamlNode);
    const name = y.isMap(item) ? (scalarText(item.get('name', true)) ?? '') : '';
    const where = (problem: string) => t('offerWhere', { index: i + 1, name, problem });
    if (!y.isMap(item)) return fail(where(t('notMapping')), line);
    if (name === '') return fail(where(t('missingName')), line);
    if (seen.has(name.toLowerCase())) fail(where(t('nameTwice')), line);
    seen.add(name.toLowerCase());
    try {
      return { ...readOffer(item, i + 1, currency), ...(line !== undefined ? { line } : {}) };
    } catch (err) {
      if (err instanceof OfferProblem) return fail(where(err.message), lineOf(err.node) ?? line);
      throw err;
    }
  });
}
