/**
 * `npm run bench -- --only mechanisms`: what each import speed mechanism (src/core/speed.ts) earns.
 * Every round imports the same statement into fresh ledgers once with every mechanism on (twice:
 * the two tell the noise), and once with each mechanism off (POCKETBOOK_SPEED=-name), in an order
 * that rotates from round to round so a drift in the machine's load spreads over all variants.
 * A mechanism earns its keep when switching it off costs more than the noise: the larger of the
 * spread between the two all-on imports of a round (median over rounds) and 3%.
 */
import fs from 'node:fs';
import path from 'node:path';
import { SPEED_MECHANISMS } from '../core/speed.js';
import { BIN, firstLine, measureNode, median, pb } from './proc.js';

export interface MechanismsBenchInput {
  dir: string;
  env: Record<string, string>;
  file: string;
  rows: number;
  rulesFile: string;
  account: string;
  rounds: number;
  out: (line?: string) => void;
}

export interface MechanismResult {
  mechanism: string;
  /** Median wall time with this mechanism off, ms. */
  offMs: number;
  /** (off − on) / on: what the mechanism saves, as a share of the all-on time. */
  gain: number;
  earns: boolean;
}

const MIN_NOISE = 0.03;

export function benchMechanisms(input: MechanismsBenchInput): { onMs: number; noise: number; results: MechanismResult[] } {
  const { dir, env, file, rulesFile, account, out } = input;
  const variants = ['on', 'on again', ...SPEED_MECHANISMS.map((m) => `-${m}`)];
  const walls = new Map<string, number[]>(variants.map((v) => [v, []]));
  const spreads: number[] = [];
  for (let round = 1; round <= input.rounds; round++) {
    const order = variants.map((_, i) => variants[(i + round - 1) % variants.length]!);
    const line: string[] = [];
    for (const variant of order) {
      const ledger = path.join(dir, `mechanism-${round}.db`);
      const speed = variant.startsWith('-') ? variant : '';
      const venv = { ...env, POCKETBOOK_SPEED: speed };
      const rules = pb(['--ledger', ledger, 'rules', 'import', rulesFile], { env: venv });
      if (rules.code !== 0) throw new Error(`rules import failed: ${firstLine(rules.stderr)}`);
      const m = measureNode([BIN, '--ledger', ledger, 'import', file, '--account', account], { env: venv });
      for (const suffix of ['', '-wal', '-shm', '-search']) fs.rmSync(`${ledger}${suffix}`, { force: true });
      if (m.code !== 0) throw new Error(`import with POCKETBOOK_SPEED=${speed} failed: ${firstLine(m.stderr)}`);
      walls.get(variant)!.push(m.ms);
      line.push(`${variant} ${(m.ms / 1000).toFixed(2)}`);
    }
    const [a, b] = [walls.get('on')!.at(-1)!, walls.get('on again')!.at(-1)!];
    spreads.push(Math.abs(a - b) / Math.min(a, b));
    out(`  round ${round}: ${line.join(' · ')} s`);
  }
  const onMs = median([...walls.get('on')!, ...walls.get('on again')!]);
  const noise = Math.max(MIN_NOISE, median(spreads));
  const results = SPEED_MECHANISMS.map((mechanism) => {
    const offMs = median(walls.get(`-${mechanism}`)!);
    const gain = (offMs - onMs) / onMs;
    return { mechanism, offMs, gain, earns: gain > noise };
  });
  out(`\n  all on: median ${(onMs / 1000).toFixed(2)} s over ${input.rounds * 2} imports of ${input.rows.toLocaleString('en')} rows; noise (all on vs all on again, median) ${(noise * 100).toFixed(1)}%`);
  out('  | mechanism | off: median wall | gain when on | verdict |');
  out('  | --- | --- | --- | --- |');
  for (const r of results) {
    out(`  | ${r.mechanism} | ${(r.offMs / 1000).toFixed(2)} s | ${r.gain >= 0 ? '+' : ''}${(r.gain * 100).toFixed(1)}% | ${r.earns ? 'earns its keep' : 'within noise'} |`);
  }
  return { onMs, noise, results };
}
