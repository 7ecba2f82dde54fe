import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  maskIdNumber,
  maskNamesInText,
  maskNumbersInText,
  maskPersonalJson,
  maskPersonName,
  maskPhone,
  withoutNumbersInText,
} from './privacy.js';

describe('masking', () => {
  it('masks phones and ID numbers', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskIdNumber('500114199001011234')).toBe('5001**********1234');
  });

  it('keeps the first character of a name only', () => {
    expect(maskPersonName('张伟')).toBe('张*');
    expect(maskPersonName(' 欧阳娜娜 ')).toBe('欧***');
    expect(maskPersonName('𠮷田')).toBe('𠮷*');
    expect(maskPersonName('李')).toBe('*');
    expect(maskPersonName('')).toBeNull();
    expect(maskPersonName('   ')).toBeNull();
    expect(maskPersonName('\u3000张三')).toBe('张*');
  });

  it('masks the names it is given wherever they stand in a text, and no other', () => {
    expect(maskNamesInText('王小明 来信 王小明.pdf', ['王小明'])).toBe('王** 来信 王**.pdf');
    expect(maskNamesInText('欧阳娜娜与欧阳.png', ['欧阳', ' 欧阳娜娜 '])).toBe('欧***与欧*.png');
    expect(maskNamesInText('李四来信.pdf', ['王小明', null, undefined, ''])).toBe('李四来信.pdf');
    // One character would be masked wherever it stands: left as it is.
    expect(maskNamesInText('王家坝王.pdf', ['王'])).toBe('王家坝王.pdf');
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

  it.each([
    ['dotted', '电话138.1234.5678', '电话138****5678'],
    ['spaced between every digit', '电话 1 3 8 1 2 3 4 5 6 7 8 谢谢', '电话 138****5678 谢谢'],
    ['with double spaces', '电话138  1234  5678', '电话138****5678'],
    ['with no-break spaces', '电话138\u00a01234\u00a05678', '电话138****5678'],
    ['with zero-width spaces', '电话1\u200b3\u200b8\u200b1234\u200b5678', '电话138****5678'],
    ['with zero-width (non-)joiners', '电话138\u200c1234\u200d5678', '电话138****5678'],
    ['with a word joiner and a byte-order mark', '电话138\u20601234\ufeff5678', '电话138****5678'],
    ['with the area part in brackets', '电话(138)1234-5678', '电话138****5678'],
    ['with full-width brackets', '电话（138）1234 5678', '电话138****5678'],
    ['as +86 with dots', '电话+86.138.1234.5678', '电话138****5678'],
    ['an ID number in groups', '身份证 500114 19900101 123X', '身份证 5001**********123X'],
    ['an ID number with zero-width spaces', '身份证50011419900101\u200b123X', '身份证5001**********123X'],
  ])('masks a mobile or ID number written %s', (_how, text, masked) => {
    expect(maskNumbersInText(text)).toBe(masked);
  });

  it.each([
    ['a date and a time', '2023.10.15 13:30 开会'],
    ['a 12-digit serial with separators', '单号 138.1234.5678.9'],
    ['a number starting 12, which no mobile does', '编号 12012345678'],
    ['bus routes', '建议开通 1 路、3 路、8 路'],
    ['a zero-width joiner inside an emoji', '一家人👨\u200d👩\u200d👧支持'],
  ])('leaves %s alone', (_what, text) => {
    expect(maskNumbersInText(text)).toBe(text);
  });
});

/** Text around a number that has no digits of its own. */
const words = fc.string({ unit: fc.constantFrom('电', '话', '号', '码', '：', '，', 'a', ' ', '。') });
/** What may sit between two digits of a number as people write it, or as someone hides it. */
const gap = fc
  .array(
    fc.constantFrom('', ' ', '-', '.', '\u00a0', '\u3000', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff'),
    {
      maxLength: 2,
    },
  )
  .map((parts) => parts.join(''));
const mobile = fc
  .tuple(
    fc.integer({ min: 3, max: 9 }),
    fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 9 }),
  )
  .map(([second, rest]) => `1${second}${rest.join('')}`);

describe('masking what a record kept', () => {
  it('masks names, phones and ID numbers under the keys that hold them, and people in lists', () => {
    expect(
      maskPersonalJson({
        displayName: '张伟',
        roles: [{ role: 'department_staff', unitId: 'u-1' }],
        name: '城西街道',
        contactName: '王小明',
        contactPhone: '023-6789-1234',
        idNumber: '500114199001011234',
        members: [{ name: '李四', unitId: 'u-2' }],
        contacts: [{ name: '赵六', phone: '13812345678' }],
        attendees: ['王小明', '联系人 13812345678'],
        note: '电话13812345678',
        count: 3,
      }),
    ).toEqual({
      displayName: '张*',
      roles: [{ role: 'department_staff', unitId: 'u-1' }],
      name: '城西街道',
      contactName: '王**',
      contactPhone: '023****1234',
      idNumber: '5001**********1234',
      members: [{ name: '李*', unitId: 'u-2' }],
      contacts: [{ name: '赵*', phone: '138****5678' }],
      attendees: ['王**', '联**************'],
      note: '电话138****5678',
      count: 3,
    });
    expect(maskPersonalJson(null)).toBeNull();
    expect(maskPersonalJson({ displayName: '' })).toEqual({ displayName: '' });
  });
});

describe('masking mobile numbers, whatever is between the digits', () => {
  it('never leaves the middle four digits of a mobile number in the text', () => {
    fc.assert(
      fc.property(
        words,
        mobile,
        fc.array(gap, { minLength: 10, maxLength: 10 }),
        words,
        (before, phone, gaps, after) => {
          const written = [...phone].map((d, i) => (i === 0 ? d : `${gaps[i - 1]}${d}`)).join('');
          const masked = maskNumbersInText(`${before}${written}${after}`);
          expect(masked).toBe(`${before}${maskPhone(phone)}${after}`);
        },
      ),
    );
  });

  it('changes no text without digits', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const plain = text.replace(/[0-9\uFF10-\uFF19]/g, '');
        expect(maskNumbersInText(plain)).toBe(plain);
      }),
    );
  });

  it('leaves a run of twelve digits alone, however they are separated', () => {
    fc.assert(
      fc.property(
        words,
        mobile,
        fc.integer({ min: 0, max: 9 }),
        gap,
        words,
        (before, phone, extra, g, after) => {
          const text = `${before}${phone}${g}${extra}${after}`;
          expect(maskNumbersInText(text)).toBe(text);
        },
      ),
    );
  });
});
