/** Published criteria of the built-in badges (no imports: `badges --help` loads this at start-up). */
export const STAR_FOODIE_MIN = 10;
export const EXPLORER_MIN = 5;

/** Published criteria (also printed by `badges --help`). */
export const BUILTIN_CRITERIA: readonly { id: string; name: string; criteria: string }[] = [
  { id: 'star-foodie', name: 'Star Foodie 星级美食家', criteria: `at least ${STAR_FOODIE_MIN} Dining purchases (Dining and its subcategories) in the month` },
  { id: 'life-explorer', name: 'Life Explorer 生活探险家', criteria: `at least ${EXPLORER_MIN} merchants paid this month that never appear before it` },
  { id: 'savvy-spender', name: 'Savvy Spender 消费小能手', criteria: 'spending below the mean of the 3 previous months (all three must have entries)' },
  { id: 'pocket-star', name: 'Pocket Star 口袋星人', criteria: 'entries imported from statements for this month and each of the 2 months before' },
];

