/**
 * The rules file: YAML in, YAML out (round-trip). Problems are located `FILE:LINE: problem`.
 */
import { LineCounter, parseDocument, stringify, isMap, isSeq, type Node as YamlNode, type Pair } from 'yaml';
import { PocketbookError } from '../core/errors.js';
import { yamlToData } from '../core/yaml-data.js';
import { MATCH_FIELDS, SET_FIELDS, validateRules, type Rule } from './model.js';
import { tErrorsRules as tR } from '../core/messages/errors-rules.js';

const lineOf = (counter: LineCounter, node: { range?: [number, number, number] | null } | null | undefined) =>
  node?.range ? counter.linePos(node.range[0]).line : undefined;

/** Parse the rules file text; throws a located RULES error on the first problem. */
export function parseRulesYaml(text: string, file = 'rules.yaml'): Rule[] {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const first = doc.errors[0];
  if (first) {
    const line = first.linePos?.[0]?.line ?? (first.pos ? counter.linePos(first.pos[0]).line : undefined);
    throw new PocketbookError('RULES', tR('invalidYaml', { why: first.message.split('\n')[0]! }), { location: { file, line } });
  }
  const root = doc.contents;
  if (root === null || root === undefined) return [];
  if (!isMap(root)) throw new PocketbookError('RULES', tR('startRules'), { location: { file, line: lineOf(counter, root as YamlNode) } });
  for (const pair of root.items as Pair[]) {
    const key = String((pair.key as { value?: unknown } | null)?.value ?? pair.key);
    if (key !== 'rules') {
      throw new PocketbookError('RULES', tR('topKey', { key }), { location: { file, line: lineOf(counter, pair.key as YamlNode) } });
    }
  }
  const seq = root.get('rules', true);
  if (seq === null || seq === undefined) return [];
  if (!isSeq(seq)) throw new PocketbookError('RULES', tR('rulesList'), { location: { file, line: lineOf(counter, seq as YamlNode) } });
  const items = seq.items as YamlNode[];
  const data = yamlToData(doc, file, 'RULES') as { rules?: unknown[] | null };
  return validateRules(data.rules ?? [], (i) => ({
    file,
    line: (field?: string) => {
      const item = items[i];
      if (field && isMap(item)) {
        for (const section of [item, item.get('match', true), item.get('set', true)]) {
          if (!isMap(section)) continue;
          const pair = (section.items as Pair[]).find((p) => String((p.key as { value?: unknown } | null)?.value) === field);
          if (pair) return lineOf(counter, pair.key as YamlNode);
        }
      }
      return lineOf(counter, item);
    },
  }));
}

/** The rules as the SPEC YAML (every condition and field listed in a fixed order). */
export function formatRulesYaml(rules: readonly Rule[]): string {
  const data = {
    rules: rules.map((r) => {
      const match: Record<string, unknown> = {};
      for (const f of MATCH_FIELDS) if (r.match[f] !== undefined) match[f] = r.match[f];
      const set: Record<string, unknown> = {};
      for (const f of SET_FIELDS) if (r.set[f] !== undefined) set[f] = r.set[f];
      return { name: r.name, match, set };
    }),
  };
  return stringify(data, { lineWidth: 0, flowCollectionPadding: false, defaultStringType: 'PLAIN', defaultKeyType: 'PLAIN' });
}
