/**
 * Issue 22 point 6 (links): `tx link` refuses legs that differ in currency or amount unless
 * --force, writing nothing; `tx unlink` (and `import undo` of the other side) gives both entries
 * back exactly as they were before the link, whether it was made at import or by hand.
 * Through the built CLI: `npm run build` first.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { logicalHash } from '../../src/bench/inspect.js';
import { REPO_ROOT, tempLedger, type TempLedger } from './helpers.js';

const FIX = path.join(REPO_ROOT, 'test/fixtures/china');
const CREDIT = [path.join(FIX, 'cmb-credit-8842-2026-09.csv'), '--account', 'CMB Credit'];
const DEBIT = [path.join(FIX, 'cmb-debit-3147-2026-09.csv'), '--account', 'CMB Debit'];
const env = { env: { POCKETBOOK_TODAY: '2026-10-15' } };

let ledgers: TempLedger[] = [];
afterEach(() => {
  for (const l of ledgers) l.cleanup();
  ledgers = [];
});

type Shown = Record<string, unknown> & { id: number; kind: string; kind_source: string | null; transfer_peer: { id: number } | null };
interface Listed { id: number; amount: string; description: string; kind: string }

function ledgerWithCards(): TempLedger & { show(id: number): Shown; list(): Listed[]; ok(args: string[]): string } {
  const l = tempLedger('pb-txlink-');
  ledgers.push(l);
  const ok = (args: string[]) => {
    const r = l.run(args, env);
    expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
    return r.stdout;
  };
  ok(['account', 'add', 'CMB Credit', '--type', 'credit', '--institution', 'CMB 招商银行', '--number-suffix', '8842']);
  ok(['account', 'add', 'CMB Debit', '--type', 'checking', '--institution', 'CMB 招商银行', '--number-suffix', '3147']);
  return Object.assign(l, {
    ok,
    show: (id: number) => JSON.parse(ok(['tx', 'show', String(id), '--json'])) as Shown,
    list: () => JSON.parse(ok(['tx', 'list', '--json'])) as Listed[],
  });
}

const find = (list: Listed[], amount: string, text: string): Listed => list.find((t) => t.amount === amount && t.description.includes(text))!;
/** What an entry is apart from its link. */
const own = (s: Shown) => ({ kind: s.kind, kind_source: s.kind_source, category: s.category, category_source: s.category_source, merchant: s.merchant, channel: s.channel });

