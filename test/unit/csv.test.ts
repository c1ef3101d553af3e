import { describe, expect, it } from 'vitest';
import type { Profile } from '../../src/import/profile.js';
import { csvReader } from '../../src/import/formats/csv.js';
import { context, readCsv, rejection, textSource } from './csv-helpers.js';

const base = (over: Partial<Profile> = {}): Profile => ({
  name: 'test',
  date_format: 'YYYY-MM-DD',
  ...over,
  columns: { date: 'Date', description: 'Description', amount: 'Amount', ...over.columns },
});

describe('CSV reader: detection', () => {
  it('finds the generic layout after preamble lines and guesses an unambiguous date format', async () => {
    const text = 'Account: 1234\nExported 2026-09-30\n\nDate,Description,Amount\n2026-09-01,Coffee,-3.50\n2026-09-02,Salary,"1,000.00"\n';
    const result = await readCsv(text);
    expect(result.profile).toBe('generic');
    expect(result.rows.map((r) => [r.line, r.date, r.amount, r.description])).toEqual([
      [5, '2026-09-01', -350, 'Coffee'],
      [6, '2026-09-02', 100000, 'Salary'],
    ]);
  });

  it('matches header names in other languages and the debit/credit layout', async () => {
    const de = await readCsv('Datum;Beschreibung;Betrag;Währung\n2026-09-01;Miete;-800,00;EUR\n', {});
    expect(de.profile).toBe('generic');
    const dc = await readCsv('Date,Description,Withdrawals,Deposits\n2026-09-01,Rent,800.00,\n2026-09-02,Pay,,"2,000.00"\n');
    expect(dc.profile).toBe('generic-debit-credit');
    expect(dc.rows.map((r) => r.amount)).toEqual([-80000, 200000]);
  });

  it('scores a bank layout above the generic ones and 0 for text that is not a known layout', () => {
    const sniff = (text: string) => csvReader.detect({ fileName: 'x.csv', head: Buffer.from(text), text, encoding: 'utf-8' }, context());
    const dcu = sniff('"DATE","TRANSACTION TYPE","DESCRIPTION","AMOUNT","ID","MEMO","CURRENT BALANCE"\n');
    expect(dcu.profile).toBe('us-dcu');
    expect(dcu.score).toBeGreaterThan(sniff('Date,Description,Amount\n').score);
    expect(sniff('hello world\nnothing here\n').score).toBe(0);
    expect(sniff('Kontonummer;Text;Datum;W\uFFFDhrung;Soll;Haben\n').profile).not.toBe('at-ing-diba');
  });
});

