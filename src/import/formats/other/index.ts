import type { Reader } from '../../types.js';

/** Readers for QIF, ISO 20022 camt and other layouts outside OFX/CSV. */
export const otherReaders: Reader[] = [];
