/**
 * Checkpoints in the journal exports, on ledgers written directly: a wallet whose purchases a card
 * row mirrors (the journal posts the mirror back onto the wallet: its assertions count it), an
 * account holding only a checkpoint (cash, another currency), and a ledger without checkpoints
 * (export unchanged). Checked by the real tools when present (in CI they must be).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Context } from '../../../src/core/context.js';
import { exportLedger } from '../../../src/app/export/export.js';
import { addCheckpoints } from '../../../src/ledger/checkpoints.js';
import { openLedger } from '../../../src/ledger/open.js';
import { requireTools, runWith, tool } from '../../e2e/export-tools.js';
import { addAccounts, insertEntries } from '../reports/fixture-ledger.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const ctxFor = (ledgerPath: string): Context => ({
  ledgerPath, today: '2026-11-15', settings: { currency: 'CNY', locale: 'en', color: false }, io: { out: () => {}, err: () => {} }, interactive: false, debug: false,
});

async function exportText(file: string, format: 'ledger' | 'beancount', range: { from?: string; to?: string } = {}): Promise<string> {
  let text = '';
  await exportLedger(ctxFor(file), { format, ...range }, (c) => void (text += c));
  return text;
}

function ledgerFile(): { file: string; dir: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'pb-exp-cp-'));
  dirs.push(dir);
  return { file: path.join(dir, 'l.db'), dir };
}

/** hledger check (assertions on), ledger --pedantic, bean-check: every result, for one message. */
async function checkAll(file: string, dir: string, range: { from?: string; to?: string } = {}): Promise<string[]> {
  const journal = path.join(dir, 'x.journal');
  const bean = path.join(dir, 'x.beancount');
  writeFileSync(journal, await exportText(file, 'ledger', range));
  writeFileSync(bean, await exportText(file, 'beancount', range));
  const runs = [tool('hledger', ['-f', journal, 'check']), tool('ledger', ['-f', journal, '--pedantic', 'balance']), tool('bean-check', [bean])];
  return runs.filter((r) => r.code !== 0).map((r) => r.out);
}

function mirroredLedger(): { file: string; dir: string } {
  const l = ledgerFile();
  const db = openLedger(l.file);
  addAccounts(db);
  insertEntries(db, [
    { account: 'Alipay', date: '2026-09-01', amount: -3_000, merchant: 'Tea' },
    { account: 'CMB Card', date: '2026-09-01', amount: -3_000, merchant: 'Tea', mirrorOf: 0 },
    { account: 'Alipay', date: '2026-09-02', amount: -5_000, merchant: 'Lunch' },
    { account: 'CMB Card', date: '2026-09-03', amount: -5_000, merchant: 'Lunch', mirrorOf: 2 },
    { account: 'Alipay', date: '2026-09-03', amount: 20_000, kind: 'income', merchant: 'Red packet' },
  ]);
  const alipay = 3;
  const card = 2;
  // Alipay held 1,000.00 before: its entries bring it to 920.00 on the 2nd and 1,120.00 on the 3rd.
  addCheckpoints(db, [
    { accountId: alipay, date: '2026-09-02', amount: 92_000, currency: 'CNY', source: 'statement', kind: 'closing' },
    { accountId: alipay, date: '2026-09-03', amount: 112_000, currency: 'CNY', source: 'statement', kind: 'closing' },
    { accountId: card, date: '2026-09-03', amount: -8_000, currency: 'CNY', source: 'statement', kind: 'closing' },
  ], '2026-11-15');
  db.close();
  return l;
}

describe('checkpoints in the journal exports', () => {
  it('counts what mirrored card rows post onto a wallet in its assertions and openings', async () => {
    const { file } = mirroredLedger();
    const journal = await exportText(file, 'ledger');
    // The journal moves each mirrored amount back to the wallet: 920.00 + 30.00 on the 2nd.
    expect(journal).toMatch(/Assets:Alipay +0 CNY = 950\.00 CNY/);
    expect(journal).toMatch(/Assets:Alipay +0 CNY = 1200\.00 CNY/);
    expect(journal).toMatch(/Liabilities:CMB Card +0 CNY = -80\.00 CNY/);
    expect(journal).toMatch(/2026-08-31 \* Opening balance\n {4}Assets:Alipay +1000\.00 CNY/);
    // From the 3rd: Alipay held 920.00 (+30.00 mirrored before) on the 2nd.
    expect(await exportText(file, 'ledger', { from: '2026-09-03' })).toMatch(/2026-09-02 \* Opening balance\n {4}Assets:Alipay +950\.00 CNY/);
  });

  it('passes the tools with mirrored rows, whole and from a date', { skip: !runWith('hledger', 'ledger', 'bean-check') }, async () => {
    requireTools('hledger', 'ledger', 'bean-check');
    const { file, dir } = mirroredLedger();
    for (const range of [{}, { from: '2026-09-02' }, { from: '2026-09-03' }, { to: '2026-09-02' }]) expect(await checkAll(file, dir, range), JSON.stringify(range)).toEqual([]);
  });

  it('opens an account that holds only a checkpoint, in its own currency', { skip: !runWith('hledger', 'ledger', 'bean-check') }, async () => {
    requireTools('hledger', 'ledger', 'bean-check');
    const { file, dir } = ledgerFile();
    const db = openLedger(file);
    addAccounts(db);
    const cash = Number(db.prepare("INSERT INTO accounts (name, type, currency, created_at) VALUES ('Cash', 'cash', 'EUR', '2026-01-01')").run().lastInsertRowid);
    insertEntries(db, [{ account: 'Checking', date: '2026-09-05', amount: -1_000 }]);
    addCheckpoints(db, [{ accountId: cash, date: '2026-09-10', amount: 4_250, currency: 'EUR', source: 'manual', kind: 'manual' }], '2026-11-15');
    db.close();
    const journal = await exportText(file, 'ledger');
    expect(journal).toContain('commodity EUR');
    expect(journal).toMatch(/2026-09-09 \* Opening balance\n {4}Assets:Cash +42\.50 EUR/);
    expect(await exportText(file, 'beancount')).toMatch(/2026-09-11 balance Assets:Cash +42\.50 EUR/);
    expect(await checkAll(file, dir)).toEqual([]);
    // A range ending before it neither opens nor asserts it.
    expect(await exportText(file, 'ledger', { to: '2026-09-09' })).not.toMatch(/Assets:Cash +[-\d]|EUR =/);
  });

  it('changes nothing for a ledger without checkpoints but the declared Equity:Opening-Balances', async () => {
    const { file } = ledgerFile();
    const db = openLedger(file);
    addAccounts(db);
    insertEntries(db, [{ account: 'Checking', date: '2026-09-05', amount: -1_000 }]);
    addCheckpoints(db, [{ accountId: 1, date: '2026-09-05', amount: 123, currency: 'CNY', source: 'statement', kind: 'available' }], '2026-11-15');
    db.close();
    for (const format of ['ledger', 'beancount'] as const) {
      const text = await exportText(file, format);
      expect(text).not.toMatch(/Opening balance| balance |= /);
    }
  });
});
