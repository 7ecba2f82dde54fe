import type { EChartsCoreOption } from 'echarts/core';

type Axis = { type?: string; axisLabel?: Record<string, unknown> } & Record<string, unknown>;

/**
 * Every value axis without a label format of its own gets one: numbers in the reader's compact
 * form (20万, 200K), and a label that would overlap its neighbour left out. On a phone, or beside
 * long category names, ECharts otherwise printed "50,000100,000150,000" as one run of digits.
 */
export function readableValueAxes(option: EChartsCoreOption, language: string): EChartsCoreOption {
  const compact = new Intl.NumberFormat(language, { notation: 'compact', maximumFractionDigits: 1 });
  const fix = (axis: Axis): Axis =>
    axis.type === 'value' && axis.axisLabel?.formatter === undefined
      ? {
          ...axis,
          axisLabel: { hideOverlap: true, ...axis.axisLabel, formatter: (v: number) => compact.format(v) },
        }
      : axis;
  const each = (axes: unknown) =>
    Array.isArray(axes) ? axes.map((a) => fix(a as Axis)) : axes ? fix(axes as Axis) : axes;
  const o = option as { xAxis?: unknown; yAxis?: unknown };
  return { ...option, xAxis: each(o.xAxis), yAxis: each(o.yAxis) };
}
