import { describe, expect, it } from 'vitest';
import { assignToClusters, clusterTexts, heatScore } from './cluster.js';
import { textRankKeywords } from './keywords.js';
import { segmentServer } from './server/index.js';

const items = [
  { id: '1', text: '高铁站前广场停车难，建议增加停车位', time: '2024/3/1 09:00', supports: 10 },
  { id: '2', text: '高铁站前广场停车太难，希望增加停车位', time: '2024/3/2 10:00', supports: 5 },
  { id: '3', text: '建议高铁站前广场增加停车位，停车难', time: '2024/3/3 11:00', supports: 0 },
  { id: '4', text: '濯水古镇的公共厕所太少，建议增建公厕', time: '2024/3/1 12:00', supports: 2 },
  { id: '5', text: '濯水古镇公共厕所太少了，希望增建公厕', time: '2024/3/5 12:00', supports: 1 },
  { id: '6', text: '阿蓬江沿岸步道晚上没有路灯', time: '2024/3/2 08:00' },
];

describe('clusterTexts', () => {
  it('groups texts that raise the same problem', () => {
    const c = clusterTexts(items, { threshold: 0.5 });
    const of = new Map(c.assignments().map((a) => [a.id, a.cluster]));
    expect(of.get('1')).toBe(of.get('2'));
    expect(of.get('2')).toBe(of.get('3'));
    expect(of.get('4')).toBe(of.get('5'));
    expect(of.get('1')).not.toBe(of.get('4'));
    expect(of.get('6')).not.toBe(of.get('1'));
  });

  it('summarises clusters with title, keywords, supporters, span and heat, hottest first', () => {
    const progress: number[] = [];
    const c = clusterTexts(items, {
      threshold: 0.5,
      tokenizer: segmentServer,
      onProgress: (d) => progress.push(d),
    });
    expect(progress.at(-1)).toBe(6);
    const [top, second] = c.summaries();
    expect(top).toMatchObject({ size: 3, supporters: 15 });
    expect(top!.keywords).toEqual(expect.arrayContaining(['停车位']));
    expect(top!.title).toContain('高铁站前广场');
    expect(top!.spanDays).toBeCloseTo(2.08, 1);
    expect(top!.heat).toBeCloseTo(heatScore(3, 15, top!.spanDays), 3);
    expect(second).toMatchObject({ size: 2, supporters: 3 });
    expect(c.summaries(2)).toHaveLength(2);
  });

  it('lets new texts join clusters incrementally', () => {
    const c = clusterTexts(items, { threshold: 0.5 });
    const before = new Map(c.assignments().map((a) => [a.id, a.cluster]));
    const [joined, fresh] = assignToClusters(c, [
      { id: '7', text: '濯水古镇厕所太少，建议增建公共厕所' },
      { id: '8', text: '正阳街道菜市场占道经营' },
    ]);
    expect(joined!.cluster).toBe(before.get('4'));
    expect([...before.values()]).not.toContain(fresh!.cluster);
    expect(() => assignToClusters(c, [{ id: '8', text: '重复' }])).toThrow('duplicate id');
  });

  it('heat grows with size and supporters and falls with the time span', () => {
    expect(heatScore(10, 0, 1)).toBeGreaterThan(heatScore(5, 0, 1));
    expect(heatScore(5, 100, 1)).toBeGreaterThan(heatScore(5, 0, 1));
    expect(heatScore(5, 0, 1)).toBeGreaterThan(heatScore(5, 0, 100));
  });
});

describe('textRankKeywords', () => {
  it('ranks the words that co-occur most', () => {
    const words = segmentServer('高铁站前广场停车难，停车位不够，建议高铁站前广场增加停车位和公交');
    expect(textRankKeywords(words, 3)).toEqual(expect.arrayContaining(['高铁站前广场', '停车位']));
  });
});
