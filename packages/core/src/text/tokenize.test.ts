import { describe, expect, it } from 'vitest';
import { addUserWords, listUserWords, searchWordsServer, segmentServer } from './server/index.js';
import { charNgrams, createBrowserSegmenter, segmentBrowser, TermDictionary } from './tokenize.js';

describe('browser-safe segmentation', () => {
  it('keeps the local names of the user dictionary whole', () => {
    const words = segmentBrowser('建议在高铁站前广场和濯水古镇之间开通渝湘高铁接驳公交');
    expect(words).toContain('高铁站前广场');
    expect(words).toContain('渝湘高铁');
    expect(words).not.toContain('，');
  });

  it('takes new terms at run time', () => {
    const seg = createBrowserSegmenter({ userWords: [] });
    expect(seg.cut('黔诚无忧服务')).not.toContain('黔诚无忧');
    seg.addWords(['黔诚无忧']);
    expect(seg.cut('黔诚无忧服务')).toContain('黔诚无忧');
  });

  it('matches the longest term', () => {
    const d = new TermDictionary(['武陵山', '武陵山区']);
    expect(d.split('武陵山区中心城市')).toEqual([
      ['武陵山区', true],
      ['中心城市', false],
    ]);
  });

  it('makes character n-grams of content characters only', () => {
    expect(charNgrams('阿蓬江，濯水', 2)).toEqual(['阿蓬', '蓬江', '江濯', '濯水']);
    expect(charNgrams('江', 2)).toEqual(['江']);
  });
});

describe('jieba segmentation (server)', () => {
  it('keeps the built-in Qianjiang terms whole', () => {
    const words = segmentServer('黔江区阿蓬江濯水古镇高铁站前广场的交通拥堵问题');
    expect(words).toEqual(expect.arrayContaining(['阿蓬江', '濯水古镇', '高铁站前广场']));
    expect(words).not.toContain('的交');
  });

  it('extends the user dictionary at run time', () => {
    addUserWords(['蒲花暗河景区', '黔江鸡杂']);
    expect(segmentServer('周末去蒲花暗河景区吃黔江鸡杂')).toEqual(
      expect.arrayContaining(['蒲花暗河景区', '黔江鸡杂']),
    );
    expect(listUserWords()).toContain('黔江鸡杂');
  });

  it('gives search words: folded forms, and the shorter words inside a long one', () => {
    expect(searchWordsServer('看病难')).toEqual(['看病', '看病难']);
    // Traditional characters and full-width forms give the same words as their plain forms.
    expect(searchWordsServer('看病難')).toEqual(searchWordsServer('看病难'));
    expect(searchWordsServer('５Ｇ基站')).toEqual(['5g', '基站']);
    expect(searchWordsServer('城区停车位，很难找')).toEqual(
      expect.arrayContaining(['停车', '车位', '停车位']),
    );
    expect(searchWordsServer('，。 ！')).toEqual([]);
    // An unknown word is its characters wherever it stands.
    // (蕨粑粑, a local snack, is in no dictionary; 脆红李 has been added to the local word list.)
    expect(searchWordsServer('蕨粑粑')).toEqual(['蕨', '粑', '粑']);
    expect(searchWordsServer('做大做强蕨粑粑产业')).toEqual(expect.arrayContaining(['蕨', '粑', '产业']));
    expect(searchWordsServer('脆红李')).toEqual(['脆红李']);
  });
});
