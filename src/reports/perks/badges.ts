/**
 * Built-in badges and badge evaluation. Pure: month figures in, earned / progress / reason out.
 */
import { formatMoney } from '../../core/money.js';
import { tPerks as t } from '../../core/messages/perks.js';
import { type Condition, evaluate } from './conditions.js';
import { type MonthFigures, average3 } from './figures.js';
import { BUILTIN_CRITERIA, EXPLORER_MIN, STAR_FOODIE_MIN } from './criteria.js';

export interface BadgeResult {
  id: string;
  name: string;
  earned: boolean;
  /** 0..1, how far along (1 when earned). */
  progress: number;
  reason: string;
  criteria: string;
}

export { BUILTIN_CRITERIA, EXPLORER_MIN, STAR_FOODIE_MIN } from './criteria.js';

const clamp = (x: number): number => Math.max(0, Math.min(1, x));

function builtin(id: string, earned: boolean, progress: number, reason: string): BadgeResult {
  const def = BUILTIN_CRITERIA.find((b) => b.id === id)!;
  return { id, name: def.name, earned, progress: earned ? 1 : clamp(progress), reason, criteria: def.criteria };
}

/** On a month with no entries nothing is earned: "spent 0.00" is no achievement. */
const noEntries = (): string => t('badgeNoEntries');

export function builtinBadges(f: MonthFigures): BadgeResult[] {
  if (f.empty) return BUILTIN_CRITERIA.map((def) => builtin(def.id, false, 0, noEntries()));
  const money = (x: number) => formatMoney(x, f.currency);
  const dining = f.categories.get('dining')?.count ?? 0;
  const avg = average3(f);
  const imported = f.importedMonths.filter(Boolean).length;
  return [
    builtin('star-foodie', dining >= STAR_FOODIE_MIN, dining / STAR_FOODIE_MIN, t('badgeDining', { n: dining, min: STAR_FOODIE_MIN })),
    builtin('life-explorer', f.newMerchants >= EXPLORER_MIN, f.newMerchants / EXPLORER_MIN, t('badgeExplorer', { n: f.newMerchants, min: EXPLORER_MIN })),
    avg === null
      ? builtin('savvy-spender', false, 0, t('badgeNeedsHistory'))
      : builtin(
          'savvy-spender',
          f.spending < avg,
          f.spending > 0 ? avg / f.spending : 1,
          t('badgeSavvy', { spent: money(f.spending), average: money(avg) }),
        ),
    builtin('pocket-star', imported === 3, imported / 3, t('badgePocketStar', { n: imported })),
  ];
}

export interface CustomBadge {
  id: string;
  name: string;
  when: string;
  condition: Condition;
  description?: string;
}

export function customBadge(b: CustomBadge, f: MonthFigures): BadgeResult {
  if (f.empty) return { id: b.id, name: b.name, earned: false, progress: 0, reason: noEntries(), criteria: b.description ?? b.when };
  const r = evaluate(b.condition, f);
  return { id: b.id, name: b.name, earned: r.holds, progress: r.holds ? 1 : clamp(r.progress), reason: r.reason, criteria: b.description ?? b.when };
}

/** Earned first, then by progress; `nearly` = not earned and at least 75% of the way. */
export const NEARLY = 0.75;

export function badgeJson(b: BadgeResult): Record<string, unknown> {
  return { id: b.id, name: b.name, earned: b.earned, progress: Math.round(b.progress * 1000) / 1000, reason: b.reason, criteria: b.criteria };
}

/** What a shareable badge card shows (app/perks/badge-card.ts fills it, render/html/badge-card.ts draws it). */
export interface BadgeCard {
  id: string;
  name: string;
  earned: boolean;
  /** 0..1 */
  progress: number;
  reason: string;
  month: string;
  /** From `config set name`. */
  holder?: string;
}
