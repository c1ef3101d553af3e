import type { Reader } from '../types.js';

/** CSV files described by a profile. (Being written.) */
export const csvReader: Reader = {
  id: 'csv',
  describe: 'CSV files described by a profile',
  detect: () => ({ score: 0 }),
  read: () => [],
};
