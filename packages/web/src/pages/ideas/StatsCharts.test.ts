import { describe, expect, it } from 'vitest';
import { statsCharts } from './StatsCharts';
import type { IdeaStats } from './shared';

const stats = {
  participations: 12,
  suggestions: 10,
  byDay: [{ key: '2026-07-01', n: 3 }],
  byChannel: [
    { key: 'online', n: 8 },
    { key: 'homecoming', n: 2 },
  ],
  byTown: [{ key: 't1', n: 10 }],
  outsideTowns: 0,
  byAuthorKind: [
    { key: 'resident', n: 9 },
    { key: 'deputy', n: 1 },
  ],
  byKind: [],
  byDomain: [{ key: 'health', n: 10 }],
} as unknown as IdeaStats;

const names = { deputy: 'Deputy or CPPCC member', homecoming: 'Homecoming meeting' } as Record<
  string,
  string
>;
const label = () => (key: string) => names[key] ?? key;

describe('the campaign figures’ charts', () => {
  it('lay named bars across, their names wrapping inside the grid rather than running off a phone', () => {
    const charts = new Map(
      statsCharts(
        stats,
        label,
        (id) => id,
        (code) => code,
      ).map(([key, option]) => [key, option]),
    );
    for (const key of ['byChannel', 'byAuthorKind', 'byDomain', 'byTown']) {
      const option = charts.get(key) as {
        grid: { containLabel: boolean };
        xAxis: { type: string };
        yAxis: { type: string; data: string[]; axisLabel: { width: number; overflow: string } };
      };
      expect(option.xAxis.type, key).toBe('value');
      expect(option.yAxis.type, key).toBe('category');
      expect(option.yAxis.axisLabel.overflow, key).toBe('break');
      expect(option.yAxis.axisLabel.width, key).toBeLessThanOrEqual(130);
      expect(option.grid.containLabel, key).toBe(true);
    }
    expect((charts.get('byAuthorKind') as { yAxis: { data: string[] } }).yAxis.data).toContain(
      'Deputy or CPPCC member',
    );
  });
});
