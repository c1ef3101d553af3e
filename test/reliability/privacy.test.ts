import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, FIXTURE_DIR, REPO_ROOT, available, cliEnv, mode, pb, tempDir } from './helpers.js';
import { writeStatement } from '../../src/bench/gen.js';

const dir = tempDir('pb-priv-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const env = cliEnv(path.join(dir, 'config'));
const CARD = '6217938504627731'; // ACCTID in card-xml.ofx

/** Run the CLI under `umask 000`. */
function underUmask0(args: string[]): { code: number; stderr: string } {
  const quoted = [process.execPath, BIN, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const r = spawnSync('sh', ['-c', `umask 000; exec ${quoted}`], { cwd: REPO_ROOT, env: { ...process.env, ...env }, encoding: 'utf8' });
  return { code: r.status ?? 1, stderr: r.stderr };
}

/** Every file below `root` is 0600 and every folder 0700. */
function expectPrivate(root: string): void {
  const bad: string[] = [];
  const walk = (p: string) => {
    const st = fs.statSync(p);
    const want = st.isDirectory() ? '0700' : '0600';
    if (mode(p) !== want) bad.push(`${path.relative(dir, p)} ${mode(p)}`);
    if (st.isDirectory()) for (const f of fs.readdirSync(p)) walk(path.join(p, f));
  };
  walk(root);
  expect(bad).toEqual([]);
}

describe.skipIf(!available('import'))('privacy (needs `pocketbook import`)', () => {
  it('ledger, WAL, folders, backups and attachments are owner-only under umask 000', async () => {
    const home = path.join(dir, 'home', 'pocketbook');
    const ledger = path.join(home, 'ledger.db');
    expect(underUmask0(['--ledger', ledger, 'import', path.join(FIXTURE_DIR, 'generic.csv'), '--account', 'Cash']).code).toBe(0);
    // Watch the WAL while a bigger import runs under umask 000.
    const big = path.join(dir, 'big.csv');
    writeStatement(big, { rows: 800, seed: 3, end: '2020-12-31', years: 1 });
    const seen = new Set<string>();
    const quoted = [process.execPath, BIN, '--ledger', ledger, 'import', big, '--account', 'Cash'].map((a) => `'${a}'`).join(' ');
    const child = spawn('sh', ['-c', `umask 000; exec ${quoted}`], { cwd: REPO_ROOT, env: { ...process.env, ...env }, stdio: 'ignore' });
    let done = false;
    child.on('exit', () => (done = true));
    while (!done) {
      for (const f of ['ledger.db-wal', 'ledger.db-shm']) {
        try {
          seen.add(`${f} ${mode(path.join(home, f))}`);
        } catch {
          /* not there right now */
        }
      }
      await new Promise((r) => setTimeout(r, 5));
    }
    expect([...seen].filter((s) => !s.endsWith('0600'))).toEqual([]);
    if (available('tx', 'attach')) {
      const receipt = path.join(dir, 'receipt.txt');
      fs.writeFileSync(receipt, 'receipt');
      expect(underUmask0(['--ledger', ledger, 'tx', 'attach', '1', receipt]).code).toBe(0);
    }
    if (available('backup')) expect(underUmask0(['--ledger', ledger, 'backup', path.join(home, 'backups')]).code).toBe(0);
    expectPrivate(path.join(dir, 'home', 'pocketbook'));
  }, 120_000);

  it('no network module is ever loaded', () => {
    // Output goes to files, not pipes. `net` and `dgram` still load legitimately as internals of `tty`
    // (chalk's colour probe) and `child_process`, and bare node loads internal/dns/utils at boot; so for
    // those we assert nothing ever connects or opens a socket. Every client module is forbidden outright.
    const hook = path.join(dir, 'net-hook.cjs');
    fs.writeFileSync(
      hook,
      `const fs = require('fs'); const net = require('net'); const dgram = require('dgram'); const calls = [];
       for (const [o, k] of [[net, 'connect'], [net, 'createConnection'], [net.Socket.prototype, 'connect'], [dgram, 'createSocket']]) {
         const orig = o[k]; o[k] = function (...a) { calls.push(k); return orig.apply(this, a); };
       }
       process.on('exit', () => fs.writeFileSync(process.env.PB_NET_LOG, JSON.stringify({ modules: process.moduleLoadList, calls })));`,
    );
    const ledger = path.join(dir, 'net', 'ledger.db');
    const commands: string[][] = [
      ['--help'],
      ['import', path.join(FIXTURE_DIR, 'generic.csv'), '--account', 'Cash'],
      ['import', path.join(FIXTURE_DIR, 'bank-sgml.ofx'), '--account', 'Checking'],
      ['import', path.join(FIXTURE_DIR, 'generic.csv'), '--account', 'Cash', '--json'],
      ...[['tx', 'list'], ['tx', 'list', '--search', '星巴克', '--json'], ['report', 'month', '2026-03'], ['report', 'year', '2026'], ['import', 'list'], ['rules', 'export']]
        .filter((c) => available(...c.filter((w) => !w.startsWith('-') && !/\d|星/.test(w)).slice(0, 2))),
    ];
    const forbidden = /^(NativeModule|Internal Binding) (https?|http2|_http_\w+|tls|_tls_\w+|dns|dns\/promises|internal\/deps\/undici\/undici|internal\/http2\/\w+|internal\/dns\/promises|tls_wrap)$/;
    for (const [i, args] of commands.entries()) {
      const log = path.join(dir, `net-${i}.json`);
      const outFd = fs.openSync(path.join(dir, `net-${i}.out`), 'w');
      const r = spawnSync(process.execPath, ['--require', hook, BIN, '--ledger', ledger, ...args], {
        cwd: REPO_ROOT,
        env: { ...process.env, ...env, PB_NET_LOG: log },
        stdio: ['ignore', outFd, outFd],
      });
      fs.closeSync(outFd);
      expect(r.status, `${args.join(' ')}: ${fs.readFileSync(path.join(dir, `net-${i}.out`), 'utf8')}`).toBe(0);
      const seen = JSON.parse(fs.readFileSync(log, 'utf8')) as { modules: string[]; calls: string[] };
      expect(seen.modules.length).toBeGreaterThan(10);
      expect(seen.modules.filter((m) => forbidden.test(m)), args.join(' ')).toEqual([]);
      expect(seen.calls, args.join(' ')).toEqual([]);
    }
  }, 120_000);

  it('errors and --debug never show more than the last four digits of a card number', () => {
    const ledger = path.join(dir, 'card', 'ledger.db');
    const card = path.join(FIXTURE_DIR, 'card-xml.ofx');
    const text = fs.readFileSync(card, 'utf8');
    const broken = path.join(dir, 'card-broken.ofx');
    fs.writeFileSync(broken, text.replace(/<DTPOSTED>\d{8}/, '<DTPOSTED>20260230'));
    const truncated = path.join(dir, 'card-truncated.ofx');
    fs.writeFileSync(truncated, text.slice(0, text.indexOf('</CCACCTFROM>') + 40));
    const runs = [
      pb(['--ledger', ledger, 'import', card], { env }),
      pb(['--ledger', ledger, '--debug', 'import', card], { env }),
      pb(['--ledger', ledger, 'import', broken], { env }),
      pb(['--ledger', ledger, '--debug', 'import', broken], { env }),
      pb(['--ledger', ledger, '--debug', 'import', truncated, '--account', 'Nope Card'], { env }),
      pb(['--ledger', ledger, '--debug', 'import', broken, '--account', 'Other'], { env }),
    ];
    expect(runs.some((r) => r.code !== 0)).toBe(true);
    const windows = Array.from({ length: CARD.length - 4 }, (_v, i) => CARD.slice(i, i + 5));
    for (const r of runs) {
      const all = r.stdout + r.stderr;
      expect(windows.filter((w) => all.includes(w)), all.slice(0, 400)).toEqual([]);
    }
  }, 120_000);
});