describe('CSV reader: rows', () => {
  it('streams quoted fields with commas and newlines and reports the first physical line of each record', async () => {
    const text = 'Date,Description,Amount\n2026-09-01,"Shop, Inc.\nsecond line",-1.00\n2026-09-02,"He said ""hi""",2\n';
    const { rows } = await readCsv(text, { profile: base(), chunk: 3 });
    expect(rows.map((r) => [r.line, r.description, r.amount])).toEqual([
      [2, 'Shop, Inc.\nsecond line', -100],
      [4, 'He said "hi"', 200],
    ]);
  });

  it('joins description columns, reads currency, external id, channel and an account column', async () => {
    const profile = base({
      columns: {
        date: 'Date', description: ['Payee', 'Memo'], amount: 'Amount', currency: 'Cur', external_id: 'Id', channel: 'Type', account: 'Card',
      },
      account_type: 'credit',
    });
    const text = 'Date,Payee,Memo,Amount,Cur,Id,Type,Card\n2026-09-01,Cafe,,-3.5,eur,T1,POS,\'1234 5678\'\n2026-09-01,Shop,gift,5,,T2,ATM,\n';
    const { rows } = await readCsv(text, { profile, currency: 'CNY' });
    expect(rows[0]).toMatchObject({ description: 'Cafe', currency: 'EUR', externalId: 'T1', channel: 'card', account: { number: '12345678', type: 'credit' } });
    expect(rows[1]).toMatchObject({ description: 'Shop / gift', currency: 'CNY', externalId: 'T2', channel: 'atm' });
    expect(rows[1]!.account).toBeUndefined();
  });

  it('inverts issuer-view cards, reads decimal commas and direction columns', async () => {
    const inverted = await readCsv('Date,Description,Amount\n2026-09-01,Buy,12.00\n2026-09-02,Pay,-50\n', { profile: base({ amount_sign: 'invert' }) });
    expect(inverted.rows.map((r) => r.amount)).toEqual([-1200, 5000]);
    const comma = await readCsv('Date;Description;Amount\n2026-09-01;x;-1.234,56\n', { profile: base({ decimal: ',', delimiter: ';' }) });
    expect(comma.rows[0]!.amount).toBe(-123456);
    const direction = base({
      columns: { date: 'Date', description: 'Description', amount: 'Amount', direction: { column: '收/支', out: ['支出'], in: ['收入'], neither: ['不计收支'] } },
    });
    const dir = await readCsv('Date,Description,Amount,收/支\n2026-09-01,a,10.00,支出\n2026-09-01,b,5.00,收入\n2026-09-01,c,7.00,不计收支\n', { profile: direction });
    expect(dir.rows.map((r) => [r.amount, r.kind])).toEqual([[-1000, undefined], [500, undefined], [700, 'transfer']]);
  });

  it('subtracts a fee column and reads debit/credit columns written with parentheses', async () => {
    const fee = await readCsv('Date,Description,Amount,Fee\n2026-09-01,x,-10.00,0.50\n', { profile: base({ columns: { date: 'Date', description: 'Description', amount: 'Amount', fee: 'Fee' } }) });
    expect(fee.rows[0]!.amount).toBe(-1050);
    const dc = base({ columns: { date: 'Date', description: 'Description', amount: null, debit: 'Out', credit: 'In' } });
    const rows = await readCsv('Date,Description,Out,In\n2026-09-01,a,(12.00),\n2026-09-02,b,,$3\n', { profile: dc });
    expect(rows.rows.map((r) => r.amount)).toEqual([-1200, 300]);
  });

  it('skips rows by status, ignores blank lines and repeated headers, stops at totals rows', async () => {
    const profile = base({ columns: { date: 'Date', description: 'Description', amount: 'Amount', status: 'State' }, skip_status: ['pending'] });
    const text = 'Date,Description,Amount,State\n2026-09-01,a,-1,DONE\n\nDate,Description,Amount,State\n2026-09-02,b,-2,PENDING\n2026-09-03,c,-3,DONE\n,,-6,\nTotal rows: 3\n';
    const result = await readCsv(text, { profile });
    expect(result.rows.map((r) => r.description)).toEqual(['a', 'c']);
    expect(result.skipped).toEqual([{ line: 5, reason: 'status "PENDING"' }]);
  });

  it('stops at the first blank line after data when stop_at_blank_line is set', async () => {
    const text = 'Date,Description,Amount\n2026-09-01,a,-1\n\nSummary,,\nwhatever,,\n';
    const { rows } = await readCsv(text, { profile: base({ stop_at_blank_line: true }) });
    expect(rows).toHaveLength(1);
  });

  it('reads headerless layouts by column index, infers the year for MM/DD dates', async () => {
    const profile: Profile = { name: 'h', header: false, date_format: 'MM/DD', columns: { date: 0, description: 1, amount: 2 } };
    const { rows } = await readCsv('09/02,a,-1\n12/30,b,2\n', { profile });
    expect(rows.map((r) => r.date)).toEqual(['2026-09-02', '2025-12-30']);
  });
});

describe('CSV reader: errors name the physical line', () => {
  it('fails on a bad date with CSV_DATE', async () => {
    const err = await rejection(readCsv('Date,Description,Amount\n2026-09-01,a,1\n"x\ny",b,2\n2026-02-30,c,3\n', { profile: base() }));
    expect(err.code).toBe('CSV_DATE');
    expect(err.location?.line).toBe(3);
    const impossible = await rejection(readCsv('Date,Description,Amount\n2026-02-30,c,3\n', { profile: base() }));
    expect(impossible.message).toMatch(/not a real date/);
  });

  it('fails on a bad amount with CSV_AMOUNT', async () => {
    const err = await rejection(readCsv('Date,Description,Amount\n2026-09-01,a,1\n2026-09-02,b,12abc\n', { profile: base() }));
    expect(err.code).toBe('CSV_AMOUNT');
    expect(err.location?.line).toBe(3);
    expect(err.message).toContain('12abc');
  });

  it('fails on a missing column with CSV_COLUMN at the header line', async () => {
    const err = await rejection(readCsv('note\nDate,Text,Amount\n2026-09-01,a,1\n', { profile: base({ skip_lines: 1 }) }));
    expect(err.code).toBe('CSV_COLUMN');
    expect(err.location?.line).toBe(2);
    expect(err.message).toContain('Description');
  });

  it('refuses an ambiguous date order without a profile date_format', async () => {
    const err = await rejection(readCsv('Date,Description,Amount\n05/01/2023,a,1\n'));
    expect(err.code).toBe('CSV_DATE');
    expect(err.message).toMatch(/"05\/01\/2023" could be day-first or month-first/);
    expect(err.hint).toMatch(/DD\/MM\/YYYY.*MM\/DD\/YYYY/);
  });

  it('refuses a printed sign that contradicts the direction column', async () => {
    const err = await rejection(readCsv('"Date","Label","Amount","D/C"\n"12/15/2018","a","33.50","D"\n"12/15/2018","b","-1,533.50","C"\n'));
    expect(err.code).toBe('CSV_AMOUNT');
    expect(err.location?.line).toBe(3);
  });
});

