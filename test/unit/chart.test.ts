/**
 * The terminal plot (issue 25 point 4): it spreads the months across the width it is given,
 * labels them under the axis, tells series apart by symbol with a legend, and draws nothing for
 * months without values (months to come).
 */
import { describe, expect, it } from 'vitest';
import { axisNumber, renderPlot } from '../../src/render/chart.js';
import { chartText, PLAIN_PAINTER } from '../../src/render/document.js';
import { withLocale } from '../../src/core/i18n.js';
import { textWidth } from '../../src/render/width.js';

const labels = ['May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct'];
const series = [{ name: 'Spending', values: [100, 200, 150, 300, 250, 400] }, { name: 'Income', values: [500, 500, 500, 500, 500, 600] }];

describe('renderPlot', () => {
  it('uses the given width: every line fits and the plot spans at least 60 columns at 80', () => {
    for (const width of [80, 120]) {
      const lines = renderPlot(labels, series, { width });
      for (const line of lines) expect(textWidth(line)).toBeLessThanOrEqual(width);
      const axis = lines.find((l) => l.includes('└'))!;
      expect(axis.length - axis.indexOf('└') - 1).toBeGreaterThanOrEqual(width === 80 ? 60 : 100);
    }
  });

  it('puts month labels under the axis, spread out, and a legend with a symbol per series', () => {
    const lines = renderPlot(labels, series, { width: 80 });
    const labelLine = lines[lines.length - 2]!;
    expect(labelLine).toMatch(/^ +May +Jun +Jul +Aug +Sep +Oct$/);
    expect(labelLine.indexOf('Oct') - labelLine.indexOf('May')).toBeGreaterThan(55);
    expect(lines[lines.length - 1]).toMatch(/● Spending {3}○ Income/);
    const plot = lines.slice(0, -3).join('\n');
    expect(plot.match(/●/g)).toHaveLength(6);
    expect(plot.match(/○/g)).toHaveLength(6);
  });

  it('leaves months without values empty instead of drawing them as zero', () => {
    const lines = renderPlot(['Jan', 'Feb', 'Mar', 'Apr'], [{ name: 'Spending', values: [10, 20] }], { width: 60 });
    const plot = lines.slice(0, -3);
    expect(plot.join('').match(/●/g)).toHaveLength(2);
    const marCol = lines[lines.length - 2]!.indexOf('Mar');
    for (const line of plot) expect(line.slice(marCol - 2)).not.toMatch(/[●·]/);
  });

  it('groups axis numbers and keeps decimals only for small ranges', () => {
    expect(axisNumber(30671.17, false)).toBe('30,671');
    expect(axisNumber(0.5, true)).toBe('0.50');
    expect(axisNumber(-1234, false)).toBe('-1,234');
  });
});

describe('chartText', () => {
  const block = { type: 'chart' as const, title: 'Last 6 months', labels: ['2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10'], series };

  it('names months as the locale writes them, and the range once', () => {
    const en = chartText(block, undefined, PLAIN_PAINTER, 80);
    expect(en).toMatch(/May +Jun .* Oct/);
    expect(en).toMatch(/May 2026 – Oct 2026/);
    const zh = withLocale('zh', () => chartText(block, undefined, PLAIN_PAINTER, 80));
    expect(zh).toMatch(/5月 +6月 .* 10月/);
    expect(zh).toMatch(/2026年5月 – 2026年10月/);
  });
});
