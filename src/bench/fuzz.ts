/**
 * Seeded hostile-input fuzzing through the built CLI: every mutated statement must end in a
 * correct import (exit 0, consistent ledger) or one located error line on stderr with exit 1
 * and the ledger unchanged (main file bytes and logical content) — never a stack trace, never
 * slower than `slowMs`.
 */
import fc from 'fast-check';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MUTATIONS, mutate, type Mutated, type MutationSpec } from './mutate.js';
import { mutateWorkbook } from './mutate-sheets.js';
import { copyLedger, fileSha, ledgerState, logicalHash } from './inspect.js';
import { REPO_ROOT, cliEnv, firstLine, hasCommand, pb } from './proc.js';

export const FIXTURE_DIR = path.join(REPO_ROOT, 'test', 'fixtures', 'reliability');
/** Statements to mutate; the two workbooks are what workbooks.ts builds (mutate-sheets.ts breaks their structure). */
export const FUZZ_FIXTURES = ['generic.csv', 'debit-credit.csv', 'bank-sgml.ofx', 'card-xml.ofx', 'spdb-debit.xls', 'wechat-prefixed.xlsx'] as const;

export interface FuzzOptions {
  cases: number;
  seed: number;
  slowMs?: number;
  log?: (line: string) => void;
}

export interface FuzzResult {
  cases: number;
  imported: number;
  refused: number;
  failures: string[];
  slowest: { ms: number; label: string };
  /** Fixtures the current readers cannot import even unmutated (reported, not fuzzed). */
  skippedFixtures: string[];
  /** Cases run per fixture (and how many of them were refused). */
  perFixture: Record<string, { cases: number; refused: number }>;
}

const specArb = fc.record({
  fixture: fc.nat({ max: FUZZ_FIXTURES.length - 1 }),
  kind: fc.constantFrom(...MUTATIONS),
  pos: fc.double({ min: 0, max: 0.999, noNaN: true }),
  bytes: fc.uint8Array({ minLength: 1, maxLength: 24 }),
  n: fc.nat({ max: 5000 }),
});

const STACK = /^\s+at .+(\(|:\d+:\d+)/m;

function mutateFixture(name: string, original: Buffer, spec: MutationSpec): Mutated {
  if (name.endsWith('.xls')) return mutateWorkbook(original, 'xls', spec);
  if (name.endsWith('.xlsx')) return mutateWorkbook(original, 'xlsx', spec);
  return mutate(original, name.endsWith('.ofx'), spec);
}

export async function runFuzz(opts: FuzzOptions): Promise<FuzzResult> {
  const log = opts.log ?? (() => undefined);
  const slowMs = opts.slowMs ?? 5000;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pb-fuzz-'));
  const env = cliEnv(path.join(dir, 'config'));
  const result: FuzzResult = { cases: 0, imported: 0, refused: 0, failures: [], slowest: { ms: 0, label: '' }, skippedFixtures: [], perFixture: {} };
  try {
    if (!hasCommand(['import'], env)) throw new Error('`pocketbook import` is not available yet');
    // One base ledger per fixture: the unmutated statement imported into account "Fuzz N".
    const bases = new Map<number, string>();
    FUZZ_FIXTURES.forEach((name, i) => {
      const base = path.join(dir, `base-${i}.db`);
      const r = pb(['--ledger', base, 'import', path.join(FIXTURE_DIR, name), '--account', `Fuzz ${i}`], { env });
      if (r.code === 0) bases.set(i, base);
      else result.skippedFixtures.push(`${name}: ${firstLine(r.stderr)}`);
    });
    if (bases.size === 0) throw new Error(`no fixture imports: ${result.skippedFixtures.join('; ')}`);

    const specs = fc.sample(specArb, { seed: opts.seed, numRuns: opts.cases });
    const ledger = path.join(dir, 'case.db');
    for (const [idx, s] of specs.entries()) {
      const fixtureIdx = bases.has(s.fixture) ? s.fixture : ([...bases.keys()][s.fixture % bases.size] as number);
      const name = FUZZ_FIXTURES[fixtureIdx] as string;
      const spec: MutationSpec = { kind: s.kind, pos: s.pos, bytes: s.bytes, n: s.n };
      const label = `#${idx} ${name} ${s.kind} pos=${s.pos.toFixed(3)} n=${s.n}`;
      const m = mutateFixture(name, fs.readFileSync(path.join(FIXTURE_DIR, name)), spec);
      const input = path.join(dir, `case-${idx}${path.extname(name)}`);
      fs.writeFileSync(input, m.data);
      for (const suffix of ['', '-wal', '-shm', '-search']) fs.rmSync(`${ledger}${suffix}`, { force: true });
      copyLedger(bases.get(fixtureIdx) as string, ledger);
      const before = { sha: fileSha(ledger), logical: logicalHash(ledger), state: ledgerState(ledger) };

      const r = pb(['--ledger', ledger, 'import', input, '--account', `Fuzz ${fixtureIdx}`], { env, timeoutMs: slowMs * 4 });
      result.cases += 1;
      const tally = (result.perFixture[name] ??= { cases: 0, refused: 0 });
      tally.cases += 1;
      if (r.code === 1) tally.refused += 1;
      if (r.ms > result.slowest.ms) result.slowest = { ms: r.ms, label };
      const fail = (why: string) => result.failures.push(`${label}: ${why}`);
      const errLines = r.stderr.split('\n').filter((l) => l.trim() !== '');
      if (r.ms > slowMs) fail(`took ${r.ms.toFixed(0)} ms`);
      if (STACK.test(r.stderr) || /internal error/.test(r.stderr)) fail(`crash: ${firstLine(r.stderr)}`);
      if (/database is locked/.test(r.stderr)) fail('database is locked');
      if (r.code === 0) {
        result.imported += 1;
        if (m.expect === 'error') fail(`must be refused but imported (exit 0)`);
        const after = ledgerState(ledger);
        if (after.integrity !== 'ok' || after.duplicates || after.inconsistentBatches || after.orphans || after.brokenReferences || after.entries < before.state.entries) {
          fail(`ledger inconsistent after import: ${JSON.stringify(after)}`);
        }
      } else if (r.code === 1) {
        result.refused += 1;
        if (m.expect === 'ok') fail(`unmutated file refused: ${firstLine(r.stderr)}`);
        if (errLines.length !== 1) fail(`expected one error line, got ${errLines.length}: ${errLines.slice(0, 3).join(' | ').slice(0, 300)}`);
        else if (!(errLines[0] as string).includes(path.basename(input))) fail(`error not located in the file: ${errLines[0]}`);
        if (fileSha(ledger) !== before.sha) fail('ledger file bytes changed');
        if (logicalHash(ledger) !== before.logical) fail('ledger content changed');
      } else {
        fail(`exit ${r.code}${r.signal ? ` (${r.signal})` : ''}: ${firstLine(r.stderr)}`);
      }
      fs.rmSync(input, { force: true });
      if ((idx + 1) % 25 === 0) log(`fuzz: ${idx + 1}/${specs.length} cases, ${result.failures.length} failures`);
    }
    return result;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
