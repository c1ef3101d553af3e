/**
 * `points advise --catalogue FILE`: a YAML list of rewards `rewards: [{name, points, value}]`
 * (value: money in the account's currency) ranked by value per point, best first. Pure: text in.
 *
 * Value per point is exact for the ranking (compared as fractions); shown rounded down to a
 * ten-thousandth of the minor unit ("0.0125" yuan a point).
 */
import { LineCounter, isMap, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
import { PocketbookError } from '../../core/errors.js';
import { currencyExponent, formatMinor, parseUserAmount } from '../../core/money.js';
import { tPoints as t } from '../../core/messages/points.js';

export interface Reward {
  name: string;
  points: number;
  /** Minor units of the account's currency. */
  value: number;
}

export interface RankedReward extends Reward {
  affordable: boolean;
}

const MAX_POINTS = 1_000_000_000_000;

export function parseRewardsCatalogue(text: string, file: string, currency: string): Reward[] {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const lineOf = (n: unknown) => ((n as YamlNode | undefined)?.range ? counter.linePos((n as YamlNode).range![0]).line : undefined);
  const fail = (message: string, line?: number): never => {
    throw new PocketbookError('BAD_INPUT', message, { location: { file, ...(line !== undefined ? { line } : {}) }, hint: t('catalogueHint') });
  };
  const first = doc.errors[0];
  if (first) fail(t('catalogueNotYaml', { detail: first.message.split('\n')[0] ?? '' }), counter.linePos(first.pos[0]).line);
  const root = doc.contents;
  if (!isMap(root)) return fail(t('catalogueTop'), 1);
  const list = root.get('rewards', true);
  if (!isSeq(list) || list.items.length === 0) return fail(t('catalogueList'), lineOf(list) ?? lineOf(root));
  return list.items.map((item, i) => {
    const line = lineOf(item);
    if (!isMap(item)) return fail(t('rewardNotMap', { n: i + 1 }), line);
    const name = item.get('name');
    if (typeof name !== 'string' || name.trim() === '') return fail(t('rewardNoName', { n: i + 1 }), line);
    const entry = { n: i + 1, name: name.trim() };
    const pointsText = String(item.get('points') ?? '');
    if (!/^\d+$/.test(pointsText) || Number(pointsText) < 1 || Number(pointsText) > MAX_POINTS) {
      fail(t('rewardPoints', { ...entry, text: pointsText }), lineOf(item.get('points', true)) ?? line);
    }
    const valueText = String(item.get('value') ?? '');
    let value = 0;
    try {
      value = parseUserAmount(valueText, currency);
    } catch {
      fail(t('rewardValue', { ...entry, text: valueText }), lineOf(item.get('value', true)) ?? line);
    }
    if (value <= 0) fail(t('rewardValue', { ...entry, text: valueText }), lineOf(item.get('value', true)) ?? line);
    return { name: entry.name, points: Number(pointsText), value };
  });
}

/** a better than b: more value per point; then fewer points; then by name. */
function compare(a: Reward, b: Reward): number {
  const left = BigInt(a.value) * BigInt(b.points);
  const right = BigInt(b.value) * BigInt(a.points);
  if (left !== right) return left > right ? -1 : 1;
  return a.points - b.points || a.name.localeCompare(b.name);
}

/** Best value per point first; `affordable` when the balance covers it now. */
export function rankRewards(rewards: readonly Reward[], balance: number): RankedReward[] {
  return [...rewards].sort(compare).map((r) => ({ ...r, affordable: balance >= r.points }));
}

/** value / points in the currency's units, rounded down to a ten-thousandth of the minor unit. */
export function valuePerPoint(r: Reward, currency: string): string {
  const scaled = (BigInt(r.value) * 10_000n) / BigInt(r.points);
  const digits = currencyExponent(currency) + 4;
  const text = scaled.toString().padStart(digits + 1, '0');
  const whole = text.slice(0, -digits);
  const fraction = text.slice(-digits).replace(/0+$/, '').padEnd(Math.min(2, currencyExponent(currency)), '0');
  return fraction === '' ? whole : `${whole}.${fraction}`;
}

/** What `points` points are worth at this reward's rate, in minor units, rounded down. */
export function pointsWorth(points: number, r: Reward): number {
  if (points <= 0) return 0;
  return Number((BigInt(points) * BigInt(r.value)) / BigInt(r.points));
}

/** The best-value reward a number of points can buy, if any. */
export function bestWithin(ranked: readonly Reward[], points: number): Reward | undefined {
  return ranked.find((r) => r.points <= points);
}

export const rewardJson = (r: RankedReward, currency: string): Record<string, unknown> => ({
  name: r.name,
  points: r.points,
  value: formatMinor(r.value, currency),
  value_per_point: valuePerPoint(r, currency),
  affordable: r.affordable,
});
