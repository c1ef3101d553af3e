/**
 * The rules engine for one run: user rules then (unless switched off) the shipped defaults,
 * compiled once; merchant aliases; the source-category fallback. `decide` is the one place
 * that turns an entry into merchant/category/kind/channel/tags — used by import and apply.
 */
import type { Channel, Kind } from '../core/types.js';
import { ACCOUNT_KIND_SOURCE, creditInflowKind } from '../core/card-inflow.js';
import { categoryLookup, type CategoryRow } from '../core/categories.js';
import { CompiledRules, type CompiledRule, type Decision } from './compile.js';
import { DEFAULT_RULES } from './defaults/index.js';
import { merchantKey, normalizeMerchant } from './merchant.js';
import type { Rule, SetField } from './model.js';
import { SOURCE_CATEGORY_MAP } from './source-categories.js';

/**
 * Everything the engine needs, as data (loaded from the ledger by app/rules/rules-engine.ts; posted to
 * the second threads as it is): plain values only, so it crosses threads by structured clone.
 */
export interface RulesData {
  /** The user's rules, in order, then any extra ones (e.g. the inline rule of `rules test`). */
  userRules: readonly Rule[];
  /** Whether the shipped default rules follow the user's. */
  defaultsEnabled: boolean;
  /** Merchant aliases: folded key → merchant. */
  aliases: readonly { alias: string; merchant: string }[];
  /** The category tree, after any category the user rules name was created. */
  categories: readonly CategoryRow[];
  /**
   * Category ids of user-rule paths, as the loader resolved or created them one rule after another
   * (when it created missing categories); tried before the tree look-up.
   */
  resolved?: ReadonlyMap<string, number>;
  /** Category paths created while loading. */
  created?: readonly string[];
}

export interface Engine {
  rules: CompiledRules;
  usesMerchant: boolean;
  aliases: Map<string, string>;
  sourceCategory(name: string | null | undefined): number | undefined;
  /** Category paths created while loading. */
  created: string[];
  /** What it was built from (to hand to a second thread). */
  data: RulesData;
}

/** The engine for one run: rules resolved against the categories, compiled on first use. */
export function buildEngine(data: RulesData): Engine {
  const lookup = categoryLookup(data.categories);
  const find = (path: string): number | undefined => {
    try {
      return lookup(path)?.id;
    } catch {
      return undefined;
    }
  };
  const resolve = (rule: Rule, origin: 'user' | 'default'): CompiledRule => {
    const path = rule.set.category;
    if (path === undefined) return { rule, origin };
    const known = origin === 'user' ? data.resolved?.get(path) : undefined;
    return { rule, origin, categoryId: known ?? find(path) };
  };
  const user = data.userRules.map((r) => resolve(r, 'user'));
  const defaults = data.defaultsEnabled ? DEFAULT_RULES.map((r) => resolve(r, 'default')) : [];
  const aliases = new Map(data.aliases.map((a) => [a.alias, a.merchant]));
  const sourceCache = new Map<string, number | undefined>();
  // Compiled on first use: an import whose rows are all categorized on the reading thread never
  // needs this thread's copy (and that thread starts sooner without waiting for it).
  let compiled: CompiledRules | undefined;
  const compile = () => (compiled ??= new CompiledRules([...user, ...defaults]));
  return {
    get rules() {
      return compile();
    },
    get usesMerchant() {
      return compile().usesMerchant;
    },
    aliases,
    created: [...(data.created ?? [])],
    data,
    sourceCategory(name) {
      if (!name) return undefined;
      const key = name.trim().toLowerCase();
      if (sourceCache.has(key)) return sourceCache.get(key);
      const path = SOURCE_CATEGORY_MAP[key];
      const id = find(path ?? name.trim());
      sourceCache.set(key, id);
      return id;
    },
  };
}

/** An entry as the engine sees it (stored or on its way in). */
export interface EntryState {
  description: string;
  counterparty?: string | null;
  sourceCategory?: string | null;
  amount: number;
  currency: string;
  account: string;
  /** The account is a credit card: money arriving is a payment or a refund, never income by default (core/card-inflow.ts). */
  credit?: boolean;
  merchant?: string | null;
  merchantSource?: string | null;
  categoryId?: number | null;
  categorySource?: string | null;
  kind: Kind;
  kindSource?: string | null;
  channel: Channel;
  channelSource?: string | null;
}

export interface Decided {
  merchant: string | null;
  merchantSource: string | null;
  categoryId: number | null;
  categorySource: string | null;
  kind: Kind;
  kindSource: string | null;
  channel: Channel;
  channelSource: string | null;
  tags?: string[];
  /** A rule set the category. */
  categorizedByRule: boolean;
}

const MANUAL = 'manual';

/** The kind an entry has when nothing decides it: money arriving on a card by its words, else by its sign. */
function defaultKind(e: EntryState): [Kind, string | null] {
  if (e.credit && e.amount > 0) return [creditInflowKind(e.description), ACCOUNT_KIND_SOURCE];
  return [e.amount > 0 ? 'income' : 'expense', null];
}
const merchantCache = new Map<string, string | undefined>();

