import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NearDuplicateIndex, shingleHashes, textShingleHashes } from './near-duplicate-index.js';
import { prepareText } from './pair-features.js';

describe('the prepared-text cache', () => {
  it('gives the same matches with and without it, through adds, removes and evictions', () => {
    const texts = [
      '建议增加高铁站到城区的公交班次',
      '建议增加高铁站至城区的公交班次。',
      '濯水古镇的厕所太少，建议增建公厕',
      '阿蓬江大桥什么时候通车？',
      '希望增加高铁站到城区的公交车班次！',
      '城西街道的路灯晚上不亮，请尽快维修',
      '城西街道路灯不亮，希望尽快修好',
    ];
    const plain = new NearDuplicateIndex();
    const cached = new NearDuplicateIndex({ preparedCache: 2 });
    texts.forEach((text, i) => {
      plain.add(`s${i}`, text);
      // Half of them handed over prepared, as the server does.
      cached.add(`s${i}`, text, i % 2 ? prepareText(text) : undefined);
    });
    const same = (q: string) => expect(cached.query(q, { limit: 4 })).toEqual(plain.query(q, { limit: 4 }));
    for (const q of texts) same(q);
    plain.remove('s1');
    cached.remove('s1');
    plain.add('s9', '高铁站到城区公交太少');
    cached.add('s9', '高铁站到城区公交太少');
    for (const q of texts) same(q);
  });
});

describe('shingles', () => {
  it('are the same from the raw text and from its preparation', () => {
    const chars = [...'黔江高铁站的吗，。 Ａ1２'];
    const text = fc.array(fc.constantFrom(...chars), { maxLength: 30 }).map((a) => a.join(''));
    fc.assert(
      fc.property(text, (t) => {
        const sorted = (a: Uint32Array) => [...a].sort((x, y) => x - y);
        expect(sorted(textShingleHashes(t))).toEqual(sorted(shingleHashes(prepareText(t))));
      }),
    );
  });
});
