/** The demo's credit-card due days (issue 26 point 7): household.json's `due_day`, set as `account edit --due-day` would, so `cards` shows a due date. */
import fs from 'node:fs';
import { openLedger } from '../../ledger/open.js';
import { findAccountByName, updateAccount } from '../../ledger/accounts.js';

export function setUpDueDays(ledger: string, householdFile: string): void {
  const household = JSON.parse(fs.readFileSync(householdFile, 'utf8')) as { accounts: { name: string; due_day?: number }[] };
  const db = openLedger(ledger);
  try {
    for (const a of household.accounts) {
      const account = a.due_day !== undefined ? findAccountByName(db, a.name) : undefined;
      if (account && account.dueDay === null) updateAccount(db, account.id, { dueDay: a.due_day });
    }
  } finally {
    db.close();
  }
}
