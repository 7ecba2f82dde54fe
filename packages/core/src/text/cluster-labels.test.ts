import { describe, expect, it } from 'vitest';
import { clusterTexts } from './cluster.js';
import {
  CITATION_STOP_WORDS,
  centralSentence,
  distinctCitations,
  fitSentence,
  isCitationWord,
  sentencesOf,
} from './cluster-labels.js';
import { segmentServer } from './server/index.js';

// Suggestions as the demo campaign writes them (title, a line end, the body).
const texts = {
  farm: [
    '脆红李产业提质增效\n建议黑溪镇做大做强脆红李产业，农产品卖不上价。目前种植规模小而散，迎接高铁时代需要早做准备。希望有关部门尽快研究落实。',
    '脆红李产业提质增效\n我建议黑溪镇做大做强脆红李产业，农产品卖不上价。目前种植规模小而散，迎接高铁时代需要早做准备。建议列入明年重点工作。',
    '建议黑溪镇做大做强脆红李产业\n建议黑溪镇做大做强脆红李产业，农产品卖不上价。这是群众普遍关心的问题。',
  ],
  aged: [
    '完善养老服务\n建议城区完善养老服务，老龄化程度不断加深。同时要统筹考虑社区卫生服务站，推广社区卫生服务站。',
    '完善养老服务\n强烈建议城区完善养老服务，老龄化程度不断加深。相信能为建设中心城市出一份力。',
  ],
  alleys: [
    '建议城西街道规范消防通道\n建议城西街道规范消防通道，存在安全隐患。目前居民反映强烈，迎接高铁时代需要早做准备。',
    '建议城西街道规范消防通道\n希望城西街道规范消防通道，存在安全隐患。可以借鉴涪陵和恩施的做法。',
  ],
};
const items = Object.entries(texts).flatMap(([group, list]) =>
  list.map((text, i) => ({ id: `${group}-${i}`, text, time: i, supports: group === 'farm' ? 9 : 1 })),
);

describe('a cluster’s title', () => {
  it('is a whole sentence of its members, the one most central to the cluster', () => {
    const summaries = clusterTexts(items, { threshold: 0.5, tokenizer: segmentServer }).summaries();
    const bodies = items.map((it) => it.text);
    for (const s of summaries) {
      expect(s.title.length).toBeGreaterThan(0);
      // Whole: one of the members' sentences as written, its end mark left off.
      expect(bodies.flatMap(sentencesOf)).toContain(s.title);
    }
    const farm = summaries.find((s) => s.memberIds.includes('farm-0'))!;
    expect(farm.title).toContain('脆红李');
  });

  it('cuts an over-long sentence at a clause mark, else after a whole word, never inside one', () => {
    const long =
      '建议在黔江高铁站前广场和城区主干道之间开通往返接驳的公交专线并增设出租车临时停靠点方便旅客换乘';
    const cut = fitSentence(long, 20, segmentServer);
    expect([...cut].length).toBeLessThanOrEqual(20);
    expect(cut.endsWith('…')).toBe(true);
    const kept = cut.slice(0, -1);
    // The words of the cut are words of the sentence: the last one is whole.
    const words = segmentServer(long);
    let joined = '';
    for (const w of words) {
      if (joined.length >= kept.length) break;
      joined += w;
    }
    expect(joined).toBe(kept);
    const clauses = '建议城区完善养老服务体系和社区卫生服务站布局，老龄化程度不断加深，看病排队时间很长';
    expect(fitSentence(clauses, 33, segmentServer)).toBe(
      '建议城区完善养老服务体系和社区卫生服务站布局，老龄化程度不断加深',
    );
    expect(fitSentence('完善养老服务', 30, segmentServer)).toBe('完善养老服务');
  });

  it('prefers a sentence long enough to say something over a short formula', () => {
    const weights = new Map([
      ['养老', 1],
      ['服务', 0.5],
    ]);
    expect(
      centralSentence(['养老！\n建议城区完善养老服务，老龄化程度加深。'], weights, {
        tokenizer: segmentServer,
      }),
    ).toBe('建议城区完善养老服务，老龄化程度加深');
  });
});

describe('a cluster’s citations', () => {
  it('leave out stop words and generic verbs (不上, 不断, 存在)', () => {
    for (const w of ['不上', '不断', '存在', '加快', '建议', '希望'])
      expect(isCitationWord(w), w).toBe(false);
    for (const w of ['脆红李', '养老', '消防通道', '安全隐患']) expect(isCitationWord(w), w).toBe(true);
    expect(CITATION_STOP_WORDS.has('存在')).toBe(true);
    const summaries = clusterTexts(items, { threshold: 0.5, tokenizer: segmentServer }).summaries();
    const all = summaries.flatMap((s) => s.keywords);
    expect(all.length).toBeGreaterThan(0);
    for (const w of all) expect(isCitationWord(w), w).toBe(true);
  });

  it('differ from one item to the next, the hotter cluster choosing first', () => {
    const summaries = clusterTexts(items, { threshold: 0.5, tokenizer: segmentServer }).summaries();
    const all = summaries.flatMap((s) => s.keywords);
    expect(new Set(all).size).toBe(all.length);
    expect(
      distinctCitations(
        [
          ['高铁站', '公交', '专线'],
          ['公交', '停车', '高铁站', '夜班'],
        ],
        2,
      ),
    ).toEqual([
      ['高铁站', '公交'],
      ['停车', '夜班'],
    ]);
  });
});
