import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskNumbersInText, maskPhone } from './privacy.js';

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
});
