/**
 * Custom badges file (YAML), parsed and validated without IO:
 *
 *   badges:
 *     - id: frugal
 *       name: Frugal month 节俭之月
 *       when: spending < 3000
 *       description: spent less than 3,000        # optional
 *
 * Every problem is a BAD_INPUT error located at FILE:LINE (and the column inside `when`).
 */
import { createRequire } from 'node:module';
import type { Node as YamlNode } from 'yaml';

// `yaml` is loaded only when a badges file is actually read: `report month` must start fast.
const requireYaml = (): typeof import('yaml') => createRequire(import.meta.url)('yaml') as typeof import('yaml');
const isMap = (n: unknown) => requireYaml().isMap(n);
const isScalar = (n: unknown) => requireYaml().isScalar(n);
const isSeq = (n: unknown) => requireYaml().isSeq(n);
import { PocketbookError } from '../../core/errors.js';
import { tPerks as t } from '../../core/messages/perks.js';
import type { CustomBadge } from './badges.js';
import { ConditionError, parseCondition } from './conditions.js';

const KEYS = ['id', 'name', 'when', 'description'];

export function parseBadgeFile(text: string, file: string): CustomBadge[] {
  const { LineCounter, parseDocument } = requireYaml();
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const lineOf = (node: YamlNode | null | undefined) => (node?.range ? counter.linePos(node.range[0]).line : undefined);
  const fail = (message: string, line?: number): never => {
    throw new PocketbookError('BAD_INPUT', message, { location: { file, ...(line !== undefined ? { line } : {}) }, hint: t('badgeFileHint') });
  };
  const yamlError = doc.errors[0];
  if (yamlError) fail(t('badgeNotYaml', { detail: yamlError.message.split('\n')[0] ?? '' }), counter.linePos(yamlError.pos[0]).line);
  const root = doc.contents;
  if (!isMap(root)) return fail(t('badgesList'), 1);
  const list = root.get('badges', true) as YamlNode | undefined;
  if (!isSeq(list)) return fail(t('badgesList'), lineOf(root));
  const seen = new Set<string>();
  return list.items.map((item) => {
    const line = lineOf(item as YamlNode);
    if (!isMap(item)) return fail(t('badgeMapping'), line);
    for (const pair of item.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (!KEYS.includes(key)) fail(t('badgeUnknownField', { key, allowed: KEYS.join(', ') }), lineOf(pair.key as YamlNode));
    }
    const field = (key: string, required: boolean): string | undefined => {
      const node = item.get(key, true) as YamlNode | undefined;
      if (node === undefined) return required ? fail(t('badgeMissing', { key }), line) : undefined;
      if (!isScalar(node) || node.value === null || String(node.value).trim() === '') return fail(t('badgeFieldText', { key }), lineOf(node));
      return String(node.value).trim();
    };
    const id = field('id', true)!;
    if (!/^[a-z0-9][a-z0-9_-]*$/i.test(id)) fail(t('badgeIdChars', { id }), lineOf(item.get('id', true) as YamlNode));
    if (seen.has(id.toLowerCase())) fail(t('badgeIdTwice', { id }), line);
    seen.add(id.toLowerCase());
    const when = field('when', true)!;
    const whenLine = lineOf(item.get('when', true) as YamlNode);
    let condition;
    try {
      condition = parseCondition(when);
    } catch (err) {
      if (err instanceof ConditionError) return fail(t('badgeWhen', { id, message: err.message, column: err.column, when }), whenLine);
      throw err;
    }
    const description = field('description', false);
    return { id, name: field('name', true)!, when, condition, ...(description !== undefined ? { description } : {}) };
  });
}
