/** A progress line on stderr for large files, only when stderr is a terminal. */
import { tImport as t } from '../../core/messages/cli-import.js';
const LARGE = 8 * 1024 * 1024;

export interface Progress {
  bytes(n: number): void;
  rows(n: number): void;
  done(): void;
}

const SILENT: Progress = { bytes: () => {}, rows: () => {}, done: () => {} };

export function createProgress(name: string, size: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY || size < LARGE) return SILENT;
  let read = 0;
  let rows = 0;
  let last = 0;
  let shown = false;
  const draw = () => {
    const now = Date.now();
    if (now - last < 200) return;
    last = now;
    shown = true;
    const pct = Math.min(100, Math.floor((read / size) * 100));
    const width = 24;
    const filled = Math.round((pct / 100) * width);
    const bar = `${'#'.repeat(filled)}${'.'.repeat(width - filled)}`;
    stream.write(`\r${t('progress', { name, bar, pct, rows: rows.toLocaleString('en-US') })}`);
  };
  return {
    bytes(n) {
      read += n;
      draw();
    },
    rows(n) {
      rows = n;
      draw();
    },
    done() {
      if (shown) stream.write('\r\x1b[K');
    },
  };
}
