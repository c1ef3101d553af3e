/**
 * Issue 22 point 8 through the built CLI: the bench's household (a checking account repaying two
 * credit cards every month for ten years, src/bench/household.ts) imported as three statements
 * links every card repayment with its checking side, and the same links whichever file comes first.
 */
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { HOUSEHOLD, writeHousehold } from '../../src/bench/household.js';
import { tempLedger, type TempLedger } from './helpers.js';

const ledgers: TempLedger[] = [];
afterAll(() => {
  for (const l of ledgers) l.cleanup();
});

function importHousehold(order: readonly number[]): { links: string[]; reported: number } {
  const l = tempLedger('pb-household-');
  ledgers.push(l);
  const info = writeHousehold(l.dir, { rows: 6000, seed: 11 });
  let reported = 0;
  for (const a of HOUSEHOLD) expect(l.run(['account', 'add', a.name, '--type', a.type, '--number-suffix', a.suffix]).code).toBe(0);
  for (const i of order) {
    const a = HOUSEHOLD[i]!;
    const r = l.run(['import', info.files[a.key], '--account', a.name, '--json']);
    expect(r.code, r.stderr).toBe(0);
    reported += (JSON.parse(r.stdout) as { files: { transfers: number }[] }).files[0]!.transfers;
  }
  const db = new Database(l.ledger, { readonly: true });
  try {
    const links = db
      .prepare(
        `SELECT a.name || ' ' || t.date || ' ' || t.amount || ' ' || t.description || ' -> ' || pa.name || ' ' || p.date || ' ' || p.description
         FROM transactions t JOIN accounts a ON a.id = t.account_id JOIN transactions p ON p.id = t.transfer_peer_id AND p.transfer_peer_id = t.id
         JOIN accounts pa ON pa.id = p.account_id WHERE t.kind = 'transfer' AND p.kind = 'transfer' ORDER BY 1`,
      )
      .pluck()
      .all() as string[];
    expect(info.repayments).toBe(240);
    return { links, reported };
  } finally {
    db.close();
  }
}

describe('a household of three accounts that pay each other', () => {
  it('links every card repayment, the same whichever statement is imported first', () => {
    const forward = importHousehold([0, 1, 2]);
    const backward = importHousehold([2, 1, 0]);
    const repayments = forward.links.filter((l) => /^Bench Checking .* -> Bench Card [AB] /.test(l));
    expect(repayments).toHaveLength(240);
    expect(repayments.every((l) => /(信用卡还款|CREDIT CARD PAYMENT).* -> .*(还款|PAYMENT)/.test(l))).toBe(true);
    expect(backward.links).toEqual(forward.links);
    expect(forward.reported).toBe(forward.links.length / 2);
    expect(backward.reported).toBe(forward.reported);
  });
});
