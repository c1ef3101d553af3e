/**
 * `report month --compare FILE`: the month's category shares beside a reference profile (e.g. a
 * national household consumption structure) and beside the person's own 12-month average. Pure.
 */
import { LineCounter, isMap, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
import { tReportErrors as t } from '../../core/messages/report-errors.js';
import { PocketbookError } from '../../core/errors.js';
import { formatMinor } from '../../core/money.js';

export interface ReferenceGroup {
  id: string;
  name: string;
  /** Share of total consumption, 0..1. */
  share: number;
  /** Category names (top-level or Parent:Child) mapped onto this group, with the YAML line. */
  categories: { name: string; line?: number }[];
}

export interface ReferenceProfile {
  name: string;
  source: string;
  groups: ReferenceGroup[];
}

export function parseReferenceFile(text: string, file: string): ReferenceProfile {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false });
  const lineOf = (n: unknown) => ((n as YamlNode | undefined)?.range ? counter.linePos((n as YamlNode).range![0]).line : undefined);
  const fail = (message: string, line?: number): never => {
    throw new PocketbookError('BAD_INPUT', message, { location: { file, ...(line !== undefined ? { line } : {}) }, hint: t('profileHint') });
  };
  if (doc.errors[0]) fail(t('notYaml', { detail: doc.errors[0].message.split('\n')[0] ?? '' }), counter.linePos(doc.errors[0].pos[0]).line);
  const root = doc.contents;
  if (!isMap(root)) return fail(t('profileTop'), 1);
  const groupsNode = root.get('groups', true);
  if (!isSeq(groupsNode)) return fail(t('groupsList'), lineOf(root));
  const groups = groupsNode.items.map((item): ReferenceGroup => {
    const line = lineOf(item);
    if (!isMap(item)) return fail(t('groupFields'), line);
    const share = Number(item.get('share'));
    if (!Number.isFinite(share) || share < 0 || share > 100) fail(t('shareRange'), lineOf(item.get('share', true)) ?? line);
    const cats = item.get('categories', true);
    if (!isSeq(cats) || cats.items.length === 0) fail(t('categoriesList'), line);
    const id = String(item.get('id') ?? '').trim();
    if (id === '') fail(t('groupNoId'), line);
    return {
      id,
      name: String(item.get('name') ?? id),
      share: share / 100,
      categories: (cats as unknown as { items: unknown[] }).items.map((c) => ({ name: String((c as { value?: unknown }).value ?? c), ...(lineOf(c) !== undefined ? { line: lineOf(c)! } : {}) })),
    };
  });
  const total = groups.reduce((a, g) => a + g.share, 0);
  if (Math.abs(total - 1) > 0.02) fail(t('sharesTotal', { total: (total * 100).toFixed(1) }), lineOf(groupsNode));
  return { name: String(root.get('name') ?? file), source: String(root.get('source') ?? ''), groups };
}

export interface CompareInput {
  month: string;
  currency: string;
  profile: ReferenceProfile;
  /** group id → category ids mapped to it directly (children not expanded). */
  mapping: Map<string, number[]>;
  /** category id → parent id. */
  parents: Map<number, number | null>;
  /** Net spending per category id (positive) this month, and over the 12 months before. */
  month_spending: Map<number | null, number>;
  year_spending: Map<number | null, number>;
  /** Months with any line among the 12 before (for the monthly average). */
  months_with_data: number;
}

export interface CompareRow {
  id: string;
  name: string;
  amount: number;
  share: number | null;
  reference: number;
  average: number;
  averageShare: number | null;
}

export interface Comparison {
  month: string;
  currency: string;
  profile: string;
  source: string;
  rows: CompareRow[];
  /** Spending in categories the profile does not map (left out of the shares). */
  unmapped: number;
}

function groupOf(id: number | null, byCategory: Map<number, string>, parents: Map<number, number | null>): string | undefined {
  if (id === null) return undefined;
  return byCategory.get(id) ?? (parents.get(id) != null ? byCategory.get(parents.get(id)!) : undefined);
}

export function buildComparison(d: CompareInput): Comparison {
  const byCategory = new Map<number, string>();
  for (const [group, ids] of d.mapping) for (const id of ids) byCategory.set(id, group);
  const sum = (spending: Map<number | null, number>) => {
    const totals = new Map<string, number>();
    let unmapped = 0;
    for (const [cat, amount] of spending) {
      const g = groupOf(cat, byCategory, d.parents);
      if (g === undefined) unmapped += amount;
      else totals.set(g, (totals.get(g) ?? 0) + amount);
    }
    const mapped = [...totals.values()].reduce((a, b) => a + b, 0);
    return { totals, unmapped, mapped };
  };
  const now = sum(d.month_spending);
  const year = sum(d.year_spending);
  const months = Math.max(1, d.months_with_data);
  return {
    month: d.month,
    currency: d.currency,
    profile: d.profile.name,
    source: d.profile.source,
    unmapped: now.unmapped,
    rows: d.profile.groups.map((g) => {
      const amount = now.totals.get(g.id) ?? 0;
      const yearAmount = year.totals.get(g.id) ?? 0;
      return {
        id: g.id,
        name: g.name,
        amount,
        share: now.mapped > 0 ? amount / now.mapped : null,
        reference: g.share,
        average: d.months_with_data > 0 ? Math.round(yearAmount / months) : 0,
        averageShare: year.mapped > 0 ? yearAmount / year.mapped : null,
      };
    }),
  };
}

const ratio = (x: number | null) => (x === null ? null : Math.round(x * 10_000) / 10_000);

export function comparisonJson(c: Comparison): Record<string, unknown> {
  return {
    profile: c.profile,
    source: c.source,
    unmapped: formatMinor(c.unmapped, c.currency),
    groups: c.rows.map((r) => ({
      group: r.id, name: r.name, amount: formatMinor(r.amount, c.currency), share: ratio(r.share), reference_share: ratio(r.reference),
      average_12m: formatMinor(r.average, c.currency), average_share_12m: ratio(r.averageShare),
    })),
  };
}
