import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskNumbersInText, maskPhone, withoutNumbersInText } from './privacy.js';

describe('masking', () => {
  it('masks phones and ID numbers', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskIdNumber('500114199001011234')).toBe('5001**********1234');
  });

  it('masks the phones and ID numbers inside free text, and nothing else', () => {
    expect(maskNumbersInText('请联系我13812345678，身份证50011419900101123X。')).toBe(
      '请联系我138****5678，身份证5001**********123X。',
    );
    expect(maskNumbersInText('建议增设2路和12路公交，共计1234567890个座位')).toBe(
      '建议增设2路和12路公交，共计1234567890个座位',
    );
    expect(maskNumbersInText('编号213812345678')).toBe('编号213812345678');
  });

  it('finds a mobile number however it is written: spaced, dashed, with +86, in full-width digits', () => {
    expect(maskNumbersInText('电话+86 138-1234-5678，谢谢')).toBe('电话138****5678，谢谢');
    expect(maskNumbersInText('电话 138 1234 5678。')).toBe('电话 138****5678。');
    expect(maskNumbersInText('电话8613812345678')).toBe('电话138****5678');
    expect(maskNumbersInText('电话１３８１２３４５６７８')).toBe('电话138****5678');
    expect(maskNumbersInText('身份证５００１１４１９９００１０１１２３Ｘ')).toBe('身份证5001**********123X');
    // Numbers that only look alike stay: a year and a count, a 12-digit serial.
    expect(maskNumbersInText('2020年 1380 人')).toBe('2020年 1380 人');
    expect(maskNumbersInText('单号 138123456789')).toBe('单号 138123456789');
  });

  it('can leave those numbers out altogether', () => {
    expect(withoutNumbersInText('电话138-1234-5678，身份证50011419900101123X，2路公交')).toBe(
      '电话 ，身份证 ，2路公交',
    );
  });
});
