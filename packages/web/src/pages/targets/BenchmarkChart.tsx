import { useTranslation } from 'react-i18next';
import { Chart } from '../../components/Chart';
import type { Benchmark } from './BenchmarkEdit';
import { periodLabel } from './periods';
import type { Indicator } from './shared';

/**
 * The chosen indicator's values across the regions in one period: the period chosen, else the
 * latest the values have. The regions stand in the order the table lists them.
 */
export function BenchmarkChart({
  indicator,
  values,
  period,
}: {
  indicator: Indicator;
  values: readonly Benchmark[];
  period: string | undefined;
}) {
  const { t } = useTranslation();
  const mine = values.filter((b) => b.indicatorId === indicator.id);
  const shown = period ?? mine.map((b) => b.period).sort((a, b) => b.localeCompare(a))[0];
  const bars = mine.filter((b) => b.period === shown);
  if (!shown || bars.length === 0) return null;
  const title = t('targets.benchmarks.values.chart', {
    indicator: `${indicator.name}（${indicator.measure}）`,
    period: periodLabel(t, shown),
  });
  return (
    <Chart
      height={260}
      ariaLabel={title}
      option={{
        title: { text: title, textStyle: { fontSize: 14 } },
        tooltip: { trigger: 'axis' },
        grid: { left: 60, right: 20, bottom: 40, top: 40 },
        xAxis: { type: 'category', data: bars.map((b) => b.regionName) },
        yAxis: { type: 'value', name: indicator.measure },
        series: [{ type: 'bar', data: bars.map((b) => b.value) }],
      }}
    />
  );
}
