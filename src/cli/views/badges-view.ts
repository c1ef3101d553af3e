/** Terminal text for `badges`: earned, nearly earned (≥ 75%), and the rest in one line. */
import { progress } from '../../render/document.js';
import { type BadgeResult, NEARLY } from '../../app/badges.js';
import { green } from './budgets-view.js';

export function badgeLines(month: string, badges: readonly BadgeResult[], color: boolean, all: boolean): string {
  const earned = badges.filter((b) => b.earned);
  const nearly = badges.filter((b) => !b.earned && b.progress >= NEARLY);
  const rest = badges.filter((b) => !b.earned && b.progress < NEARLY);
  const out = [`Badges ${month}`];
  out.push('', earned.length ? 'Earned' : 'Earned: none yet');
  for (const b of earned) out.push(`  ${green('★', color)} ${b.name} — ${b.reason}`);
  if (nearly.length) {
    out.push('', 'Nearly there');
    for (const b of nearly) out.push(`  ☆ ${b.name} ${progress(b.progress, 10)} — ${b.reason}`);
  }
  if (rest.length) {
    if (all) {
      out.push('', 'Not yet');
      for (const b of rest) out.push(`  · ${b.name} ${progress(b.progress, 10)} — ${b.reason}`);
    } else out.push('', `Not yet: ${rest.map((b) => b.name).join(', ')} (--all shows why)`);
  }
  return out.join('\n');
}
