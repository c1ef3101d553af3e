/** OFX/QFX reader on made-up fixtures: SGML vs XML, several statements, entities, dates, errors. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectOfx, ofxReader } from '../../src/import/formats/ofx.js';
import { ofxDescription, parseOfxAmount, parseOfxDate } from '../../src/import/formats/ofx-fields.js';
import { FIXTURES, collect, rowsOf } from './ofx-helpers.js';

const fixture = (name: string) => readFileSync(path.join(FIXTURES, name), 'latin1');
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

/** A minimal SGML bank statement around `body` (the inside of one STMTTRN list). */
const wrap = (body: string) =>
  `OFXHEADER:100\nDATA:OFXSGML\nVERSION:102\n\n<OFX>\n<BANKMSGSRSV1><STMTTRNRS><STMTRS>\n<CURDEF>USD\n` +
  `<BANKACCTFROM><ACCTID>1<ACCTTYPE>CHECKING</BANKACCTFROM>\n<BANKTRANLIST>\n${body}\n</BANKTRANLIST>\n</STMTRS></STMTTRNRS></BANKMSGSRSV1>\n</OFX>\n`;

describe('detect', () => {
  it('claims OFX headers and <OFX> roots only', () => {
    expect(detectOfx(fixture('sgml-two-statements.ofx')).score).toBe(100);
    expect(detectOfx(fixture('xml-card.qfx')).score).toBe(100);
    expect(detectOfx('\n\n<OFX>\n<SIGNONMSGSRSV1>').score).toBe(100);
    expect(detectOfx('Date,Description,Amount\n2026-09-01,Coffee,-3.50\n').score).toBe(0);
    expect(detectOfx('<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">').score).toBe(0);
  });
});

describe('SGML file with a bank and a card statement', () => {
  const text = fixture('sgml-two-statements.ofx');

  it('yields each statement before its rows', async () => {
    const events = (await collect(ofxReader, 'two.ofx', text)).filter((e) => e.type !== 'balance'); // balances: test/unit/balances
    expect(events.map((e) => e.type)).toEqual(['statement', 'row', 'row', 'row', 'statement', 'row', 'row']);
    expect(events[0]).toEqual({
      type: 'statement',
      account: { number: '000123458842', type: 'savings', institution: 'Maple & Oak Bank', currency: 'USD' },
    });
    expect(events[4]).toEqual({
      type: 'statement',
      account: { number: '4000000000001234', type: 'credit', institution: 'Maple & Oak Bank', currency: 'EUR' },
    });
  });

  it('maps every field, decoding entities and keeping NAME and MEMO', async () => {
    const rows = rowsOf(await collect(ofxReader, 'two.ofx', text));
    expect(rows[0]).toEqual({
      line: lineOf(text, '<STMTTRN>'),
      date: '2026-09-02',
      time: '12:00:00',
      amount: -1200,
      currency: 'USD',
      description: "Joe's Café & Bar / Card 8842 purchase",
      externalId: 'MO-1001',
      channel: 'card',
      counterparty: "Joe's Café & Bar",
    });
    // MEMO equal to NAME adds nothing; a date late at night in +8 stays on its own calendar day.
    expect(rows[1]).toMatchObject({ date: '2026-09-30', time: '23:59:59', amount: 250000, description: 'ACME PAYROLL', channel: 'bank_transfer' });
    // MEMO only; decimal comma; &lt; &gt; and a hex character reference.
    expect(rows[2]).toMatchObject({ date: '2026-09-05', amount: -6000, description: 'ATM WITHDRAWAL <MAIN ST> ☺', channel: 'atm' });
    expect(rows[2]?.time).toBeUndefined();
    expect(rows[3]).toMatchObject({ amount: -4510, currency: 'EUR', channel: 'card', externalId: 'CC-1' });
    // A transaction in its own CURRENCY: amounts are in that currency (JPY has no minor digits).
    expect(rows[4]).toMatchObject({ amount: -3000, currency: 'JPY', description: 'TOKYO HOTEL' });
  });
});

