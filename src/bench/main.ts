/**
 * `npm run bench`: SPEC's Performance section, measured. Generates a synthetic ten-year
 * statement, imports it into a fresh ledger with 200 rules, and times start-up, reports,
 * searches and `rules apply --all` against bare node, paired A, B, A, B …; and imports the same
 * number of rows as three accounts that pay each other against one account (household-bench.ts).
 *   node dist/bench/main.js [--rows 1000000] [--only import|accounts|startup|report|search|rules|export|mechanisms] [--pairs 15] [--import-rounds 3] [--keep]
 *   `--only mechanisms` (not part of the default run): each import speed mechanism switched off in turn (speed-bench.ts)
 *     [--ledger FILE]   reuse (or build once and keep) the big ledger for the report, search and rules sections
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { textWidth as stringWidth } from '../render/width.js';
import { rulesYaml, writeStatement } from './gen.js';
import { type HouseholdInfo, writeHousehold } from './household.js';
import { benchHousehold } from './household-bench.js';
import { benchMechanisms } from './speed-bench.js';
import { BIN, cliEnv, firstLine, hasCommand, measureNode, median, paired, pb, run, type Run } from './proc.js';

type Section = 'import' | 'accounts' | 'startup' | 'report' | 'search' | 'rules' | 'export' | 'mechanisms';
interface Row {
  measure: string;
  value: string;
  target: string;
  ratio: string;
  verdict: 'PASS' | 'FAIL' | 'n/a';
}

function flagValue(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const rows = Number(flagValue('rows') ?? 1_000_000);
const pairs = Math.max(15, Number(flagValue('pairs') ?? 15));
/** Import rounds (each a csv-parse pass, then an import into a fresh ledger); the median ratio is quoted. */
const importRounds = Math.max(1, Number(flagValue('import-rounds') ?? 3));
const only = flagValue('only') as Section | undefined;
/** Sections of the default run (`mechanisms` only when asked: it imports the file eleven times a round). */
const want = (s: Section) => (only ? only === s : s !== 'mechanisms');
const table: Row[] = [];
const out = (line = '') => process.stdout.write(`${line}\n`);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pb-bench-'));
const env = cliEnv(path.join(dir, 'config'));
const full = path.join(dir, `statement-${rows}.csv`);
const quarter = path.join(dir, `statement-${Math.floor(rows / 4)}.csv`);
const rulesFile = path.join(dir, 'rules-200.yaml');
const ledger = flagValue('ledger') ?? path.join(dir, 'ledger.db');
const ACCOUNT = 'Bench Card';
const shown = (args: readonly string[]) => `pocketbook ${args.map((a) => (/[\s&"']/.test(a) ? JSON.stringify(a) : a)).join(' ').replaceAll(dir, '$TMP')}`;
const nodeBare = (): Run => run(process.execPath, ['-e', '']);
const mb = (n: number | null) => (n === null ? '?' : `${n.toFixed(0)} MB`);

function verdict(ok: boolean): 'PASS' | 'FAIL' {
  return ok ? 'PASS' : 'FAIL';
}

function notAvailable(measure: string, why: string): void {
  out(`  ${measure}: not available (${why})`);
  table.push({ measure, value: 'not available', target: '', ratio: '', verdict: 'n/a' });
}

function importInto(target: string, file: string): ReturnType<typeof measureNode> {
  if (hasCommand(['rules', 'import'], env)) {
    const r = pb(['--ledger', target, 'rules', 'import', rulesFile], { env });
    if (r.code !== 0) out(`  (rules import failed: ${firstLine(r.stderr)})`);
  }
  // --debug: the import also says where its time went (one line on stderr).
  return measureNode([BIN, '--ledger', target, '--debug', 'import', file, '--account', ACCOUNT], { env });
}

/** The import's own account of where its time went (`--debug`), if it printed one. */
const phasesOf = (stderr: string): string | undefined => /: (read and written .*)$/m.exec(stderr)?.[1];

