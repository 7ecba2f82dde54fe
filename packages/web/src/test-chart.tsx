import type { ChartProps } from './components/Chart';

/**
 * The web tests' `components/Chart` (vitest.config.ts puts it in the chart's place): jsdom draws
 * no canvas, where ECharts fails, so a chart is its label. The real one loads ECharts lazily, and
 * once a shared worker had loaded it every later file's chart was drawn and failed.
 */
export function Chart({ ariaLabel }: ChartProps) {
  return <div role="img" aria-label={ariaLabel} />;
}

export type { ChartProps };
