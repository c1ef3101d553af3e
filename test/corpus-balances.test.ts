/**
 * Issue 27: every corpus file that carries balances, imported as the corpus test does (a fresh
 * ledger, `--account`), and its reconciliation. `none`: the file's only booked balance sets the
 * opening balance and checks nothing (an OFX LEDGERBAL, a QIF opening balance). A `mismatch` here is
 * a file quirk, proven in `why` from the file's own figures (never special-cased in the code).
 * Files not listed carry no balance pocketbook reads (or a redacted one: ICBC's "xx,yyyy.zz").
 */
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, tempLedger } from './e2e/helpers.js';

const CORPUS = path.resolve(REPO_ROOT, '..', 'shared', 'corpus');

interface Expect {
  status: 'ok' | 'none' | 'mismatch';
  checkpoints: number;
  /** For a mismatch: its first date, and why the file (not the reader) is at fault. */
  date?: string;
  why?: string;
}

const OK = (checkpoints: number): Expect => ({ status: 'ok', checkpoints });
const OPENING_ONLY: Expect = { status: 'none', checkpoints: 1 };

export const BALANCES: Record<string, Expect> = {
  'camt/iso20022__camt052.xml': OK(2),
  'camt/iso20022__camt053.xml': OK(2),
  'camt/iso20022__davider80.xml': OK(2),
  'camt/iso20022__simple.xml': OK(2),
  'csv/bcimport__creditcard.csv': OK(2),
  'csv/beangulp__statement.csv': OK(6),
  'csv/de-ing__test_with_saldo_1.csv': OK(6),
  'csv/hledger__csb43.csv': OK(2), // initial_balance/final_balance repeated on each row, dated by initial_date/final_date
  'csv/reds__Main_Checking_Account_Transactions.csv': OK(10),
  'xls/deg__example-spdb_debit-records.xls': OK(2),
  'ofx/autosync__accented_characters_latin1.ofx': OPENING_ONLY,
  'ofx/autosync__comments.ofx': OPENING_ONLY,
  'ofx/bcimport__amex.ofx': OPENING_ONLY,
  'ofx/beangulp__2013-12-03.bofa.ofx': OPENING_ONLY,
  'ofx/beangulp__example.ofx': OPENING_ONLY,
  'ofx/oca-bsi__test_ofx.ofx': OPENING_ONLY, // its empty CCSTMTRS's LEDGERBAL belongs to no account with rows: dropped
  'ofx/ofxparse__anzcc.ofx': OPENING_ONLY,
  'ofx/ofxparse__bank_medium.ofx': OPENING_ONLY,
  'ofx/ofxparse__checking.ofx': OPENING_ONLY,
  'ofx/ofxparse__suncorp.ofx': OPENING_ONLY,
  'ofx/ofxtools__br_nubank_cc.ofx': OPENING_ONLY, // LEDGERBAL inside an unclosed BANKTRANLIST
  'ofx/ofxtools__stmtrs_euro.ofx': OPENING_ONLY,
  'qfx/reds__360Checking.qfx': OPENING_ONLY,
  'qfx/reds__transactions.qfx': OPENING_ONLY,
  'qif/quiffen__test.qif': OPENING_ONLY,
  'camt/iso20022__gcamp6.xml': {
    status: 'mismatch', checkpoints: 2, date: '2017-01-31',
    why: 'OPBD 0.00, CLBD 10000.00, five CRDT entries of 13010.00 (manifest: "do NOT reconcile")',
  },
  'camt/oca-bsi__test-camt053': {
    status: 'mismatch', checkpoints: 2, date: '2014-01-05',
    why: 'OPBD 15568.27 → CLBD 15121.12 is −447.15; its three booked entries sum to −12.99 (manifest: "do NOT reconcile")',
  },
  'csv/deg-debit__example-cmb-records.csv': {
    status: 'mismatch', checkpoints: 4, date: '2024-01-20',
    why: 'anonymized sample: 271.66 after 2024-01-01, then −1,000.00 on 01-20 printed as balance 123.45',
  },
  'csv/deg__example-abc_debit-records.csv': {
    status: 'mismatch', checkpoints: 4, date: '2024-01-02',
    why: '+10000.00 → 11000.00, then −10.00 on 2024-01-02 still 11000.00',
  },
  'csv/deg__example-bocom_debit-records.csv': {
    status: 'mismatch', checkpoints: 6, date: '2024-03-03',
    why: 'anonymized sample: balances unrelated from row to row (2334.62 after a −3.21 debit, then 45.67 after +0.02)',
  },
  'csv/deg__example-hsbchk-debit-records.csv': {
    status: 'mismatch', checkpoints: 9, date: '2025-03-12',
    why: 'every step holds but one: 8,211.33 on 03-10, then a +12,500.00 salary printed as balance 4,288.67',
  },
  'csv/oca-bsi__meta_data_separated_credit_debit.csv': {
    status: 'mismatch', checkpoints: 2, date: '2020-04-02',
    why: 'footer "Balance at start of period" 30000,77 + its four rows (−50,00 −100,00 −80,68 +1300,00 = +1069,32) is 31070,09; "Balance at end of period" says 31070,11 (manifest: "fixture inconsistency of 0.02")',
  },
  'csv/reds__schwab_XXX234_Checking_Transactions_20220203.csv': {
    status: 'mismatch', checkpoints: 2, date: '2022-07-31',
    why: 'balance 3.00 after the 02-03 withdrawal, then a +1.00 deposit printed as balance 2.00',
  },
  'csv/revolut__2022-january.csv': {
    status: 'mismatch', checkpoints: 5, date: '2022-01-06',
    why: 'a 0.00 card hold moves the balance from 442.67 to 420.74 (manifest: "Balance ... not monotonic")',
  },
  'csv/zaim__mufg201810.csv': {
    status: 'mismatch', checkpoints: 3, date: '2018-10-20',
    why: 'two 10,000 deposits on 2018/10/1 both printed with balance 3,000,000',
  },
  'xls/deg__交易明细_xxxx_2025xxxx_2025xxxx.xls': {
    status: 'mismatch', checkpoints: 4, date: '2025-01-05',
    why: 'balance 2140.13 → 1579.11 (−561.02) across its only row of that day, −515.02 (digits transposed)',
  },
};