describe('CSV reader: streaming', () => {
  it('reads 100,000 rows chunk by chunk with exact totals', async () => {
    const lines = ['Date,Description,Amount'];
    let expected = 0;
    for (let i = 0; i < 100_000; i++) {
      const minor = (i % 2 === 0 ? -1 : 1) * ((i * 37) % 100_000);
      expected += minor;
      lines.push(`2026-09-${String((i % 28) + 1).padStart(2, '0')},Shop ${i % 500},${(minor / 100).toFixed(2)}`);
    }
    const text = `${lines.join('\n')}\n`;
    let count = 0;
    let total = 0;
    let lastLine = 0;
    for await (const event of csvReader.read(
      { fileName: 'big.csv', encoding: 'utf-8', readText: async () => text, readBytes: async () => Buffer.from(text),
        async *streamUtf8() { const b = Buffer.from(text); for (let i = 0; i < b.length; i += 65_536) yield b.subarray(i, i + 65_536); } },
      context(base()), { score: 1 },
    )) {
      if (event.type !== 'row') continue;
      count++;
      total += event.row.amount;
      lastLine = event.row.line;
    }
    expect(count).toBe(100_000);
    expect(total).toBe(expected);
    expect(lastLine).toBe(100_001);
  });

  it.each([1, 7, 4096, 65_536, 300_000])('gives every record with its first physical line whatever the chunk size (%i bytes)', async (chunk) => {
    const rows: { line: number; description: string; amount: number }[] = [];
    const lines = ['Exported by Test Bank', '', 'Date,Description,Amount'];
    for (let i = 0; i < 6000; i++) {
      const minor = -((i * 7919) % 100_000) - 1;
      const multi = i % 97 === 0;
      const description = multi ? `星巴克 "咖啡"\n第${i}号` : `Café ${i} 盒马`;
      rows.push({ line: lines.length + 1, description: description.replace('\n', '\r\n'), amount: minor });
      const cell = multi ? `"${description.replace(/"/g, '""')}"` : description;
      lines.push(...`2026-09-${String((i % 28) + 1).padStart(2, '0')},${cell},${(minor / 100).toFixed(2)}`.split('\n'));
    }
    const text = `${lines.join('\r\n')}\r\n`;
    expect(Buffer.byteLength(text)).toBeGreaterThan(200_000);
    const r = await readCsv(text, { profile: base(), chunk });
    expect(r.rows.map((row) => ({ line: row.line, description: row.description, amount: row.amount }))).toEqual(rows);
    // The batches the reading thread takes hold the same events, in order.
    const batched: unknown[] = [];
    for await (const events of csvReader.readBatches!(textSource(text, chunk), context(base()), { score: 1 })) batched.push(...events);
    expect(batched).toEqual(r.rows.map((row) => ({ type: 'row', row })));
  });

  it.each([4096, 1_000_000])('fails at the physical line of a malformed quote far into the file, with more after it (%i-byte chunks)', async (chunk) => {
    const lines = ['Date,Description,Amount'];
    for (let i = 0; i < 5000; i++) lines.push(`2026-09-01,"Shop\n${i}",-1.00`);
    const bad = 1 + 5000 * 2 + 1; // the header, then two lines per record
    lines.push('2026-09-02,"Shop"x,-2.00');
    for (let i = 0; i < 5000; i++) lines.push(`2026-09-03,"Shop ""${i}""",-3.00`);
    const err = await rejection(readCsv(lines.join('\n'), { profile: base(), chunk }));
    expect(err.code).toBe('CSV_LAYOUT');
    expect(err.location?.line).toBe(bad);
  });

  it('stops at a totals row far into the file and reads nothing after it', async () => {
    const lines = ['Date,Description,Amount'];
    for (let i = 0; i < 5000; i++) lines.push(`2026-09-01,Shop ${i},-1.00`);
    lines.push('Total,,-5000.00', '2026-09-02,After the footer,-9.99');
    const r = await readCsv(lines.join('\n'), { profile: base(), chunk: 1000 });
    expect(r.rows).toHaveLength(5000);
    expect(r.rows.at(-1)?.description).toBe('Shop 4999');
  });
});
