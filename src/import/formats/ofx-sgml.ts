/**
 * A tolerant, bounded parser for OFX 1.x SGML and OFX 2.x XML into a small element tree.
 * One pass, linear time: every value is read up to the next "<" (SGML leaves need no end tag),
 * aggregates are known OFX names (or names the file closes somewhere), stray end tags of elements
 * that were opened earlier are ignored. Broken structure throws OFX_PARSE with the line.
 */
import { PocketbookError } from '../../core/errors.js';
import { tErrorsFormats as tF } from '../../core/messages/errors-formats.js';

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
  return new OfxTreeReader(text, opts.xml === true).read();
}

/**
 * The state of one parse: the position and line, the open aggregates, and the element whose
 * start tag was seen last (`pending`), which is a leaf or an aggregate only once we see what
 * follows it: SGML leaves have no end tag.
 */
class OfxTreeReader {
  private readonly norm: (name: string) => string;
  /** Names the file closes somewhere: an unknown element with an end tag is an aggregate. */
  private readonly closed: Set<string>;
  private readonly roots: OfxNode[] = [];
  private readonly stack: OfxNode[] = [];
  /** Names of every element started so far, to tell a stray end tag from a bogus one. */
  private readonly opened = new Set<string>();
  private pending: { node: OfxNode; text: string } | undefined;
  private pos = 0;
  private line = 1;
  private lineStart = 0;

  constructor(
    private readonly text: string,
    private readonly xml: boolean,
  ) {
    this.norm = xml ? (n: string) => n.slice(n.lastIndexOf(':') + 1) : (n: string) => n.toUpperCase();
    this.closed = closedNames(text, this.norm);
  }

  read(): OfxNode[] {
    this.refuseBinary();
    while (this.pos < this.text.length) this.readNext();
    this.settle();
    if (this.stack.length > 0) {
      const open = this.stack[this.stack.length - 1]!;
      throw ofxParseError(tF('endsInside', { name: open.name, line: open.line }), this.line, tF('truncated'));
    }
    return this.roots;
  }

  private refuseBinary(): void {
    const nul = this.text.indexOf('\0');
    if (nul < 0) return;
    this.advance(nul);
    throw ofxParseError(tF('nulBytes'), this.line, tF('binaryNotOfx'));
  }

  /** Consume what starts at `pos`: text up to the next "<", a comment, a CDATA section or a tag. */
  private readNext(): void {
    const { text, pos } = this;
    const lt = text.indexOf('<', pos);
    const textEnd = lt < 0 ? text.length : lt;
    if (textEnd > pos) {
      const startLine = this.line;
      const chunk = text.slice(pos, textEnd);
      this.advance(textEnd);
      this.addText(chunk, false, startLine);
    } else if (text.startsWith('<!--', pos)) {
      const end = text.indexOf('-->', pos + 4);
      if (end < 0) throw ofxParseError(tF('commentOpen'), this.line, tF('truncated'));
      this.advance(end + 3);
    } else if (text.startsWith('<![CDATA[', pos)) {
      const end = text.indexOf(']]>', pos + 9);
      const tagLine = this.line;
      if (end < 0) throw ofxParseError(tF('cdataOpen'), tagLine, tF('truncated'));
      const chunk = text.slice(pos + 9, end);
      this.advance(end + 3);
      this.addText(chunk, true, tagLine);
    } else {
      this.readTag();
    }
  }

  /** A tag at `pos`: bounded and well-formed, or OFX_PARSE. */
  private readTag(): void {
    const { text, pos } = this;
    const tagLine = this.line;
    const close = text.indexOf('>', pos + 1);
    const next = text.indexOf('<', pos + 1);
    if (close < 0) throw ofxParseError(tF('endsInTag'), tagLine, tF('truncated'));
    if (next >= 0 && next < close) throw ofxParseError(tF('malformedTag', { tag: text.slice(pos, Math.min(next, pos + 40)) }), tagLine);
    if (close - pos > OFX_LIMITS.tag) throw ofxParseError(tF('tagTooLong', { max: OFX_LIMITS.tag }), tagLine);
    const inner = text.slice(pos + 1, close);
    this.advance(close + 1);
    if (inner.startsWith('?') || inner.startsWith('!')) return; // <?xml ?>, <?OFX ?>, <!DOCTYPE>
    if (inner.startsWith('/')) this.endTag(this.norm(inner.slice(1).trim()), tagLine);
    else this.startTag(inner, tagLine);
  }

