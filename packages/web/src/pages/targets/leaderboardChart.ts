import type { PublicScorecard } from './shared';
import { scoreText } from './shared';

type Unit = PublicScorecard['categories'][number]['units'][number];

const tierBar: Record<string, string> = { advanced: '#389e0d', standard: '#2f54eb', rectify: '#cf1322' };

/**
 * The leaderboard's bars: each unit's score, coloured by its tier, labelled and in the tooltip with
 * two decimals as the ranking beside it writes it (ECharts' own "{c}" wrote 50.4 and 100 for 50.40
 * and 100.00).
 */
export function leaderboardChartOption(units: Unit[], seriesName: string, language: string, wide: boolean) {
  const score = (value: unknown) => (typeof value === 'number' ? scoreText(value, language) : '');
  return {
    grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: score },
    xAxis: { type: 'value', max: 100, splitLine: { lineStyle: { type: 'dashed' } } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: units.map((u) => u.unitName),
      axisLabel: { width: wide ? 120 : 80, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        name: seriesName,
        barMaxWidth: 16,
        data: units.map((u) => ({ value: u.score, itemStyle: { color: tierBar[u.tier] } })),
        label: { show: true, position: 'right', formatter: ({ value }: { value: unknown }) => score(value) },
      },
    ],
  };
}
