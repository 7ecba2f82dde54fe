import { describe, expect, it } from 'vitest';
import { readableValueAxes } from './chart-axes';

type Label = { formatter: (v: number) => string; hideOverlap: boolean; rotate?: number };

describe('value axes as people read them', () => {
  it('writes a value axis compactly in the reader’s language and drops overlapping labels', () => {
    const option = readableValueAxes({ xAxis: { type: 'value' }, yAxis: { type: 'category' } }, 'en');
    const x = (option as { xAxis: { axisLabel: Label } }).xAxis.axisLabel;
    expect([0, 950, 50_000, 150_000].map(x.formatter)).toEqual(['0', '950', '50K', '150K']);
    expect(x.hideOverlap).toBe(true);
    expect((option as { yAxis: { axisLabel?: Label } }).yAxis.axisLabel).toBeUndefined();
    const zh = readableValueAxes({ yAxis: [{ type: 'value' }] }, 'zh-CN');
    expect((zh as { yAxis: Array<{ axisLabel: Label }> }).yAxis[0]!.axisLabel.formatter(200_000)).toBe(
      '20万',
    );
  });

  it('keeps a format the chart chose, and the axis’s other label settings', () => {
    const own = (v: number) => `${v}%`;
    const option = readableValueAxes(
      {
        xAxis: { type: 'value', axisLabel: { formatter: own } },
        yAxis: { type: 'value', axisLabel: { rotate: 30 } },
      },
      'en',
    ) as { xAxis: { axisLabel: Label }; yAxis: { axisLabel: Label } };
    expect(option.xAxis.axisLabel.formatter).toBe(own);
    expect(option.yAxis.axisLabel.rotate).toBe(30);
    expect(option.yAxis.axisLabel.formatter(1_200)).toBe('1.2K');
  });
});