function cleanMerchant(raw: string): string | undefined {
  let m = merchantCache.get(raw);
  if (m === undefined && !merchantCache.has(raw)) {
    if (merchantCache.size > 50_000) merchantCache.clear();
    m = normalizeMerchant(raw);
    merchantCache.set(raw, m);
  }
  return m;
}

const usable = (s: string | null | undefined): s is string => s !== null && s !== undefined && s.trim() !== '' && s.trim() !== '/';

/** What rules may decide for an entry nobody edited by hand (every imported row): one shared set. */
const EVERY_FIELD: ReadonlySet<SetField> = new Set<SetField>(['tags', 'merchant', 'category', 'kind', 'channel']);

/** The fields rules may decide for an entry: all but those set by hand. */
function decidable(e: EntryState, manualMerchant: boolean): ReadonlySet<SetField> {
  if (!manualMerchant && e.categorySource !== MANUAL && e.kindSource !== MANUAL && e.channelSource !== MANUAL) return EVERY_FIELD;
  const wanted = new Set<SetField>(['tags']);
  if (!manualMerchant) wanted.add('merchant');
  if (e.categorySource !== MANUAL) wanted.add('category');
  if (e.kindSource !== MANUAL) wanted.add('kind');
  if (e.channelSource !== MANUAL) wanted.add('channel');
  return wanted;
}

/**
 * The kind: the source's own decision (wallet neutral rows, refunds) or the account's (money arriving
 * on a credit card, core/card-inflow.ts) beats a shipped default rule, never the user's rules; a kind
 * a rule set and no rule sets any more goes back to the default.
 */
function decideKind(e: EntryState, rule: Decision<Kind> | undefined): [Kind, string | null] {
  // Money on a card that still carries the old default (income, imported before issue 22) is decided as an import now would.
  const stale = !e.kindSource && e.credit === true && e.amount > 0 && e.kind === 'income';
  const [kind, source] = stale ? defaultKind(e) : [e.kind, e.kindSource ?? null];
  const own = source === 'import' || source === ACCOUNT_KIND_SOURCE;
  if (rule && !(rule.rule.origin === 'default' && own)) return [rule.value, rule.source];
  if (source?.startsWith('rule:')) return defaultKind(e);
  return [kind, source];
}

/** Everything rules and normalization decide for one entry; hand-set fields are kept as they are. */
export function decide(engine: Engine, e: EntryState): Decided {
  const alias = (name: string) => (engine.aliases.size === 0 ? name : (engine.aliases.get(merchantKey(name)) ?? name));
  const manualMerchant = e.merchantSource === MANUAL;
  // A stored merchant not set by a rule is already clean and aliased (aliases rewrite entries when made).
  const trusted = manualMerchant || (usable(e.merchant) && !e.merchantSource?.startsWith('rule:'));
  const clean = (): string | undefined => {
    const base = trusted ? (e.merchant ?? undefined) : cleanMerchant(usable(e.counterparty) ? e.counterparty : e.description);
    return base !== undefined ? alias(base) : undefined;
  };
  // Normalizing is the costly part: skip it when no rule looks at the merchant and a rule sets it anyway.
  let merchant = trusted || engine.usesMerchant ? clean() : undefined;
  const text = usable(e.counterparty) && !e.description.includes(e.counterparty) ? `${e.description} ${e.counterparty}` : e.description;
  const wanted = decidable(e, manualMerchant);
  const out = engine.rules.evaluate({ description: text, merchant: merchant ?? '', amount: e.amount, currency: e.currency, account: e.account, channel: e.channel }, wanted);
  if (!out.merchant && merchant === undefined && !trusted && !engine.usesMerchant) merchant = clean();
  const d: Decided = {
    merchant: merchant ?? null,
    merchantSource: trusted ? (e.merchantSource ?? null) : null,
    categoryId: e.categoryId ?? null,
    categorySource: e.categorySource ?? null,
    kind: e.kind,
    kindSource: e.kindSource ?? null,
    channel: e.channel,
    channelSource: e.channelSource ?? null,
    categorizedByRule: false,
  };
  if (out.merchant) [d.merchant, d.merchantSource] = [alias(out.merchant.value), out.merchant.source];
  if (wanted.has('category')) {
    if (out.category) {
      [d.categoryId, d.categorySource, d.categorizedByRule] = [out.category.value, out.category.source, true];
    } else {
      const fallback = engine.sourceCategory(e.sourceCategory);
      [d.categoryId, d.categorySource] = fallback !== undefined ? [fallback, 'import'] : [null, null];
    }
  }
  [d.kind, d.kindSource] = decideKind(e, out.kind);
  if (out.channel && !(out.channel.rule.origin === 'default' && e.channelSource === 'import')) {
    [d.channel, d.channelSource] = [out.channel.value, out.channel.source];
  } else if (e.channelSource?.startsWith('rule:')) {
    [d.channel, d.channelSource] = ['unknown', null];
  }
  if (out.tags) d.tags = out.tags.value;
  return d;
}
