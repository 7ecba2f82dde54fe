import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DUPLICATE_MODEL, isNearDuplicate, judgeDuplicate } from './duplicate.js';
import { NearDuplicateIndex } from './near-duplicate-index.js';
import { PAIR_FEATURE_NAMES, pairFeatures, prepareText } from './pair-features.js';

const chars = [...'黔江高铁站前广场建议增加公交线路班次停车难不没吗什么怎么123的了，。'];
const text = fc.array(fc.constantFrom(...chars), { minLength: 0, maxLength: 25 }).map((a) => a.join(''));

describe('the near-duplicate decision', () => {
  it('flags the same request restated and not a different request', () => {
    expect(isNearDuplicate('建议增加高铁站到城区的公交班次', '建议增加高铁站至城区的公交班次。')).toBe(true);
    // A looser paraphrase scores high, but below the threshold calibrated for suggestions, which
    // favours precision: a screener's "duplicate" flag must be right.
    const loose = judgeDuplicate('建议增加高铁站到城区的公交班次', '希望增加高铁站到城区的公交车班次！');
    expect(loose.similarity).toBeGreaterThan(0.8);
    expect(isNearDuplicate('建议增加高铁站到城区的公交班次', '濯水古镇的厕所太少，建议增建公厕')).toBe(false);
  });

  it('gives 1 for identical texts, also after normalisation', () => {
    expect(judgeDuplicate('阿蓬江大桥什么时候通车？', '阿蓬江大桥什么时候通车?')).toEqual({
      similarity: 1,
      duplicate: true,
    });
    expect(judgeDuplicate('黔江區高鐵站', '黔江区高铁站').similarity).toBe(1);
  });

  it('is symmetric, in [0, 1], and 1 for identical non-empty texts', () => {
    fc.assert(
      fc.property(text, text, (a, b) => {
        const ab = judgeDuplicate(a, b);
        const ba = judgeDuplicate(b, a);
        expect(ab.similarity).toBeCloseTo(ba.similarity, 12);
        expect(ab.duplicate).toBe(ba.duplicate);
        expect(ab.similarity).toBeGreaterThanOrEqual(0);
        expect(ab.similarity).toBeLessThanOrEqual(1);
        if (prepareText(a).length > 0) expect(judgeDuplicate(a, a).similarity).toBe(1);
      }),
    );
  });

  it('answers the same for both orders of a pair whose sums of weights differ in the last bit', () => {
    // Found by the property above: the IDF features were summed in argument order.
    expect(judgeDuplicate('难加站公', '加站公难')).toEqual(judgeDuplicate('加站公难', '难加站公'));
    expect(pairFeatures(prepareText('难加站公'), prepareText('加站公难'))).toEqual(
      pairFeatures(prepareText('加站公难'), prepareText('难加站公')),
    );
  });

  it('has a model that matches the features', () => {
    expect(DUPLICATE_MODEL.features).toEqual([...PAIR_FEATURE_NAMES]);
    expect(pairFeatures(prepareText('甲乙'), prepareText('甲丙'))).toHaveLength(PAIR_FEATURE_NAMES.length);
    expect(DUPLICATE_MODEL.threshold).toBeGreaterThan(0);
    expect(DUPLICATE_MODEL.threshold).toBeLessThan(1);
    // Candidates from an index are held to a higher bar than pairs given as pairs.
    expect(DUPLICATE_MODEL.candidateThreshold).toBeGreaterThan(DUPLICATE_MODEL.threshold);
  });

  it('holds a candidate to the candidate bar and a pair to the pair bar', () => {
    const a = '建议增加高铁站到城区的公交班次';
    const b = '希望增加高铁站到城区的公交车班次，方便出行';
    const asPair = judgeDuplicate(a, b, DUPLICATE_MODEL, 'pair');
    const asCandidate = judgeDuplicate(a, b, DUPLICATE_MODEL, 'candidate');
    expect(asCandidate.similarity).toBe(asPair.similarity);
    expect(asPair.duplicate).toBe(asPair.similarity >= DUPLICATE_MODEL.threshold);
    expect(asCandidate.duplicate).toBe(asPair.similarity >= DUPLICATE_MODEL.candidateThreshold);
  });

  it('tells apart questions that differ in one key word', () => {
    // Same question in other words: a duplicate; a different place or object: less similar.
    const same = judgeDuplicate('黔江高铁站怎么坐公交去城区', '黔江高铁站坐公交怎么去城区');
    const otherPlace = judgeDuplicate('黔江高铁站怎么坐公交去城区', '濯水古镇怎么坐公交去城区');
    expect(same.duplicate).toBe(true);
    expect(otherPlace.similarity).toBeLessThan(same.similarity);
  });
});

describe('NearDuplicateIndex', () => {
  const items = [
    { id: 'a', text: '建议增加高铁站到城区的公交班次' },
    { id: 'b', text: '濯水古镇的厕所太少，建议增建公厕' },
    { id: 'c', text: '阿蓬江沿岸的步道晚上没有路灯，很不安全' },
    { id: 'd', text: '正阳街道菜市场周边占道经营严重' },
  ];

  it('finds the text that says the same thing first', () => {
    const index = NearDuplicateIndex.build(items);
    const [best] = index.query('希望多开几班从高铁站去城区的公交车');
    expect(best?.id).toBe('a');
    const dup = index.query('阿蓬江边的步道晚上没有路灯，很不安全', { duplicatesOnly: true });
    expect(dup.map((m) => m.id)).toEqual(['c']);
    // Shorn of 的, 有 and 很 it is still the best match and a duplicate as a pair, though just
    // under the candidate bar, which favours precision.
    const [terse] = index.query('阿蓬江沿岸步道晚上没路灯，不安全');
    expect(terse?.id).toBe('c');
    expect(
      judgeDuplicate('阿蓬江沿岸步道晚上没路灯，不安全', items[2]!.text, DUPLICATE_MODEL, 'pair').duplicate,
    ).toBe(true);
  });

  it('adds, replaces and removes texts', () => {
    const index = NearDuplicateIndex.build(items);
    expect(index.size).toBe(4);
    expect(index.remove('c')).toBe(true);
    expect(index.remove('c')).toBe(false);
    expect(index.query('阿蓬江沿岸步道晚上没路灯').map((m) => m.id)).not.toContain('c');
    index.add('a', '阿蓬江沿岸步道晚上没路灯');
    expect(index.size).toBe(3);
    expect(index.query('阿蓬江沿岸步道晚上没路灯')[0]).toMatchObject({
      id: 'a',
      similarity: 1,
      duplicate: true,
    });
    expect(index.query('阿蓬江沿岸步道晚上没路灯', { exclude: ['a'] })[0]?.id).not.toBe('a');
  });

  it('round-trips through JSON', () => {
    const index = NearDuplicateIndex.build(items);
    index.remove('b');
    const copy = NearDuplicateIndex.fromJSON(JSON.parse(JSON.stringify(index)));
    expect(copy.size).toBe(3);
    expect(copy.query('正阳街道菜市场占道经营')).toEqual(index.query('正阳街道菜市场占道经营'));
  });

  it('answers nothing for an empty index or an empty query', () => {
    expect(new NearDuplicateIndex().query('公交')).toEqual([]);
    expect(NearDuplicateIndex.build(items).query('，。！')).toEqual([]);
  });
});
