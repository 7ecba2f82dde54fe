import { describe, expect, it } from 'vitest';
import { newestPeerValues, peerPeriodsUpTo } from './peer-values.js';

const peer = (period: string, value: number) => ({ regionId: 'fl', indicatorId: 'gdp', period, value });
const benchmarkOf = (quarter: string, ...peers: ReturnType<typeof peer>[]) =>
  newestPeerValues(peers, quarter).get('fl/gdp');

describe('the peer benchmark of a quarter', () => {
  it('leaves out the figure of a year that had not ended by the quarter', () => {
    expect(benchmarkOf('2026Q1', peer('2025', 10), peer('2026', 99))).toBe(10);
    expect(benchmarkOf('2026Q3', peer('2025', 10), peer('2026', 99))).toBe(10);
  });

  it('takes the newest quarter known by the quarter', () => {
    expect(benchmarkOf('2026Q2', peer('2025', 10), peer('2026Q1', 11), peer('2026Q3', 13))).toBe(11);
  });

  it("prefers a year's final figure to its fourth quarter's", () => {
    expect(benchmarkOf('2026Q4', peer('2026Q3', 13), peer('2026', 15), peer('2026Q4', 14))).toBe(15);
    expect(benchmarkOf('2027Q1', peer('2026Q4', 14), peer('2026', 15))).toBe(15);
  });

  it('keeps regions and indicators apart, and has nothing when nothing is known yet', () => {
    const values = newestPeerValues(
      [peer('2025', 10), { regionId: 'es', indicatorId: 'gdp', period: '2026Q1', value: 20 }],
      '2026Q1',
    );
    expect(values.get('es/gdp')).toBe(20);
    expect(values.get('fl/gdp')).toBe(10);
    expect(benchmarkOf('2024Q4', peer('2025', 10))).toBeUndefined();
  });

  it("asks the database for every period up to the quarter's year", () => {
    // As text '2026' and '2026Q1'..'2026Q4' all sort at or below '2026Q4', '2027' above it.
    const bound = peerPeriodsUpTo('2026Q2');
    expect(['2025', '2026', '2026Q4'].every((p) => p <= bound)).toBe(true);
    expect('2027' <= bound).toBe(false);
  });
});
