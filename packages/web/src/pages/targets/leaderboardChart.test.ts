import { describe, expect, it } from 'vitest';
import { leaderboardChartOption } from './leaderboardChart';
import type { PublicScorecard } from './shared';

type Tier = PublicScorecard['categories'][number]['units'][number]['tier'];

const unit = (unitName: string, score: number, tier: Tier) => ({
  unitId: `00000000-0000-4000-8000-00000000000${score % 10}`,
  unitName,
  rank: 1,
  score,
  tier,
  progressed: false,
  rankDelta: null,
});

describe('the leaderboard chart', () => {
  const units = [
    unit('区民政局', 100, 'advanced'),
    unit('区统计局', 50.4, 'rectify'),
    unit('区教委', 71.62, 'standard'),
  ];

  it('labels each bar with its score as the ranking writes it, two decimals', () => {
    const option = leaderboardChartOption(units, '得分', 'zh-CN', true);
    const series = option.series[0]!;
    const labels = series.data.map((d) => series.label.formatter({ value: d.value }));
    expect(labels).toEqual(['100.00', '50.40', '71.62']);
  });

  it('writes the score in the tooltip the same way', () => {
    const option = leaderboardChartOption(units, 'Score', 'en', false);
    expect(option.tooltip.valueFormatter(50.4)).toBe('50.40');
    expect(option.yAxis.data).toEqual(['区民政局', '区统计局', '区教委']);
  });
});
