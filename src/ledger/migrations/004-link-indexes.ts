/**
 * Migration 4: an index for "which rows mirror this one". Linking asks it for every candidate;
 * without the index each question scanned the whole ledger. Partial, so inserts (mirror_of is
 * NULL on insert) pay nothing.
 */
export const version = 4;
export const name = 'link indexes';

export const sql = `
CREATE INDEX tx_mirror_of ON transactions(mirror_of) WHERE mirror_of IS NOT NULL;
CREATE INDEX tx_transfer_peer ON transactions(transfer_peer_id) WHERE transfer_peer_id IS NOT NULL;
`;
