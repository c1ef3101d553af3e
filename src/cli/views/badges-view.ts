/** Terminal text for `badges`: earned, nearly earned (≥ 75%), and the rest in one line. */
import { progress } from '../../render/document.js';
import { type BadgeResult, NEARLY } from '../../app/perks/badges.js';
import { escapeControls as shown } from '../../render/safe-text.js';
import { green } from './budgets-view.js';

export function badgeLines(month: string, badges: readonly BadgeResult[], color: boolean, all: boolean): string {
  const earned = badges.filter((b) => b.earned);
  const nearly = badges.filter((b) => !b.earned && b.progress >= NEARLY);
  const rest = badges.filter((b) => !b.earned && b.progress < NEARLY);
  const out = [`Badges ${month}`];
  const line = (b: BadgeResult) => `${shown(b.name)} ${b.earned ? '' : `${progress(b.progress, 10)} `}— ${shown(b.reason)}`;
  out.push('', earned.length ? 'Earned' : 'Earned: none yet');
  for (const b of earned) out.push(`  ${green('★', color)} ${line(b)}`);
  if (nearly.length) {
    out.push('', 'Nearly there');
    for (const b of nearly) out.push(`  ☆ ${line(b)}`);
  }
  if (rest.length) {
    if (all) {
      out.push('', 'Not yet');
      for (const b of rest) out.push(`  · ${line(b)}`);
    } else out.push('', `Not yet: ${rest.map((b) => shown(b.name)).join(', ')} (--all shows why)`);
  }
  return out.join('\n');
}
