import { describe, expect, it } from 'vitest';
import { csvCell, figure, renderCsv } from '../../src/render/table.js';

describe('csvCell', () => {
  it('writes a figure as its plain number, grouped text never reaches CSV', () => {
    expect(csvCell(figure('-1,553.49', '-1553.49'))).toBe('-1553.49');
    expect(csvCell(figure('1,642.37', '1642.37'), true)).toBe('1642.37');
  });

  it('never prefixes a plain number, even in a text column; prefixes formula-like text', () => {
    expect(csvCell('-1553.49')).toBe('-1553.49');
    expect(csvCell('-3')).toBe('-3');
    expect(csvCell('=SUM(A1:A2)')).toBe("'=SUM(A1:A2)");
    expect(csvCell('+86 138 0000')).toBe("'+86 138 0000");
    expect(csvCell('-5 refund')).toBe("'-5 refund");
    expect(csvCell('@home')).toBe("'@home");
    expect(csvCell('a,b "c"')).toBe('"a,b ""c"""');
  });

  it('renders a table with figures', () => {
    const csv = renderCsv({ columns: [{ key: 'name', header: 'Name' }, { key: 'amount', header: 'Amount', numeric: true }], rows: [{ name: 'Rent', amount: figure('-9,800.00', '-9800.00') }] });
    expect(csv).toBe('Name,Amount\nRent,-9800.00\n');
  });
});
