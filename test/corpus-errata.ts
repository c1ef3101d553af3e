/**
 * Manifest values we believe are wrong, each with its proof. The corpus tests check these
 * corrected values instead of the manifest's; nothing else about the file is relaxed.
 */
export interface Erratum {
  first_date?: string;
  last_date?: string;
  /** Why the manifest value cannot be right. */
  proof: string;
}

export const ERRATA: Record<string, Erratum> = {
  'csv/deg__example-alipay-records.csv': {
    first_date: '2023-01-18',
    proof:
      'The manifest gives first_date 2023-01-09, but the only rows dated 2023-01-09 and 2023-01-10 are the three rows its own ' +
      'skipped_why lists (the closed 一卡通充值 50.00 trade, its refund whose id is the closed id plus "_…", and the closed 82.00 ' +
      'row). The corpus README defines first_date as "the earliest date over the entries held"; the earliest held entry is the ' +
      '2023-01-18 转账红包 row. The daoru Alipay file follows that definition (its skipped closed 2020-11-23 row is not its first_date).',
  },
};
