/**
 * The demo's reimbursements (报销, issue 28 point 3): the `reimbursements` of examples/household.json
 * (an expense named by its date and description, who owes it back, a note) marked after the
 * statements are imported, so that `report reimbursements` and the month report show them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { openLedger } from '../../ledger/open.js';
import { entryIdByDescription, markReimbursement } from '../../ledger/reimbursements.js';
import { settleMatches } from '../entries/reimburse.js';

interface DemoReimbursement {
  date: string;
  description: string;
  from: string;
  note?: string;
}

export function setUpDemoReimbursements(ledger: string, dir: string, household = 'household.json'): void {
  const data = JSON.parse(fs.readFileSync(path.join(dir, household), 'utf8')) as { reimbursements?: DemoReimbursement[] };
  if (!data.reimbursements?.length) return;
  const db = openLedger(ledger);
  try {
    const now = new Date().toISOString();
    db.transaction(() => {
      for (const r of data.reimbursements!) {
        const id = entryIdByDescription(db, r.date, r.description);
        if (id !== undefined) markReimbursement(db, { txId: id, payer: r.from, note: r.note ?? null, now });
      }
      settleMatches(db, now);
    })();
  } finally {
    db.close();
  }
}