/**
 * Files refused as a whole: no row and no balance is kept. oca-bsi__debit_credit.csv has a running
 * Balance column that agrees with its D/C column (−23.50 + 1,533.50 = 1,510.00), but its printed
 * "-1,533.50" with C contradicts it, and the manifest wants the file refused, not guessed; with
 * printed signs that agree, the same layout reconciles (test/e2e/statement-balances.test.ts).
 */
const REFUSED = ['csv/oca-bsi__debit_credit.csv'];

describe.skipIf(!existsSync(CORPUS))('corpus balances (../shared/corpus)', () => {
  for (const file of REFUSED) {
    it(`${file}: refused, no checkpoint`, () => {
      const t = tempLedger('pb-corpus-bal-');
      try {
        const r = t.run(['import', path.join(CORPUS, file), '--account', 'Corpus Account', '--json']);
        const out = (JSON.parse(r.stdout) as { files: { rows: number; reconciliation: unknown; error?: string }[] }).files[0]!;
        expect(out).toMatchObject({ rows: 0, reconciliation: null });
        expect(out.error).toMatch(/contradicts|direction column/);
      } finally {
        t.cleanup();
      }
    });
  }

  for (const [file, exp] of Object.entries(BALANCES)) {
    it(`${file}: ${exp.status}`, () => {
      const t = tempLedger('pb-corpus-bal-');
      try {
        const r = t.run(['import', path.join(CORPUS, file), '--account', 'Corpus Account', '--json']);
        expect(r.code, r.stderr).toBe(0);
        const rec = (JSON.parse(r.stdout) as { files: { reconciliation: { status: string; checkpoints: number; first_mismatch: { date: string } | null } }[] })
          .files[0]!.reconciliation;
        expect({ status: rec.status, checkpoints: rec.checkpoints }).toEqual({ status: exp.status, checkpoints: exp.checkpoints });
        if (exp.date) {
          expect(rec.first_mismatch?.date).toBe(exp.date);
          expect(r.stderr).toMatch(/does not reconcile/);
        } else {
          expect(r.stderr).not.toMatch(/does not reconcile/);
        }
      } finally {
        t.cleanup();
      }
    });
  }
});