function benchImport(): boolean {
  out('\n## Import');
  const csvParse = pathToFileURL(createRequire(import.meta.url).resolve('csv-parse')).href;
  const script = path.join(dir, 'csv-parse-pass.mjs');
  fs.writeFileSync(
    script,
    `import fs from 'node:fs';\nimport { parse } from '${csvParse}';\nlet n = 0;\n` +
      `for await (const rec of fs.createReadStream(process.argv[2]).pipe(parse({ columns: true }))) { if (rec) n += 1; }\nconsole.log(n);\n`,
  );
  if (!hasCommand(['import'], env)) {
    notAvailable(`import ${rows} rows`, '`pocketbook import` does not exist yet');
    return false;
  }
  const args = ['--ledger', ledger, 'import', full, '--account', ACCOUNT];
  out(`  A: node csv-parse-pass.mjs statement.csv; B: ${shown(args)} (after \`rules import rules-200.yaml\`), into a fresh ledger each round`);
  const walls: number[] = [];
  const ratios: number[] = [];
  let peak = 0;
  for (let round = 1; round <= importRounds; round++) {
    const base = measureNode([script, full]);
    // Every round into a fresh ledger: the last one into the ledger later sections use, unless that exists already.
    const target = round === importRounds && !fs.existsSync(ledger) ? ledger : path.join(dir, `round-${round}.db`);
    const m = importInto(target, full);
    if (m.code !== 0) {
      notAvailable(`import ${rows} rows`, `exit ${m.code}: ${firstLine(m.stderr)}`);
      return false;
    }
    if (target !== ledger) for (const suffix of ['', '-wal', '-shm', '-search']) fs.rmSync(`${target}${suffix}`, { force: true });
    walls.push(m.ms);
    ratios.push(m.ms / base.ms);
    peak = Math.max(peak, m.peakMb ?? 0);
    out(
      `  round ${round}: A ${(base.ms / 1000).toFixed(2)} s (${base.stdout.trim()} records, peak ${mb(base.peakMb)}) · ` +
        `B ${(m.ms / 1000).toFixed(2)} s, ${Math.round(rows / (m.ms / 1000)).toLocaleString('en')} rows/s, peak ${mb(m.peakMb)} (${m.how}) · ${(m.ms / base.ms).toFixed(2)}×`,
    );
    const phases = phasesOf(m.stderr);
    if (phases) out(`    ${phases}`);
  }
  const wall = median(walls);
  const ratio = median(ratios);
  const peakMb = peak > 0 ? peak : null;
  table.push({ measure: `import ${rows} rows: wall (median)`, value: `${(wall / 1000).toFixed(2)} s`, target: '≤ 10 s', ratio: '', verdict: verdict(wall <= 10_000) });
  table.push({ measure: 'import vs csv-parse pass', value: `median of ${importRounds}`, target: '≤ 4×', ratio: `${ratio.toFixed(2)}×`, verdict: verdict(ratio <= 4) });
  table.push({ measure: 'import peak memory (max)', value: mb(peakMb), target: '≤ 300 MB', ratio: '', verdict: peakMb === null ? 'n/a' : verdict(peakMb <= 300) });
  const q = importInto(path.join(dir, 'quarter.db'), quarter);
  out(`  same with ${Math.floor(rows / 4)} rows: ${(q.ms / 1000).toFixed(2)} s, peak ${mb(q.peakMb)}`);
  if (q.code === 0 && q.peakMb && peakMb) {
    const growth = peakMb / q.peakMb;
    table.push({ measure: 'peak memory 4× rows vs ¼', value: `${mb(peakMb)} / ${mb(q.peakMb)}`, target: '≤ 1.5× (flat)', ratio: `${growth.toFixed(2)}×`, verdict: verdict(growth <= 1.5) });
  }
  return true;
}

function pairedRow(measure: string, args: string[], target: number): void {
  const first = pb(args, { env });
  out(`  ${shown(args)}  [${first.stdout.split('\n').filter(Boolean).length} output lines]`);
  if (first.code !== 0) {
    notAvailable(measure, `exit ${first.code}: ${firstLine(first.stderr)}`);
    return;
  }
  const p = paired(() => pb(args, { env }), nodeBare, pairs);
  out(`    median ${p.medianA.toFixed(0)} ms vs node -e '' ${p.medianB.toFixed(0)} ms → ${p.ratio.toFixed(2)}× (${pairs} pairs)`);
  const ok = p.failures.length === 0 && p.ratio <= target;
  table.push({ measure, value: `${p.medianA.toFixed(0)} ms`, target: `≤ ${target}×`, ratio: `${p.ratio.toFixed(2)}×`, verdict: verdict(ok) });
}

