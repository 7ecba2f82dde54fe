import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHAR_IDF, CHAR_IDF_FEATURE_NAMES, charIdf, charIdfFeatures } from './char-idf.js';
import { codeSetOf } from './code-sets.js';

const set = (text: string) => codeSetOf(text);
const chars = [...'黔江高铁站前广场公交线路的了吗什么怎么花呗借呗鑫'];
const text = fc.array(fc.constantFrom(...chars), { minLength: 1, maxLength: 20 }).map((a) => a.join(''));

describe('character IDF', () => {
  it('weighs common characters less than rare ones', () => {
    expect(CHAR_IDF.documents).toBeGreaterThan(1000);
    expect(charIdf('的')).toBeLessThan(charIdf('黔'));
    expect(charIdf('么')).toBeLessThan(charIdf('濯'));
    // A character the corpus never holds is as rare as can be.
    expect(charIdf('\u{2A6D6}')).toBeGreaterThanOrEqual(charIdf('濯'));
  });

  it('scores identical sets as fully shared and nothing differing', () => {
    const f = charIdfFeatures(set('高铁站怎么走'), set('高铁站怎么走'));
    expect(f).toHaveLength(CHAR_IDF_FEATURE_NAMES.length);
    expect(f.slice(0, 3)).toEqual([1, 1, 1]);
    expect(f.slice(3)).toEqual([0, 0, 0]);
  });

  it('penalises a differing rare character more than a differing common one', () => {
    const at = (name: (typeof CHAR_IDF_FEATURE_NAMES)[number]) => CHAR_IDF_FEATURE_NAMES.indexOf(name);
    const rare = charIdfFeatures(set('黔江高铁站怎么走'), set('濯水高铁站怎么走'));
    const common = charIdfFeatures(set('黔江高铁站怎么走'), set('黔江高铁站怎么走的'));
    expect(rare[at('idfMaxDiffering')]!).toBeGreaterThan(common[at('idfMaxDiffering')]!);
    expect(rare[at('idfCharJaccard')]!).toBeLessThan(common[at('idfCharJaccard')]!);
  });

  it('is symmetric and bounded', () => {
    fc.assert(
      fc.property(text, text, (a, b) => {
        const ab = charIdfFeatures(set(a), set(b));
        const ba = charIdfFeatures(set(b), set(a));
        for (const [i, v] of ab.entries()) expect(v).toBeCloseTo(ba[i]!, 12);
        for (const i of [0, 1, 2, 5]) {
          expect(ab[i]!).toBeGreaterThanOrEqual(0);
          expect(ab[i]!).toBeLessThanOrEqual(1 + 1e-12);
        }
      }),
    );
  });
});
