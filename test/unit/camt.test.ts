/** camt reader on made-up input: namespace detection, signs, dates, references, pending entries. */
import { describe, expect, it } from 'vitest';
import { PocketbookError } from '../../src/core/errors.js';
import { camtReader, detectCamt } from '../../src/import/formats/other/camt.js';
import { collect, ctxFor, rowsOf } from './ofx-helpers.js';

const ntry = (inner: string) => `<Ntry>${inner}</Ntry>`;
const doc = (entries: string, ccy = '<Ccy>EUR</Ccy>') =>
  `<?xml  version="1.0"?>\n<ns:Document xmlns:ns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><ns:BkToCstmrStmt><ns:Stmt>\n` +
  `<ns:Acct><ns:Id><ns:IBAN>DE89370400440532013000</ns:IBAN></ns:Id>${ccy.replace(/<(\/?)/g, '<$1ns:')}<ns:Svcr><ns:FinInstnId><ns:BIC>COBADEFFXXX</ns:BIC></ns:FinInstnId></ns:Svcr></ns:Acct>\n` +
  `${entries.replace(/<(\/?)(?=[A-Z])/g, '<$1ns:')}\n</ns:Stmt></ns:BkToCstmrStmt></ns:Document>\n`;

describe('camt', () => {
  it('detects the camt namespace, not other XML', () => {
    expect(detectCamt(doc('')).score).toBe(100);
    expect(detectCamt('<?xml version="1.0"?><OFX></OFX>').score).toBe(0);
    expect(detectCamt('<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.03">').score).toBe(0);
  });

  it('reads entries with direction, booking date and references', async () => {
    const text = doc([
      ntry('<Amt Ccy="EUR">12.50</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2026-09-02</Dt></BookgDt><ValDt><Dt>2026-09-03</Dt></ValDt><AcctSvcrRef>REF-1</AcctSvcrRef><NtryDtls><TxDtls><RltdPties><Cdtr><Nm>Caf&#233; Zentral</Nm></Cdtr></RltdPties><RmtInf><Ustrd>Coffee &amp; cake</Ustrd></RmtInf></TxDtls></NtryDtls>'),
      ntry('<Amt Ccy="EUR">1000</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts><ValDt><DtTm>2026-09-30T08:15:00+02:00</DtTm></ValDt><AcctSvcrRef>NONREF</AcctSvcrRef><NtryRef>N-2</NtryRef><NtryDtls><TxDtls><RltdPties><Dbtr><Pty><Nm>ACME GmbH</Nm></Pty></Dbtr></RltdPties></TxDtls></NtryDtls>'),
      ntry('<Amt Ccy="EUR">5.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts>PDNG</Sts><BookgDt><Dt>2026-10-01</Dt></BookgDt>'),
    ].join('\n'));
    const events = await collect(camtReader, 'stmt.xml', text);
    expect(events[0]).toEqual({ type: 'statement', account: { number: 'DE89370400440532013000', type: 'checking', institution: 'COBADEFFXXX', currency: 'EUR' } });
    expect(rowsOf(events)).toEqual([
      { line: 4, date: '2026-09-02', amount: -1250, currency: 'EUR', description: 'Coffee & cake', externalId: 'REF-1', counterparty: 'Café Zentral' },
      { line: 5, date: '2026-09-30', time: '08:15:00', amount: 100000, currency: 'EUR', description: 'ACME GmbH', externalId: 'N-2', counterparty: 'ACME GmbH' },
    ]);
    expect(events[3]).toEqual({ type: 'skip', skipped: { line: 6, reason: 'entry status PDNG (not booked)' } });
  });

  it('XXX amounts take the account or default currency', async () => {
    const text = doc(ntry('<Amt Ccy="XXX">10.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><BookgDt><Dt>2026-09-02</Dt></BookgDt>'), '');
    expect(rowsOf(await collect(camtReader, 'x.xml', text, ctxFor('x.xml', 'CHF')))[0]).toMatchObject({ amount: 1000, currency: 'CHF', description: 'Credit' });
  });

  it('bad entries fail at their line', async () => {
    const cases: [string, number][] = [
      [doc(`\n${ntry('<Amt Ccy="EUR">1,00</Amt><CdtDbtInd>DBIT</CdtDbtInd><BookgDt><Dt>2026-09-02</Dt></BookgDt>')}`), 5],
      [doc(ntry('<Amt Ccy="EUR">1.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><BookgDt><Dt>2026-02-30</Dt></BookgDt>')), 4],
      [doc(ntry('<Amt Ccy="EUR">1.00</Amt><CdtDbtInd>UP</CdtDbtInd><BookgDt><Dt>2026-02-03</Dt></BookgDt>')), 4],
      [doc(ntry('<Amt Ccy="EUR">1.00</Amt>')).replace('</ns:Stmt>', ''), 5],
    ];
    for (const [text, line] of cases) {
      const err = await collect(camtReader, 'bad.xml', text).then(() => undefined, (e: unknown) => e);
      expect(err).toBeInstanceOf(PocketbookError);
      expect([(err as PocketbookError).code, (err as PocketbookError).location]).toEqual(['BAD_INPUT', { file: 'bad.xml', line }]);
    }
  });
});
