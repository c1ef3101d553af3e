/**
 * `badges --card ID`: one badge of a month, with the holder's name (`config set name`), for the
 * badge card (render/html/badge-card.ts). An unknown ID is one line naming the known ones.
 */
import type { Context } from '../../core/context.js';
import { PocketbookError } from '../../core/errors.js';
import { tHtml as t } from '../../core/messages/html.js';
import { badgesUse } from './badges.js';
import type { BadgeCard } from '../../reports/perks/badges.js';


export function badgeCardUse(ctx: Context, id: string, month: string | undefined, opts: { file?: string; currency?: string }): BadgeCard {
  const r = badgesUse(ctx, month, opts);
  const badge = r.badges.find((b) => b.id === id);
  if (!badge) throw new PocketbookError('NOT_FOUND', t('unknownBadge', { id, known: r.badges.map((b) => b.id).join(', ') }));
  const holder = typeof ctx.settings.name === 'string' && ctx.settings.name.trim() !== '' ? ctx.settings.name.trim() : undefined;
  return { id: badge.id, name: badge.name, earned: badge.earned, progress: badge.progress, reason: badge.reason, month: r.month, ...(holder ? { holder } : {}) };
}
