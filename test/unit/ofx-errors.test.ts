/** OFX bad input: every failure is a PocketbookError with file and line; hostile input never hangs. */
import { describe, expect, it } from 'vitest';
import { PocketbookError } from '../../src/core/errors.js';
import { ofxReader } from '../../src/import/formats/ofx.js';
import { collect, rowsOf } from './ofx-helpers.js';

async function failure(text: string): Promise<PocketbookError> {
  const err = await collect(ofxReader, 'bad.ofx', text).then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(PocketbookError);
  const pb = err as PocketbookError;
  expect(pb.location?.file).toBe('bad.ofx');
  return pb;
}

const HEAD = 'OFXHEADER:100\nDATA:OFXSGML\nVERSION:102\n\n'; // lines 1-4
/** Lines 5-8 open a bank statement; `body` starts on line 9. */
const wrap = (body: string, close = '</BANKTRANLIST></STMTRS></STMTTRNRS></BANKMSGSRSV1>\n</OFX>\n') =>
  `${HEAD}<OFX>\n<BANKMSGSRSV1><STMTTRNRS><STMTRS><CURDEF>USD\n<BANKACCTFROM><ACCTID>1<ACCTTYPE>CHECKING</BANKACCTFROM>\n<BANKTRANLIST>\n${body}\n${close}`;
const trn = (fields: string) => `<STMTTRN>\n${fields}\n</STMTTRN>`;

describe('located errors', () => {
  it('OFX_DATE for a missing, empty or impossible DTPOSTED, at its line', async () => {
    const ok = trn('<DTPOSTED>20260901<TRNAMT>1');
    let e = await failure(wrap(`${ok}\n${trn('<TRNAMT>-1.00<NAME>x')}`));
    expect([e.code, e.location?.line]).toEqual(['OFX_DATE', 12]); // the STMTTRN line
    e = await failure(wrap(`${ok}\n${trn('<DTPOSTED>20260231\n<TRNAMT>-1.00')}`));
    expect([e.code, e.location?.line, e.message]).toEqual(['OFX_DATE', 13, 'transaction has DTPOSTED "20260231", not a real date']);
    e = await failure(wrap(trn('<DTPOSTED></DTPOSTED><TRNAMT>1')));
    expect(e.code).toBe('OFX_DATE');
  });

  it('OFX_AMOUNT for an unparseable TRNAMT, at its line', async () => {
    const e = await failure(wrap(trn('<DTPOSTED>20260901\n\n<TRNAMT>$120')));
    expect([e.code, e.location?.line]).toEqual(['OFX_AMOUNT', 12]);
    expect(e.message).toContain('$120');
    expect((await failure(wrap(trn('<DTPOSTED>20260901')))).code).toBe('OFX_AMOUNT');
  });

  it('OFX_ERROR carries the server message', async () => {
    const text = `${HEAD}<OFX>\n<BANKMSGSRSV1><STMTTRNRS><TRNUID>1\n<STATUS>\n<CODE>2000\n<SEVERITY>ERROR\n<MESSAGE>General Server &amp; Error\n</STATUS>\n</STMTTRNRS></BANKMSGSRSV1>\n</OFX>\n`;
    const e = await failure(text);
    expect([e.code, e.location?.line]).toEqual(['OFX_ERROR', 7]);
    expect(e.message).toContain('2000: General Server & Error');
  });

  it('OFX_PARSE for broken structure', async () => {
    const cases: [string, string, number][] = [
      ['truncated file', wrap(trn('<DTPOSTED>20260901<TRNAMT>1'), '</BANKTRANLIST>\n'), 13],
      ['truncated inside a tag', `${HEAD}<OFX>\n<BANKMSGSRSV1><STMTTRNRS><STMT`, 6],
      ['end tag never opened', wrap(`</FOO>\n${trn('<DTPOSTED>20260901<TRNAMT>1')}`), 9],
      ['unterminated comment', `${HEAD}<OFX>\n<!-- oops\n<STMTRS>`, 6],
      ['tag inside a tag', `${HEAD}<OFX>\n<STMTRS <CURDEF>USD\n</OFX>`, 6],
      ['no OFX element', `${HEAD}<FOO>bar</FOO>\n`, 1],
      ['no statement', `${HEAD}<OFX>\n<SIGNONMSGSRSV1></SIGNONMSGSRSV1>\n</OFX>\n`, 5],
      ['NUL bytes', wrap(trn('<DTPOSTED>20260901<TRNAMT>1\0\0')), 10],
    ];
    for (const [what, text, line] of cases) {
      const e = await failure(text);
      expect([what, e.code, e.location?.line]).toEqual([what, 'OFX_PARSE', line]);
    }
  });
});

describe('hostile input', () => {
  it('deep nesting is refused', async () => {
    const deep = `${HEAD}<OFX>\n${'<A>'.repeat(100_000)}${'</A>'.repeat(100_000)}</OFX>`;
    const e = await failure(deep);
    expect(e.code).toBe('OFX_PARSE');
    expect(e.message).toMatch(/nested more than 64/);
  });

  it('a 1 MB line or value is refused', async () => {
    const e1 = await failure(wrap(trn(`<DTPOSTED>20260901<TRNAMT>1<MEMO>${'x'.repeat(1_100_000)}`)));
    expect([e1.code, e1.location?.line]).toEqual(['OFX_PARSE', 10]);
    const e2 = await failure(wrap(trn(`<DTPOSTED>20260901<TRNAMT>1${'<!-- -->'.repeat(140_000)}`)));
    expect([e2.code, e2.location?.line]).toEqual(['OFX_PARSE', 10]);
    const e3 = await failure(wrap(trn(`<DTPOSTED>20260901<TRNAMT>1<MEMO>${'y'.repeat(70_000)}`)));
    expect(e3.message).toMatch(/<MEMO> holds more than/);
  });

  it('garbage never crashes and stays linear', async () => {
    const inputs = [
      `<OFX>${'<'.repeat(200_000)}`,
      `<OFX>${'</'.repeat(200_000)}`,
      `<OFX>${'&#x'.repeat(200_000)}`,
      `<OFX>${'<!--'.repeat(200_000)}`,
      `<OFX>${'<![CDATA['.repeat(100_000)}`,
      `<OFX>\n${'<STMTTRN>\n'.repeat(50_000)}`,
      `${HEAD}${'\r'.repeat(100_000)}<OFX>`,
    ];
    const start = Date.now();
    for (const text of inputs) expect((await failure(text)).code).toBe('OFX_PARSE');
    expect(Date.now() - start).toBeLessThan(5_000);
  });

  it('a large valid file parses in linear time', async () => {
    const body = Array.from({ length: 5_000 }, (_, i) => trn(`<TRNTYPE>DEBIT<DTPOSTED>20260901<TRNAMT>-1.00<FITID>${i}<NAME>n ${i}`)).join('\n');
    const start = Date.now();
    const rows = rowsOf(await collect(ofxReader, 'big.ofx', wrap(body)));
    expect(rows).toHaveLength(5_000);
    expect(rows[4_999]).toMatchObject({ externalId: '4999', line: 9 + 4_999 * 3 });
    expect(Date.now() - start).toBeLessThan(5_000);
  });
});
