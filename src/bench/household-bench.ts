/**
 * The bench's "three accounts" section (issue 22 point 8, SPEC "Performance"): a ten-year history
 * of a checking account and two credit cards that it repays every month, in three statements,
 * imported one after the other into a fresh ledger (transfers linked at each import), against the
 * same rows in one statement imported as one account (nothing to link). Paired A, B per round;
 * the median of the ratios is quoted. Linking must stay linear, so the ratio stays near 1.
 */
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { HOUSEHOLD, type HouseholdInfo } from './household.js';
import { BIN, firstLine, measureNode, median, pb } from './proc.js';

export interface HouseholdBench {
  dir: string;
  env: Record<string, string>;
  rulesFile: string;
  rounds: number;
  info: HouseholdInfo;
  out(line: string): void;
  /** A row of the bench's table. */
  row(measure: string, value: string, target: string, ratio: string, ok: boolean): void;
}

interface Imported {
  ms: number;
  peakMb: number | null;
  transfers: number;
  /** The import's own account of where its time went (`--debug`). */
  phases: string;
  linking: number;
}

function importTimed(b: HouseholdBench, ledger: string, file: string, account: string): Imported {
  const m = measureNode([BIN, '--ledger', ledger, '--debug', 'import', file, '--account', account, '--json'], { env: b.env });
  if (m.code !== 0) throw new Error(`import ${path.basename(file)}: exit ${m.code}: ${firstLine(m.stderr)}`);
  const json = JSON.parse(m.stdout) as { files: { transfers: number }[] };
  const phases = /: (read and written .*)$/m.exec(m.stderr)?.[1] ?? '';
  const linking = Number(/transfers linked, counts kept (\d+\.\d+) s/.exec(phases)?.[1] ?? NaN);
  return { ms: m.ms, peakMb: m.peakMb, transfers: json.files[0]?.transfers ?? 0, phases, linking };
}

function freshLedger(b: HouseholdBench, name: string, accounts: boolean): string {
  const ledger = path.join(b.dir, name);
  const ok = (args: string[]) => {
    const r = pb(['--ledger', ledger, ...args], { env: b.env });
    if (r.code !== 0) throw new Error(`${args.join(' ')}: ${firstLine(r.stderr)}`);
  };
  ok(['rules', 'import', b.rulesFile]);
  if (accounts) for (const a of HOUSEHOLD) ok(['account', 'add', a.name, '--type', a.type, '--number-suffix', a.suffix]);
  return ledger;
}

const drop = (ledger: string) => {
  for (const suffix of ['', '-wal', '-shm', '-search']) fs.rmSync(`${ledger}${suffix}`, { force: true });
};

/** Card repayments linked with their checking side (both directions agree). */
function repaymentsLinked(ledger: string): number {
  const db = new BetterSqlite3(ledger, { readonly: true });
  try {
    const words = HOUSEHOLD.flatMap((a) => (a.paid ? [a.paid[0]] : []));
    return db
      .prepare(
        `SELECT count(*) FROM transactions t JOIN transactions p ON p.id = t.transfer_peer_id AND p.transfer_peer_id = t.id
         WHERE t.description IN (${words.map(() => '?').join(', ')}) AND p.amount = -t.amount AND t.kind = 'transfer' AND p.kind = 'transfer'`,
      )
      .pluck()
      .get(...words) as number;
  } finally {
    db.close();
  }
}

export function benchHousehold(b: HouseholdBench): void {
  const { info } = b;
  b.out(`  A: one account, ${path.basename(info.files.combined)}; B: ${HOUSEHOLD.map((a) => `import ${path.basename(info.files[a.key])} --account "${a.name}"`).join(', then ')}`);
  b.out(`  (each into a fresh ledger after \`rules import\`; B's accounts made first; ${info.repayments} card repayments to link)`);
  const ratios: number[] = [];
  const totals: number[] = [];
  const bases: number[] = [];
  let linked = Infinity;
  let counted = Infinity;
  for (let round = 1; round <= b.rounds; round++) {
    const one = freshLedger(b, `one-${round}.db`, false);
    const a = importTimed(b, one, info.files.combined, 'Bench Household');
    drop(one);
    const three = freshLedger(b, `three-${round}.db`, true);
    const parts = HOUSEHOLD.map((acc) => importTimed(b, three, info.files[acc.key], acc.name));
    linked = Math.min(linked, repaymentsLinked(three));
    counted = Math.min(counted, parts.reduce((s, p) => s + p.transfers, 0));
    drop(three);
    const total = parts.reduce((s, p) => s + p.ms, 0);
    ratios.push(total / a.ms);
    totals.push(total);
    bases.push(a.ms);
    const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
    const peak = Math.max(...parts.map((p) => p.peakMb ?? 0));
    b.out(
      `  round ${round}: A ${s(a.ms)} · B ${s(total)} (${parts.map((p) => s(p.ms)).join(' + ')}; linking ${parts.map((p) => `${p.linking.toFixed(2)}`).join(' + ')} s; ` +
        `${parts.reduce((n, p) => n + p.transfers, 0)} transfers; peak ${peak.toFixed(0)} MB vs ${(a.peakMb ?? 0).toFixed(0)} MB) · ${(total / a.ms).toFixed(2)}×`,
    );
    for (const [i, p] of parts.entries()) b.out(`    ${HOUSEHOLD[i]?.key}: ${p.phases}`);
  }
  const ratio = median(ratios);
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  b.row(`import ${info.rows} rows: 3 accounts paying each other vs 1`, `${s(median(totals))} vs ${s(median(bases))} (medians of ${b.rounds})`, '≤ 1.5×', `${ratio.toFixed(2)}×`, ratio <= 1.5);
  b.row('card repayments linked (3 accounts)', `${linked} of ${info.repayments} (${counted} transfers)`, `all ${info.repayments}`, '', linked === info.repayments);
}