describe('XML (OFX 2.x) card statement', () => {
  it('reads elements, CDATA and ORIGCURRENCY', async () => {
    const events = await collect(ofxReader, 'card.qfx', fixture('xml-card.qfx'));
    expect(events[0]).toEqual({ type: 'statement', account: { number: '5500000000005678', type: 'credit', institution: 'Birch Card Services', currency: 'CAD' } });
    const rows = rowsOf(events);
    expect(rows.map((r) => [r.date, r.amount, r.currency, r.description])).toEqual([
      ['2026-09-02', -1200, 'CAD', "Joe's Café & Bar / Card 5678 purchase"],
      ['2026-09-20', 1200, 'CAD', "Refund <Joe's> & co"],
      // ORIGCURRENCY: the amount is already converted into CURDEF.
      ['2026-09-25', 50000, 'CAD', 'PAYMENT THANK YOU'],
    ]);
  });

  it('gives the same rows as the equivalent SGML', async () => {
    const sgml = wrap('<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20260902<TRNAMT>-1.5<FITID>A<NAME>Shop &amp; Go<MEMO>m</STMTTRN>');
    const xml = `<?xml version="1.0"?>\n<?OFX OFXHEADER="200" VERSION="220"?>\n<OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS><CURDEF>USD</CURDEF>` +
      `<BANKACCTFROM><ACCTID>1</ACCTID><ACCTTYPE>CHECKING</ACCTTYPE></BANKACCTFROM><BANKTRANLIST><STMTTRN><TRNTYPE>DEBIT</TRNTYPE>` +
      `<DTPOSTED>20260902</DTPOSTED><TRNAMT>-1.5</TRNAMT><FITID>A</FITID><NAME>Shop &amp; Go</NAME><MEMO>m</MEMO></STMTTRN>` +
      `</BANKTRANLIST></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>`;
    const strip = (rows: ReturnType<typeof rowsOf>) => rows.map(({ line: _line, ...rest }) => rest);
    const a = strip(rowsOf(await collect(ofxReader, 'a.ofx', sgml)));
    expect(a).toEqual(strip(rowsOf(await collect(ofxReader, 'b.ofx', xml))));
    expect(a[0]).toMatchObject({ amount: -150, description: 'Shop & Go / m' });
  });
});

describe('field helpers', () => {
  it('OFX dates keep the statement calendar date', () => {
    expect(parseOfxDate('20260902120000[-5:EST]')).toEqual({ date: '2026-09-02', time: '12:00:00' });
    expect(parseOfxDate('20260902000000.000[-5:EST]')).toEqual({ date: '2026-09-02' });
    expect(parseOfxDate('20260902013000.000[+9.5:ACST]')).toEqual({ date: '2026-09-02', time: '01:30:00' });
    expect(parseOfxDate('202609021830')).toEqual({ date: '2026-09-02', time: '18:30:00' });
    expect(parseOfxDate('20230310048208.398')).toEqual({ date: '2023-03-10' }); // minute 82: time dropped
    expect(parseOfxDate('20120231')).toBeUndefined();
    expect(parseOfxDate('201120000000')).toBeUndefined();
    expect(parseOfxDate('2026-09-02')).toBeUndefined();
    expect(parseOfxDate('')).toBeUndefined();
  });

  it('OFX amounts are plain numbers', () => {
    expect(parseOfxAmount('-12.00', 'USD', 1)).toBe(-1200);
    expect(parseOfxAmount('-42.4', 'USD', 1)).toBe(-4240);
    expect(parseOfxAmount('+5', 'USD', 1)).toBe(500);
    expect(parseOfxAmount('-200,00', 'EUR', 1)).toBe(-20000);
    expect(parseOfxAmount('.5', 'USD', 1)).toBe(50);
    expect(parseOfxAmount('-0', 'USD', 1)).toBe(0);
    for (const bad of ['$120', '1,234.56', '12-', '', 'abc', '1e5', '12.345']) {
      expect(() => parseOfxAmount(bad, 'USD', 7), bad).toThrow(expect.objectContaining({ code: 'OFX_AMOUNT', location: { line: 7 } }));
    }
  });

  it('NAME and MEMO', () => {
    expect(ofxDescription('SHOP', 'card 1', 'x')).toBe('SHOP / card 1');
    expect(ofxDescription('AUTOMATIC WITHDRAWAL, ELEC', 'AUTOMATIC WITHDRAWAL, ELECTRIC BILL', 'x')).toBe('AUTOMATIC WITHDRAWAL, ELECTRIC BILL');
    expect(ofxDescription('SHOP  ONE', 'shop one', 'x')).toBe('SHOP ONE');
    expect(ofxDescription(undefined, undefined, 'DEBIT')).toBe('DEBIT');
  });
});
