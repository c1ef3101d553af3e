/**
 * The corpus test: every statement in ../shared/corpus/manifest.json imported into a fresh ledger
 * with nothing but `--account`, checked against the entry's `pocketbook` expectations.
 * Owners listed in REQUIRED_OWNERS (or $POCKETBOOK_CORPUS_OWNERS, comma-separated) must pass;
 * the others are listed as pending (todo) by owner until their work lands.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { formatMinor } from '../src/core/money.js';
import { REPO_ROOT, tempLedger } from './e2e/helpers.js';

/** Owners whose corpus files must import correctly now. */
export const REQUIRED_OWNERS = ['foundation', 'wallets', 'later'];

const owners = new Set((process.env.POCKETBOOK_CORPUS_OWNERS ?? REQUIRED_OWNERS.join(',')).split(',').map((s) => s.trim()).filter(Boolean));
const CORPUS = path.resolve(REPO_ROOT, '..', 'shared', 'corpus');
const MANIFEST = path.join(CORPUS, 'manifest.json');

interface Expect {
  owner: string;
  reject: boolean;
  entries: number | null;
  skipped: number | null;
  neutral: number | null;
  sum: string | null;
  sum_by_currency: Record<string, string> | null;
  first_date: string | null;
  last_date: string | null;
}
interface Entry {
  file: string;
  pocketbook: Expect;
}

const manifest: Entry[] = existsSync(MANIFEST) ? (JSON.parse(readFileSync(MANIFEST, 'utf8')) as Entry[]) : [];

function ledgerFacts(ledger: string) {
  if (!existsSync(ledger)) return { entries: 0, neutral: 0, sums: new Map<string, number>(), first: null, last: null };
  const db = new Database(ledger, { readonly: true });
  try {
    const entries = (db.prepare('SELECT count(*) AS n FROM transactions').get() as { n: number }).n;
    // Neutral = transfers the statement itself declares (wallet 不计收支); rules may mark others, which still count.
    const neutral = "kind = 'transfer' AND kind_source = 'import'";
    const rows = db.prepare(`SELECT currency, sum(amount) AS s FROM transactions WHERE NOT (${neutral}) GROUP BY currency`).all() as { currency: string; s: number }[];
    const neutrals = (db.prepare(`SELECT count(*) AS n FROM transactions WHERE ${neutral}`).get() as { n: number }).n;
    const range = db.prepare('SELECT min(date) AS first, max(date) AS last FROM transactions').get() as { first: string | null; last: string | null };
    return { entries, neutral: neutrals, sums: new Map(rows.map((r) => [r.currency, r.s])), first: range.first, last: range.last };
  } finally {
    db.close();
  }
}

describe.skipIf(manifest.length === 0)('corpus (../shared/corpus)', () => {
  for (const entry of manifest) {
    const exp = entry.pocketbook;
    const title = `[${exp.owner}] ${entry.file}`;
    if (!owners.has(exp.owner)) {
      it.todo(title);
      continue;
    }
    it(title, () => {
      const t = tempLedger('pb-corpus-');
      try {
        const file = path.join(CORPUS, entry.file);
        const r = t.run(['import', file, '--account', 'Corpus Account', '--json']);
        const facts = ledgerFacts(t.ledger);
        if (exp.reject) {
          expect(r.code, r.stdout).toBe(1);
          const lines = r.stderr.trim().split('\n');
          expect(lines, r.stderr).toHaveLength(1);
          expect(lines[0]).toMatch(/^pocketbook: .+/);
          expect(r.stderr).not.toMatch(/internal error/);
          expect(facts.entries).toBe(0);
          return;
        }
        expect(r.code, r.stderr).toBe(0);
        const result = (JSON.parse(r.stdout) as { files: { skipped: number }[] }).files[0]!;
        if (exp.entries !== null) expect(facts.entries, 'entries').toBe(exp.entries);
        if (exp.skipped !== null) expect(result.skipped, 'skipped').toBe(exp.skipped);
        if (exp.neutral !== null) expect(facts.neutral, 'neutral (transfers declared by the statement)').toBe(exp.neutral);
        if (exp.sum_by_currency) {
          const got = Object.fromEntries([...facts.sums].map(([c, s]) => [c, formatMinor(s, c)]));
          expect(got, 'sum_by_currency').toEqual(exp.sum_by_currency);
        } else if (exp.sum !== null) {
          const currencies = [...facts.sums.keys()];
          if (currencies.length === 0) expect(Number(exp.sum), 'sum').toBe(0);
          else {
            expect(currencies, 'one currency').toHaveLength(1);
            expect(formatMinor(facts.sums.get(currencies[0]!)!, currencies[0]!), 'sum').toBe(exp.sum);
          }
        }
        if (exp.first_date !== null) expect(facts.first, 'first_date').toBe(exp.first_date);
        if (exp.last_date !== null) expect(facts.last, 'last_date').toBe(exp.last_date);
      } finally {
        t.cleanup();
      }
    });
  }
});