describe('tx link and tx unlink', () => {
  it('an automatic link made at import is undone exactly, by tx unlink, by undoing the other import or removing its account', () => {
    // The debit side as it is when nothing links it (its own ledger).
    const alone = ledgerWithCards();
    alone.ok(['import', ...DEBIT]);
    const debitAlone = alone.show(find(alone.list(), '-1000.00', '信用卡还款').id);
    expect(debitAlone.transfer_peer).toBeNull();

    const l = ledgerWithCards();
    l.ok(['import', ...CREDIT]);
    const card = find(l.list(), '1000.00', '还款');
    const cardBefore = l.show(card.id);
    const imported = JSON.parse(l.ok(['import', ...DEBIT, '--json'])) as { files: { batch: number; transfers: number }[] };
    expect(imported.files[0]!.transfers).toBe(1);
    const debit = find(l.list(), '-1000.00', '信用卡还款');
    // Linked: both transfers, each showing the other.
    expect(l.show(card.id)).toMatchObject({ kind: 'transfer', kind_source: 'link', transfer_peer: { id: debit.id } });
    expect(l.show(debit.id)).toMatchObject({ kind: 'transfer', kind_source: 'link', transfer_peer: { id: card.id } });
    expect(l.list().filter((t) => t.id === card.id || t.id === debit.id).map((t) => t.kind)).toEqual(['transfer', 'transfer']);

    const out = JSON.parse(l.ok(['tx', 'unlink', String(debit.id), '--json'])) as { peer: number };
    expect(out.peer).toBe(card.id);
    expect(l.show(card.id).transfer_peer).toBeNull();
    expect(l.show(card.id)).toEqual(cardBefore);
    expect(own(l.show(debit.id))).toEqual(own(debitAlone));
    // Both were transfers before the link (not income/expense by hand): the card side as money arriving
    // on a credit card, the debit side by the default rule.
    expect([cardBefore, debitAlone].map((s) => s.kind_source)).toEqual(['account', 'rule:Card repayment']);

    // Linked again by hand, then the debit statement's import undone: the card row is as before.
    l.ok(['tx', 'link', String(card.id), String(debit.id)]);
    expect(l.show(card.id)).toMatchObject({ kind: 'transfer', kind_source: 'manual', transfer_peer: { id: debit.id } });
    l.ok(['import', 'undo', String(imported.files[0]!.batch)]);
    expect(l.show(card.id)).toEqual(cardBefore);
    // Imported again (linked at import), then the whole debit account removed: the same.
    expect(JSON.parse(l.ok(['import', ...DEBIT, '--json'])).files[0].transfers).toBe(1);
    expect(l.show(card.id).transfer_peer).not.toBeNull();
    l.ok(['account', 'remove', 'CMB Debit', '--force']);
    expect(l.show(card.id)).toEqual(cardBefore);
  });

  it('refuses legs of different amounts or currencies unless --force (one line, exit 1, nothing written), and unlinks them exactly', () => {
    const l = ledgerWithCards();
    l.ok(['import', ...CREDIT]);
    l.ok(['import', ...DEBIT]);
    const usd = l.file('usd.csv');
    fs.writeFileSync(usd, 'Date,Description,Amount\n2026-09-20,WIRE FROM CMB,100.00\n');
    l.ok(['account', 'add', 'USD Savings', '--type', 'savings', '--currency', 'USD']);
    l.ok(['import', usd, '--account', 'USD Savings']);
    const list = l.list();
    const tea = find(list, '-45.00', '美团');
    const repay = find(list, '300.00', '还款');
    const wire = find(list, '100.00', 'WIRE');
    const before = [tea, repay, wire].map((t) => l.show(t.id));
    const hash = logicalHash(l.ledger);

    const amount = l.run(['tx', 'link', String(tea.id), String(repay.id)], env);
    expect(amount.code).toBe(1);
    expect(amount.stdout).toBe('');
    expect(amount.stderr.trim().split('\n')).toHaveLength(1);
    expect(amount.stderr).toContain(`entries ${tea.id} (-45.00 CNY) and ${repay.id} (+300.00 CNY) differ in amount`);
    expect(amount.stderr).toMatch(/--force/);
    const currency = l.run(['tx', 'link', String(tea.id), String(wire.id)], env);
    expect(currency.code).toBe(1);
    expect(currency.stderr.trim().split('\n')).toHaveLength(1);
    expect(currency.stderr).toContain(`(-45.00 CNY) and ${wire.id} (+100.00 USD) differ in currency`);
    expect(logicalHash(l.ledger)).toBe(hash);

    const forced = JSON.parse(l.ok(['tx', 'link', String(tea.id), String(wire.id), '--force', '--json'])) as { linked: number[]; forced: boolean };
    expect(forced).toEqual({ linked: [tea.id, wire.id], forced: true });
    expect(l.show(tea.id)).toMatchObject({ kind: 'transfer', transfer_peer: { id: wire.id } });
    expect(l.show(wire.id)).toMatchObject({ kind: 'transfer', transfer_peer: { id: tea.id } });
    // Linking the tea to the repayment instead undoes the first link exactly, then makes the new one.
    expect(l.ok(['tx', 'link', String(tea.id), String(repay.id), '--force'])).toMatch(/linked .* --force/);
    expect(l.show(wire.id)).toEqual(before[2]);
    l.ok(['tx', 'unlink', String(repay.id)]);
    expect([tea, repay, wire].map((t) => l.show(t.id))).toEqual(before);
  });
});
