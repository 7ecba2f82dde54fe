import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchForm, normalizeText, toHalfWidth, toSimplified } from './normalize.js';
import { removeStopWords } from './stopwords.js';

describe('normalizeText', () => {
  it('folds full-width letters, digits and punctuation to half-width', () => {
    expect(normalizeText('ＡＢＣ１２３，高铁！')).toBe('abc123,高铁!');
    expect(toHalfWidth('ＡＢ　１')).toBe('AB 1');
  });

  it('converts traditional characters to simplified ones', () => {
    expect(toSimplified('黔江區高鐵站前廣場')).toBe('黔江区高铁站前广场');
    expect(normalizeText('建議增加渝湘高鐵班次')).toBe('建议增加渝湘高铁班次');
  });

  it('folds, spaces or removes punctuation on request', () => {
    expect(normalizeText('《黔诚无忧》——营商环境。')).toBe('"黔诚无忧"--营商环境.');
    expect(normalizeText('阿蓬江，濯水。', { punctuation: 'space' })).toBe('阿蓬江 濯水');
    expect(matchForm('阿蓬江，濯水！')).toBe('阿蓬江濯水');
  });

  it('masks digits on request', () => {
    expect(normalizeText('3路公交车每隔15分钟一班', { digits: 'mask' })).toBe('0路公交车每隔0分钟一班');
  });

  it('is idempotent', () => {
    const chars = [...'黔江區高鐵站廣場建議ＡＢ１２，。！？“”《》　 abc123的了吗'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...chars), { maxLength: 30 }), (arr) => {
        const s = arr.join('');
        for (const punctuation of ['keep', 'space', 'remove'] as const) {
          const once = normalizeText(s, { punctuation });
          expect(normalizeText(once, { punctuation })).toBe(once);
        }
      }),
    );
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        expect(normalizeText(normalizeText(s))).toBe(normalizeText(s));
      }),
    );
  });
});

describe('removeStopWords', () => {
  it('drops function words and formulas but keeps content words', () => {
    expect(removeStopWords(['希望', '尽快', '修建', '阿蓬江', '的', '大桥'])).toEqual([
      '修建',
      '阿蓬江',
      '大桥',
    ]);
  });
});
