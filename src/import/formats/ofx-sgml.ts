/**
 * A tolerant, bounded parser for OFX 1.x SGML and OFX 2.x XML into a small element tree.
 * One pass, linear time: every value is read up to the next "<" (SGML leaves need no end tag),
 * aggregates are known OFX names (or names the file closes somewhere), stray end tags of elements
 * that were opened earlier are ignored. Broken structure throws OFX_PARSE with the line.
 */
import { PocketbookError } from '../../core/errors.js';

export interface OfxNode {
  name: string;
  /** 1-based line of the start tag. */
  line: number;
  /** Leaf value (entities decoded, trimmed); undefined for aggregates. */
  value?: string;
  /** XML attributes (xml mode only), e.g. camt `<Amt Ccy="EUR">`. */
  attrs?: Record<string, string>;
  children: OfxNode[];
}

/** Guards against hostile input. */
export const OFX_LIMITS = { depth: 64, tag: 2048, value: 64 * 1024, line: 1_000_000 } as const;

/** OFX aggregates pocketbook may meet (banking, credit card, sign-on, investment, sign-up). */
const AGGREGATES = new Set([
  'OFX', 'SIGNONMSGSRSV1', 'SONRS', 'STATUS', 'FI', 'BANKMSGSRSV1', 'STMTTRNRS', 'STMTRS', 'BANKACCTFROM',
  'BANKACCTTO', 'CCACCTFROM', 'CCACCTTO', 'BANKTRANLIST', 'STMTTRN', 'LEDGERBAL', 'AVAILBAL', 'BALLIST', 'BAL',
  'CREDITCARDMSGSRSV1', 'CCSTMTTRNRS', 'CCSTMTRS', 'CURRENCY', 'ORIGCURRENCY', 'PAYEE', 'STMTENDTRNRS',
  'STMTENDRS', 'CCSTMTENDTRNRS', 'CCSTMTENDRS', 'CLOSING', 'INVSTMTMSGSRSV1', 'INVSTMTTRNRS', 'INVSTMTRS',
  'INVACCTFROM', 'INVTRANLIST', 'INVPOSLIST', 'INVBAL', 'SECLISTMSGSRSV1', 'SECLIST', 'SIGNUPMSGSRSV1',
  'ACCTINFOTRNRS', 'ACCTINFORS', 'ACCTINFO', 'BANKACCTINFO', 'CCACCTINFO', 'INVACCTINFO', 'IMAGEDATA',
  'PROFMSGSRSV1', 'PROFTRNRS', 'PROFRS', 'MSGSETLIST', 'SIGNONINFOLIST', 'SIGNONINFO', 'MFACHALLENGERQ',
]);

/** Elements that always hold a value, even when empty and unclosed. */
const LEAVES = new Set([
  'CODE', 'SEVERITY', 'MESSAGE', 'DTSERVER', 'LANGUAGE', 'DTPROFUP', 'DTACCTUP', 'ORG', 'FID', 'TRNUID',
  'CLTCOOKIE', 'SESSCOOKIE', 'USERKEY', 'CURDEF', 'BANKID', 'BRANCHID', 'ACCTID', 'ACCTTYPE', 'ACCTKEY',
  'DTSTART', 'DTEND', 'TRNTYPE', 'DTPOSTED', 'DTUSER', 'DTAVAIL', 'TRNAMT', 'FITID', 'CORRECTFITID',
  'CORRECTACTION', 'SRVRTID', 'CHECKNUM', 'REFNUM', 'SIC', 'PAYEEID', 'NAME', 'EXTDNAME', 'MEMO', 'CURRATE',
  'CURSYM', 'BALAMT', 'DTASOF', 'MKTGINFO', 'INV401KSOURCE', 'INTU.BID', 'INTU.USERID',
]);

const NAME_RE = /^[A-Za-z_][A-Za-z0-9._:-]*$/;

/** The element name at the start of a tag's inside (attributes, if any, ignored), upper-cased. */
function tagName(inner: string, end: number): string {
  let i = 0;
  while (i < end && inner.charCodeAt(i) <= 32) i++;
  let j = i;
  while (j < end && inner.charCodeAt(j) > 32) j++;
  return inner.slice(i, j);
}

