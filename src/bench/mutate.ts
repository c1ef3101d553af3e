/**
 * Hostile-input mutations of real-layout statements (pure: bytes in, bytes out). Each says
 * whether the result must be refused (`error`) or may either import correctly or be refused.
 */
import iconv from 'iconv-lite';

export const MUTATIONS = [
  'none', 'truncate', 'random-bytes', 'overwrite', 'nul-bytes', 'utf16-no-bom', 'gbk', 'latin1', 'lying-bom',
  'long-line', 'huge-number', 'bad-date', 'deep-nesting', 'unbalanced', 'empty', 'duplicate-line', 'delete-line',
] as const;
export type MutationKind = (typeof MUTATIONS)[number];

export interface MutationSpec {
  kind: MutationKind;
  /** Position in [0, 1). */
  pos: number;
  bytes: Uint8Array;
  n: number;
}

export interface Mutated {
  data: Buffer;
  /** `error`: must fail cleanly; `either`: a correct import or a clean failure. */
  expect: 'error' | 'either' | 'ok';
}

const HUGE = '12345678901234567890.12';

function lineSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let start = 0;
  for (let i = 0; i <= text.length; i += 1) {
    if (i === text.length || text[i] === '\n') {
      spans.push([start, i]);
      start = i + 1;
    }
  }
  return spans;
}

/** Replace the `pick`-th match of `re` (a data value) with `value`. */
function replaceNth(text: string, re: RegExp, pos: number, value: (m: RegExpExecArray) => string): string | null {
  const matches = [...text.matchAll(new RegExp(re.source, `${re.flags.replace('g', '')}g`))];
  if (matches.length === 0) return null;
  const m = matches[Math.floor(pos * matches.length)] as RegExpExecArray;
  return text.slice(0, m.index) + value(m) + text.slice(m.index + m[0].length);
}

export function mutate(original: Buffer, isOfx: boolean, spec: MutationSpec): Mutated {
  const text = original.toString('utf8');
  const at = Math.floor(spec.pos * original.length);
  const splice = (insert: Buffer, remove = 0) => Buffer.concat([original.subarray(0, at), insert, original.subarray(at + remove)]);
  const lines = lineSpans(text);
  const dataLine = lines[1 + Math.floor(spec.pos * Math.max(1, lines.length - 2))] ?? [0, 0];
  switch (spec.kind) {
    case 'none':
      return { data: original, expect: 'ok' };
    case 'truncate':
      return { data: original.subarray(0, at), expect: 'either' };
    case 'random-bytes':
      return { data: splice(Buffer.from(spec.bytes)), expect: 'either' };
    case 'overwrite':
      return { data: splice(Buffer.from(spec.bytes), spec.bytes.length), expect: 'either' };
    case 'nul-bytes':
      return { data: splice(Buffer.alloc(1 + (spec.n % 8), 0)), expect: 'either' };
    case 'utf16-no-bom':
      return { data: iconv.encode(text, 'utf16le'), expect: 'either' };
    case 'gbk':
      return { data: iconv.encode(text, 'gbk'), expect: 'either' };
    case 'latin1':
      return { data: iconv.encode(original.toString('latin1'), 'utf8'), expect: 'either' };
    case 'lying-bom':
      return { data: Buffer.concat([Buffer.from([0xff, 0xfe]), original]), expect: 'either' };
    case 'long-line': {
      const big = (spec.n % 2 ? '长' : 'A').repeat(spec.n % 2 ? 350_000 : 1_048_576);
      const out = isOfx
        ? replaceNth(text, /<NAME>[^<\r\n]*/, spec.pos, () => `<NAME>${big}`)
        : text.slice(0, dataLine[0]) + `2026-03-03,${big},-1.00\n` + text.slice(dataLine[0]);
      return { data: Buffer.from(out ?? text + big), expect: 'either' };
    }
    case 'huge-number': {
      const out = isOfx
        ? replaceNth(text, /<TRNAMT>[^<\r\n]*/, spec.pos, () => `<TRNAMT>${HUGE}`)
        : replaceNth(text, /,-?\d+\.\d\d(?=,|\r?\n)/, spec.pos, () => `,${HUGE}`);
      return { data: Buffer.from(out ?? text), expect: out ? 'error' : 'either' };
    }
    case 'bad-date': {
      const out = isOfx
        ? replaceNth(text, /<DTPOSTED>\d{8}/, spec.pos, () => '<DTPOSTED>20260230')
        : replaceNth(text, /^\d{4}-\d\d-\d\d/m, spec.pos, () => '2026-02-30');
      return { data: Buffer.from(out ?? text), expect: out ? 'error' : 'either' };
    }
    case 'deep-nesting': {
      const depth = 1000 + spec.n * 4;
      const wrapped = `${'<AGGREGATE>'.repeat(depth)}${isOfx ? '' : '2026-03-03,deep,-1.00'}${spec.n % 2 ? '' : '</AGGREGATE>'.repeat(depth)}`;
      const out = isOfx ? replaceNth(text, /<STMTTRN>/, spec.pos, (m) => `${wrapped}${m[0]}`) : null;
      return { data: Buffer.from(out ?? text.slice(0, dataLine[0]) + wrapped + '\n' + text.slice(dataLine[0])), expect: 'either' };
    }
    case 'unbalanced': {
      const out = isOfx
        ? spec.n % 2
          ? replaceNth(text, /<\/[A-Z]+>/, spec.pos, () => '')
          : replaceNth(text, /<STMTTRN>/, spec.pos, (m) => `</STMTRS></OFX>${m[0]}`)
        : replaceNth(text, /\n/, spec.pos, () => '\n"unterminated quote,');
      return { data: Buffer.from(out ?? text), expect: 'either' };
    }
    case 'empty':
      return { data: Buffer.alloc(0), expect: 'error' };
    case 'duplicate-line':
      return { data: Buffer.from(text.slice(0, dataLine[1] + 1) + text.slice(dataLine[0], dataLine[1] + 1) + text.slice(dataLine[1] + 1)), expect: 'either' };
    case 'delete-line':
      return { data: Buffer.from(text.slice(0, dataLine[0]) + text.slice(dataLine[1] + 1)), expect: 'either' };
  }
}
