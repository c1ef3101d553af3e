/**
 * Migration 15: what a transfer link replaced. Linking two entries (at import or with `tx link`)
 * makes both kind 'transfer'; each keeps the kind and kind source it had just before, so that
 * `tx unlink` (and undoing the import of the other side) gives it back exactly. NULL while the
 * entry is not linked, and for links made before this migration (their earlier state is unknown).
 */
export const version = 15;
export const name = 'state before a transfer link';

export const sql = `
ALTER TABLE transactions ADD COLUMN kind_before_link TEXT;
ALTER TABLE transactions ADD COLUMN kind_source_before_link TEXT;
`;