function ensureLedger(): boolean {
  if (fs.existsSync(ledger)) return true;
  if (!hasCommand(['import'], env)) return false;
  out(`  (building the ${rows}-entry ledger first)`);
  return importInto(ledger, full).code === 0;
}

async function main(): Promise<void> {
  out(`pocketbook bench — ${rows.toLocaleString('en')} rows, node ${process.version}, ${os.cpus().length} cores, temp ${dir}`);
  if (want('import') || ((want('report') || want('search') || want('rules') || want('export')) && !fs.existsSync(ledger))) {
    const t0 = Date.now();
    const info = writeStatement(full, { rows, seed: 1 });
    writeStatement(quarter, { rows: Math.floor(rows / 4), seed: 2 });
    fs.writeFileSync(rulesFile, rulesYaml(200));
    out(`generated ${info.rows.toLocaleString('en')} rows ${info.first} … ${info.last} (${(info.bytes / 1e6).toFixed(1)} MB) and 200 rules in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
  if (want('import')) benchImport();
  if (want('mechanisms')) {
    out('\n## Speed mechanisms (POCKETBOOK_SPEED)');
    if (!fs.existsSync(full)) writeStatement(full, { rows, seed: 1 });
    if (!fs.existsSync(rulesFile)) fs.writeFileSync(rulesFile, rulesYaml(200));
    benchMechanisms({ dir, env, file: full, rows, rulesFile, account: ACCOUNT, rounds: importRounds, out });
  }
  if (want('accounts')) {
    out('\n## Three accounts that pay each other');
    const t0 = Date.now();
    const info: HouseholdInfo = writeHousehold(dir, { rows, seed: 3 });
    out(`  generated ${info.rows.toLocaleString('en')} rows ${info.first} … ${info.last} in three statements and one in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    if (!fs.existsSync(rulesFile)) fs.writeFileSync(rulesFile, rulesYaml(200));
    const row = (measure: string, value: string, target: string, ratio: string, ok: boolean) => table.push({ measure, value, target, ratio, verdict: verdict(ok) });
    try {
      benchHousehold({ dir, env, rulesFile, rounds: importRounds, info, out, row });
    } catch (err) {
      notAvailable('import as three accounts', (err as Error).message);
    }
  }
  if (want('startup')) {
    out('\n## Start-up');
    pairedRow('start-up: --help', ['--help'], 1.5);
  }
  const haveLedger = (want('report') || want('search') || want('rules') || want('export')) && ensureLedger();
  if (want('report')) {
    out('\n## Reports (whole process, paired with bare node)');
    if (!haveLedger) notAvailable('report month', 'no ledger: import is not available');
    else {
      pairedRow('report month', ['--ledger', ledger, 'report', 'month', '2026-10'], 2);
      pairedRow('report year', ['--ledger', ledger, 'report', 'year', '2025'], 2.5);
    }
  }
  if (want('search')) {
    out('\n## History search');
    if (!haveLedger) notAvailable('tx list --search', 'no ledger: import is not available');
    else {
      pairedRow('tx list --search 蓝瓶', ['--ledger', ledger, 'tx', 'list', '--search', '蓝瓶'], 2.5);
      pairedRow('tx list --search Patisserie', ['--ledger', ledger, 'tx', 'list', '--search', 'Patisserie'], 2.5);
      // Forgiving search (issue 24): pinyin initials, traditional characters, full width; the first
      // run of each (not timed) fills the merchant search keys the timed runs read.
      pairedRow('tx list --search lpkf (pinyin initials)', ['--ledger', ledger, 'tx', 'list', '--search', 'lpkf'], 2.5);
      pairedRow('tx list --search "lan ping" (pinyin)', ['--ledger', ledger, 'tx', 'list', '--search', 'lan ping'], 2.5);
      pairedRow('tx list --search 藍瓶 (traditional)', ['--ledger', ledger, 'tx', 'list', '--search', '藍瓶'], 2.5);
      pairedRow('tx list --search ＰＡＴＩＳＳＥＲＩＥ (width)', ['--ledger', ledger, 'tx', 'list', '--search', 'ＰＡＴＩＳＳＥＲＩＥ'], 2.5);
      pairedRow('tx list --year --category', ['--ledger', ledger, 'tx', 'list', '--year', '2019', '--category', 'Transport:Fuel'], 2.5);
    }
  }
  if (want('rules')) {
    out('\n## Rules');
    const args = ['--ledger', ledger, 'rules', 'apply', '--all'];
    if (!haveLedger || !hasCommand(['rules', 'apply'], env)) notAvailable('rules apply --all (200 rules)', '`rules apply` or the ledger is missing');
    else {
      const r = measureNode([BIN, ...args], { env });
      out(`  ${shown(args)} → ${(r.ms / 1000).toFixed(2)} s, peak ${mb(r.peakMb)}: ${firstLine(r.stdout)}`);
      if (r.code !== 0) notAvailable('rules apply --all (200 rules)', `exit ${r.code}: ${firstLine(r.stderr)}`);
      else table.push({ measure: `rules apply --all, 200 rules × ${rows}`, value: `${(r.ms / 1000).toFixed(2)} s`, target: '≤ 8 s', ratio: '', verdict: verdict(r.ms <= 8000) });
    }
  }
  if (want('export')) benchExport(haveLedger);
  printTable();
}

/** Every export format streams: peak memory stays flat whatever the ledger holds (SPEC: ≤ 300 MB at 1M entries). */
function benchExport(haveLedger: boolean): void {
  out('\n## Export (stdout to a file)');
  for (const format of ['csv', 'json', 'ledger', 'beancount']) {
    const measure = `export --format ${format} peak memory`;
    if (!haveLedger) {
      notAvailable(measure, 'no ledger: import is not available');
      continue;
    }
    const file = path.join(dir, `export.${format}`);
    const args = ['--ledger', ledger, 'export', '--format', format];
    const r = measureNode([BIN, ...args], { env, stdoutFile: file });
    const size = fs.existsSync(file) ? fs.statSync(file).size : 0;
    fs.rmSync(file, { force: true });
    out(`  ${shown(args)} > file → ${(r.ms / 1000).toFixed(2)} s, ${(size / 1e6).toFixed(0)} MB written, peak ${mb(r.peakMb)}`);
    if (r.code !== 0) notAvailable(measure, `exit ${r.code}: ${firstLine(r.stderr)}`);
    else table.push({ measure, value: `${mb(r.peakMb)} (${(r.ms / 1000).toFixed(1)} s)`, target: '≤ 300 MB', ratio: '', verdict: r.peakMb === null ? 'n/a' : verdict(r.peakMb <= 300) });
  }
}

function printTable(): void {
  const head: Row = { measure: 'measure', value: 'value', target: 'target', ratio: 'ratio', verdict: 'n/a' };
  const keys = ['measure', 'value', 'target', 'ratio', 'verdict'] as const;
  const width = (k: (typeof keys)[number]) => Math.max(...[head, ...table].map((r) => stringWidth(k === 'verdict' ? 'verdict' : r[k])));
  const pad = (text: string, w: number) => text + ' '.repeat(Math.max(0, w - stringWidth(text)));
  const line = (r: Row, v: string) => keys.map((k) => pad(k === 'verdict' ? v : r[k], width(k))).join('  ');
  out(`\n${line(head, 'result')}`);
  for (const r of table) out(line(r, r.verdict));
  const failed = table.filter((r) => r.verdict === 'FAIL').length;
  out(`\n${table.length - failed - table.filter((r) => r.verdict === 'n/a').length} PASS, ${failed} FAIL, ${table.filter((r) => r.verdict === 'n/a').length} not available`);
}

main()
  .catch((err: unknown) => {
    process.stderr.write(`bench: ${(err as Error).stack ?? String(err)}\n`);
    process.exitCode = 1;
  })
  .finally(() => {
    if (!process.argv.includes('--keep')) fs.rmSync(dir, { recursive: true, force: true });
    else out(`kept ${dir}`);
  });
