/**
 * Migration 12: a batch records the range of entry ids it inserted; no index on batch_id.
 *
 * An import inserts its entries in one transaction, so they take ids one after another: a batch's
 * entries are found by the range first_id..last_id (the primary key) and then by batch_id.
 * The index `tx_batch` (one entry per row, rebuilt after every big import, about 0.3 s per million
 * entries) is no longer needed. The range is the batch's own lowest and highest id, so it holds
 * every entry of the batch whatever ids others took.
 */
export const version = 12;
export const name = 'batch id ranges';

export const sql = `
ALTER TABLE batches ADD COLUMN first_id INTEGER;
ALTER TABLE batches ADD COLUMN last_id INTEGER;
UPDATE batches SET first_id = (SELECT min(id) FROM transactions WHERE batch_id = batches.id),
                   last_id = (SELECT max(id) FROM transactions WHERE batch_id = batches.id);
DROP INDEX IF EXISTS tx_batch;
`;
