/**
 * The conditions of a threshold benefit (issue 26 point 2): any mix of a spend target and a
 * purchase-count target (purchases of at least a minimum amount), all of which must hold. Pure.
 *
 * The benefit's top-level metric, target, progress and remaining describe the condition furthest
 * from done: the smallest share progress ÷ target (compared exactly, by cross-multiplying in
 * BigInt); on a tie the first one given (spend before count).
 */
import { type PeriodClock, project } from './periods.js';

export type ConditionMetric = 'spend' | 'count';

/** One condition as stored in the spec: spend in minor units, count in purchases. */
export interface ConditionSpec {
  metric: ConditionMetric;
  target: number;
  /** count: the smallest purchase that counts (minor units). */
  minAmount?: number;
}

export interface ConditionResult extends ConditionSpec {
  progress: number;
  remaining: number;
  projected: number;
}

/** What the spec's conditions are; a benefit stored before issue 26 has its one condition in metric/target/minAmount. */
export function specConditions(spec: { metric: string; target?: number; minAmount?: number; conditions?: ConditionSpec[] }): ConditionSpec[] {
  if (spec.conditions && spec.conditions.length > 0) return spec.conditions;
  if (spec.metric !== 'spend' && spec.metric !== 'count') return [];
  return [{ metric: spec.metric, target: spec.target ?? 0, ...(spec.minAmount !== undefined ? { minAmount: spec.minAmount } : {}) }];
}

/** Each condition's progress from the period's qualifying figures (count: purchases of at least its minAmount). */
export function evaluateConditions(conditions: readonly ConditionSpec[], figures: { spend: number; count: number }, clock: PeriodClock): ConditionResult[] {
  return conditions.map((c) => {
    const progress = c.metric === 'count' ? figures.count : figures.spend;
    return { ...c, progress, remaining: Math.max(0, c.target - progress), projected: project(progress, clock) };
  });
}

/** Whether every condition holds. */
export function allMet(conditions: readonly ConditionResult[]): boolean {
  return conditions.every((c) => c.progress >= c.target);
}

/** The condition furthest from done (smallest progress ÷ target); the first on a tie. */
export function furthestFromDone<T extends { progress: number; target: number }>(conditions: readonly T[]): T {
  let best = conditions[0];
  if (best === undefined) throw new Error('a benefit without conditions');
  for (const c of conditions.slice(1)) {
    // c.progress / c.target < best.progress / best.target, exactly.
    const share = (x: T) => BigInt(Math.max(0, Math.min(x.progress, x.target)));
    if (share(c) * BigInt(best.target) < share(best) * BigInt(c.target)) best = c;
  }
  return best;
}