  private startTag(inner: string, tagLine: number): void {
    const selfClosing = inner.endsWith('/');
    const end = selfClosing ? inner.length - 1 : inner.length;
    const raw = tagName(inner, end);
    if (!NAME_RE.test(raw)) throw ofxParseError(tF('malformedTag', { tag: `<${inner.slice(0, 40)}>` }), tagLine);
    const name = this.norm(raw);
    this.settle(true);
    this.opened.add(name);
    const attrs = this.xml && end > raw.length ? attributes(inner.slice(raw.length, end)) : undefined;
    const node: OfxNode = { name, line: tagLine, children: [], ...(attrs ? { attrs } : {}) };
    if (selfClosing) this.parent().push({ ...node, value: '' });
    else this.pending = { node, text: '' };
  }

  private endTag(name: string, at: number): void {
    if (!NAME_RE.test(name)) throw ofxParseError(tF('malformedEnd', { tag: `</${name.slice(0, 40)}>` }), at);
    const pending = this.pending;
    if (pending && pending.node.name === name) {
      this.pending = undefined;
      if (!this.known(name)) pending.node.value = pending.text.trim(); // else an empty aggregate: <BANKTRANLIST></BANKTRANLIST>
      this.parent().push(pending.node);
      return;
    }
    this.settle();
    const { stack } = this;
    const top = stack[stack.length - 1];
    if (this.xml && top?.name !== name) {
      throw ofxParseError(top ? tF('wrongClose', { name, top: top.name, line: top.line }) : tF('closesNothing', { name }), at);
    }
    for (let i = stack.length - 1; i >= 0; i--) {
      if (stack[i]!.name === name) {
        stack.length = i; // SGML: an end tag closes every element opened inside it
        return;
      }
    }
    if (!this.opened.has(name)) throw ofxParseError(tF('neverOpened', { name }), at);
    // An end tag for a leaf already ended by the next tag (SGML files re-indented as XML): nothing to do.
  }

  /** Advance to `to`, counting line breaks (\n, \r\n, lone \r) and checking line length. */
  private advance(to: number): void {
    const { text } = this;
    for (let i = this.pos; i < to; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
        this.line++;
        this.lineStart = i + 1;
      } else if (i - this.lineStart >= OFX_LIMITS.line) {
        throw ofxParseError(tF('lineTooLong', { line: this.line, max: OFX_LIMITS.line }), this.line, tF('notRealOfx'));
      }
    }
    this.pos = to;
  }

  private parent(): OfxNode[] {
    return this.stack.length > 0 ? this.stack[this.stack.length - 1]!.children : this.roots;
  }

  private known(name: string): boolean {
    return !this.xml && AGGREGATES.has(name);
  }

  private isAggregate(name: string): boolean {
    return this.known(name) || ((this.xml || !LEAVES.has(name)) && this.closed.has(name));
  }

  private push(node: OfxNode): void {
    if (this.stack.length >= OFX_LIMITS.depth) {
      throw ofxParseError(tF('nestedDeep', { max: OFX_LIMITS.depth, name: node.name }), node.line);
    }
    this.parent().push(node);
    this.stack.push(node);
  }

  /**
   * Settle the element whose start tag was seen last: leaf with its text, or an aggregate. In XML
   * every element is closed, so one whose content starts with another element (`opening`) holds it.
   */
  private settle(opening = false): void {
    const pending = this.pending;
    if (!pending) return;
    this.pending = undefined;
    const { node } = pending;
    const value = pending.text.trim();
    if (this.known(node.name) || (value === '' && (this.isAggregate(node.name) || (this.xml && opening)))) {
      this.push(node);
    } else {
      node.value = value;
      this.parent().push(node);
    }
  }

  private addText(raw: string, decoded: boolean, at: number): void {
    const pending = this.pending;
    if (!pending) return; // text between elements (headers, indentation, stray words) carries nothing
    pending.text += decoded ? raw : decodeEntities(raw);
    if (pending.text.length > OFX_LIMITS.value) {
      throw ofxParseError(tF('valueTooLong', { name: pending.node.name, max: OFX_LIMITS.value }), at);
    }
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
