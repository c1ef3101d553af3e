/**
 * Names the report models give rows that have no name of their own. They are data (JSON keeps them
 * as they are in every locale); renderers show them in the reader's language (render/labels.ts).
 */
export const UNCATEGORIZED = 'Uncategorized';
export const NO_MERCHANT = '(no merchant)';
export const UNKNOWN_CHANNEL = 'unknown';
export const OTHER = 'Other';

/** Weekday names as the year report's JSON gives them, by `weekday()`'s numbering (0 = Monday). */
export const WEEKDAY_KEYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;
