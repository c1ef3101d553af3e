/** Terminal text for `badges`: earned, nearly earned (≥ 75%), and the rest in one line (render/perk-views.ts). */
import { type BadgeResult, NEARLY } from '../../app/perks/badges.js';
import { badgeLines as lines } from '../../render/perk-views.js';

export function badgeLines(month: string, badges: readonly BadgeResult[], color: boolean, all: boolean, width = 80): string {
  return lines(month, badges, { color, all, nearly: NEARLY, width });
}