export function ofxParseError(message: string, line: number, hint?: string): PocketbookError {
  return new PocketbookError('OFX_PARSE', message, { location: { line }, ...(hint ? { hint } : {}) });
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** `&amp; &lt; &gt; &quot; &apos; &nbsp; &#NN; &#xNN;`; anything else is left as written. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#[xX][0-9a-fA-F]{1,6}|#\d{1,7}|[a-zA-Z]{2,6});/g, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      const valid = code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
      return valid ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

export interface TreeOptions {
  /**
   * Plain XML (camt): names keep their case minus any namespace prefix, attributes are kept, and
   * only elements the file closes are aggregates. Default: OFX (names upper-cased, OFX vocabulary).
   */
  xml?: boolean;
}

/** Names of every end tag in the file (one linear scan), to recognise unknown aggregates. */
function closedNames(text: string, norm: (name: string) => string): Set<string> {
  const names = new Set<string>();
  for (const m of text.matchAll(/<\/\s*([A-Za-z_][A-Za-z0-9._:-]{0,255})\s*>/g)) names.add(norm(m[1]!));
  return names;
}

function attributes(inner: string): Record<string, string> | undefined {
  let attrs: Record<string, string> | undefined;
  for (const m of inner.matchAll(/([A-Za-z_][A-Za-z0-9_:.-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    (attrs ??= {})[m[1]!.replace(/^.*:/, '')] = decodeEntities(m[2] ?? m[3] ?? '');
  }
  return attrs;
}

/** Parse OFX text (header included), or with `xml` any XML document, into its top-level elements. */
export function parseOfxTree(text: string, opts: TreeOptions = {}): OfxNode[] {
  const xml = opts.xml === true;
  const norm = xml ? (n: string) => n.slice(n.lastIndexOf(':') + 1) : (n: string) => n.toUpperCase();
  const nul = text.indexOf('\0');
  const closed = closedNames(text, norm);
  const roots: OfxNode[] = [];
  const stack: OfxNode[] = [];
  const opened = new Set<string>();
  let pending: { node: OfxNode; text: string } | undefined;
  let pos = 0;
  let line = 1;
  let lineStart = 0;

  /** Advance to `to`, counting line breaks (\n, \r\n, lone \r) and checking line length. */
  const advance = (to: number): void => {
    for (let i = pos; i < to; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
        line++;
        lineStart = i + 1;
      } else if (i - lineStart >= OFX_LIMITS.line) {
        throw ofxParseError(`line ${line} is longer than ${OFX_LIMITS.line} characters`, line, 'this is not a real OFX statement');
      }
    }
    pos = to;
  };
  const parent = (): OfxNode[] => (stack.length > 0 ? stack[stack.length - 1]!.children : roots);
  const known = (name: string): boolean => !xml && AGGREGATES.has(name);
  const isAggregate = (name: string): boolean => known(name) || ((xml || !LEAVES.has(name)) && closed.has(name));
  const push = (node: OfxNode): void => {
    if (stack.length >= OFX_LIMITS.depth) {
      throw ofxParseError(`elements nested more than ${OFX_LIMITS.depth} deep at <${node.name}>`, node.line);
    }
    parent().push(node);
    stack.push(node);
  };
  /**
   * Settle the element whose start tag was seen last: leaf with its text, or an aggregate. In XML
   * every element is closed, so one whose content starts with another element (`opening`) holds it.
   */
  const settle = (opening = false): void => {
    if (!pending) return;
    const { node, text: raw } = pending;
    pending = undefined;
    const value = raw.trim();
    if (known(node.name) || (value === '' && (isAggregate(node.name) || (xml && opening)))) {
      push(node);
    } else {
      node.value = value;
      parent().push(node);
    }
  };
  const addText = (raw: string, decoded: boolean, at: number): void => {
    if (!pending) return; // text between elements (headers, indentation, stray words) carries nothing
    pending.text += decoded ? raw : decodeEntities(raw);
    if (pending.text.length > OFX_LIMITS.value) {
      throw ofxParseError(`<${pending.node.name}> holds more than ${OFX_LIMITS.value} characters`, at);
    }
  };

  if (nul >= 0) {
    advance(nul);
    throw ofxParseError('the file contains NUL bytes', line, 'this is a binary file, not an OFX statement');
  }
  while (pos < text.length) {
    const lt = text.indexOf('<', pos);
    const textEnd = lt < 0 ? text.length : lt;
    if (textEnd > pos) {
      const startLine = line;
      const chunk = text.slice(pos, textEnd);
      advance(textEnd);
      addText(chunk, false, startLine);
      continue;
    }
    const tagLine = line;
    if (text.startsWith('<!--', pos)) {
      const end = text.indexOf('-->', pos + 4);
      if (end < 0) throw ofxParseError('comment "<!--" is never closed', tagLine, 'the file looks truncated');
      advance(end + 3);
      continue;
    }
    if (text.startsWith('<![CDATA[', pos)) {
      const end = text.indexOf(']]>', pos + 9);
      if (end < 0) throw ofxParseError('CDATA section is never closed', tagLine, 'the file looks truncated');
      const chunk = text.slice(pos + 9, end);
      advance(end + 3);
      addText(chunk, true, tagLine);
      continue;
    }
    const close = text.indexOf('>', pos + 1);
    const next = text.indexOf('<', pos + 1);
    if (close < 0) throw ofxParseError('the file ends inside a tag', tagLine, 'the file looks truncated');
    if (next >= 0 && next < close) throw ofxParseError(`malformed tag "${text.slice(pos, Math.min(next, pos + 40))}"`, tagLine);
    if (close - pos > OFX_LIMITS.tag) throw ofxParseError(`tag longer than ${OFX_LIMITS.tag} characters`, tagLine);
    const inner = text.slice(pos + 1, close);
    advance(close + 1);
    if (inner.startsWith('?') || inner.startsWith('!')) continue; // <?xml ?>, <?OFX ?>, <!DOCTYPE>
    if (inner.startsWith('/')) {
      endTag(norm(inner.slice(1).trim()), tagLine);
      continue;
    }
    const selfClosing = inner.endsWith('/');
    const end = selfClosing ? inner.length - 1 : inner.length;
    const raw = tagName(inner, end);
    if (!NAME_RE.test(raw)) throw ofxParseError(`malformed tag "<${inner.slice(0, 40)}>"`, tagLine);
    const name = norm(raw);
    settle(true);
    opened.add(name);
    const attrs = xml && end > raw.length ? attributes(inner.slice(raw.length, end)) : undefined;
    const node: OfxNode = { name, line: tagLine, children: [], ...(attrs ? { attrs } : {}) };
    if (selfClosing) parent().push({ ...node, value: '' });
    else pending = { node, text: '' };
  }
  settle();
  if (stack.length > 0) {
    const open = stack[stack.length - 1]!;
    throw ofxParseError(`the file ends inside <${open.name}> (opened at line ${open.line})`, line, 'the file looks truncated');
  }
  return roots;

  function endTag(name: string, at: number): void {
    if (!NAME_RE.test(name)) throw ofxParseError(`malformed end tag "</${name.slice(0, 40)}>"`, at);
    if (pending && pending.node.name === name) {
      const { node, text: raw } = pending;
      pending = undefined;
      if (!known(name)) node.value = raw.trim(); // else an empty aggregate: <BANKTRANLIST></BANKTRANLIST>
      parent().push(node);
      return;
    }
    settle();
    const top = stack[stack.length - 1];
    if (xml && top?.name !== name) {
      throw ofxParseError(top ? `</${name}> does not close <${top.name}> (opened at line ${top.line})` : `</${name}> closes nothing`, at);
    }
    for (let i = stack.length - 1; i >= 0; i--) {
      if (stack[i]!.name === name) {
        stack.length = i; // SGML: an end tag closes every element opened inside it
        return;
      }
    }
    if (!opened.has(name)) throw ofxParseError(`</${name}> closes an element that was never opened`, at);
    // An end tag for a leaf already ended by the next tag (SGML files re-indented as XML): nothing to do.
  }
}

/** Direct child elements named `name`. */
export function children(node: OfxNode, name: string): OfxNode[] {
  return node.children.filter((c) => c.name === name);
}

/** The value of the first direct child leaf named `name`, or undefined when absent or empty. */
export function leaf(node: OfxNode, name: string): string | undefined {
  const hit = node.children.find((c) => c.name === name && c.value !== undefined);
  return hit?.value === '' ? undefined : hit?.value;
}

/** Every element named one of `names` under `roots`, in document order (not descending into hits). */
export function findAll(roots: readonly OfxNode[], names: ReadonlySet<string>): OfxNode[] {
  const out: OfxNode[] = [];
  const walk = (nodes: readonly OfxNode[]): void => {
    for (const n of nodes) {
      if (names.has(n.name)) out.push(n);
      else if (n.children.length > 0) walk(n.children);
    }
  };
  walk(roots);
  return out;
}
