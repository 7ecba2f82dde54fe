import { describe, expect, it } from 'vitest';
import { highlightRanges } from './highlight.js';

const marked = (text: string, words: string[]) =>
  highlightRanges(text, words).map((r) => text.slice(r.start, r.end));

describe('highlightRanges', () => {
  it('marks each occurrence, longer words first, merging overlaps', () => {
    expect(marked('群众反映看病排队时间长，看病难', ['看病', '看病难'])).toEqual(['看病', '看病难']);
    expect(marked('城区停车位不够', ['停车', '车位', '停车位'])).toEqual(['停车位']);
  });

  it('marks traditional and full-width characters in the text as it is shown', () => {
    expect(marked('上學難，看病難', ['看病难'])).toEqual(['看病難']);
    expect(marked('建設５Ｇ基站', ['5g', '基站'])).toEqual(['５Ｇ基站']);
  });

  it('keeps the offsets of characters outside the basic plane', () => {
    const text = '𠀀𠀀看病';
    expect(highlightRanges(text, ['看病'])).toEqual([{ start: 4, end: 6 }]);
  });

  it('marks nothing without words or text', () => {
    expect(highlightRanges('看病', [])).toEqual([]);
    expect(highlightRanges('', ['看病'])).toEqual([]);
  });
});
