import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  creditCheckCharacter,
  creditCodeAlphabet,
  creditCodeAuthorities,
  creditCodeFault,
  creditCodeWeights,
  isCreditCode,
  normaliseCreditCode,
  withCheckCharacter,
} from './credit-code.js';

describe('the unified social credit code (GB 32100-2015)', () => {
  it('uses the 31 characters without I, O, Z, S, V and the weights 3^(i-1) mod 31', () => {
    expect(creditCodeAlphabet).toHaveLength(31);
    for (const c of 'IOZSV') expect(creditCodeAlphabet).not.toContain(c);
    expect(creditCodeWeights).toEqual([1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]);
  });

  it('verifies a code published by its holder', () => {
    // 华为技术有限公司, as printed on its business licence and in its public filings.
    expect(creditCodeFault('914403001922038216')).toBeNull();
  });

  it('computes check characters worked out by hand', () => {
    // 9·1+1·3+5·9+0·27+0·19+1·26+1·16+4·17+0·20+0·29+0·25+0·13+0·8+0·24+0·10+0·30+1·28 = 195;
    // 195 mod 31 = 9; (31 − 9) mod 31 = 22 → N.
    expect(creditCheckCharacter('91500114000000001')).toBe('N');
    // 1·1 + 1·3 + 1·9 = 13; (31 − 13) mod 31 = 18 → J (the values skip I).
    expect(creditCheckCharacter('11100000000000000')).toBe('J');
    expect(isCreditCode(withCheckCharacter('91500114MA5U7K3L2'))).toBe(true);
    expect(isCreditCode('91500114000000001N')).toBe(true);
  });

  it('names what is wrong, in position order', () => {
    expect(creditCodeFault('91500114')).toEqual({ problem: 'length' });
    expect(creditCodeFault('91500114000000001O')).toEqual({ problem: 'character', position: 18 });
    expect(creditCodeFault('X1500114000000001N')).toEqual({ problem: 'authority', position: 1 });
    expect(creditCodeFault(withCheckCharacter('94500114000000001'))).toEqual({
      problem: 'category',
      position: 2,
    });
    expect(creditCodeFault(withCheckCharacter('9150A114000000001'))).toEqual({
      problem: 'division',
      position: 3,
    });
    expect(creditCodeFault(withCheckCharacter('91990114000000001'))).toEqual({
      problem: 'division',
      position: 3,
    });
    expect(creditCodeFault('91500114000000001P')).toEqual({ problem: 'check', position: 18 });
  });

  it('takes a code as people paste it', () => {
    expect(normaliseCreditCode(' 9150 0114 0000 0000 1n ')).toBe('91500114000000001N');
    expect(normaliseCreditCode('９１５００１１４ＭＡ５Ｕ７Ｋ３Ｌ２')).toBe('91500114MA5U7K3L2');
  });

  it('refuses a first 17 characters it cannot weigh', () => {
    expect(() => creditCheckCharacter('9150011400000000')).toThrow(RangeError);
    expect(() => creditCheckCharacter('9150011400000000I')).toThrow(RangeError);
  });
});

/** A valid code: an authority and one of its categories, a division code, a subject identifier. */
const validCode = fc
  .tuple(
    fc.constantFrom(...Object.entries(creditCodeAuthorities)),
    fc.integer({ min: 0, max: 99 }),
    fc.constantFrom('11', '31', '44', '50', '52', '65', '10'),
    fc.integer({ min: 0, max: 9999 }),
    fc.array(fc.constantFrom(...creditCodeAlphabet), { minLength: 9, maxLength: 9 }),
  )
  .map(([[authority, { categories }], c, province, rest, subject]) =>
    withCheckCharacter(
      `${authority}${categories[c % categories.length]}${province}${String(rest).padStart(4, '0')}${subject.join('')}`,
    ),
  );

describe('the check character', () => {
  it('accepts every code built by the rules', () => {
    fc.assert(
      fc.property(validCode, (code) => {
        expect(creditCodeFault(code)).toBeNull();
      }),
    );
  });

  it('detects any single substituted character', () => {
    fc.assert(
      fc.property(
        validCode,
        fc.integer({ min: 0, max: 17 }),
        fc.integer({ min: 1, max: 30 }),
        (code, at, shift) => {
          const value = creditCodeAlphabet.indexOf(code[at]!);
          const changed = code.slice(0, at) + creditCodeAlphabet[(value + shift) % 31] + code.slice(at + 1);
          expect(isCreditCode(changed)).toBe(false);
        },
      ),
    );
  });

  it('detects any swap of two different neighbours', () => {
    fc.assert(
      fc.property(validCode, fc.integer({ min: 0, max: 16 }), (code, at) => {
        fc.pre(code[at] !== code[at + 1]);
        const swapped = code.slice(0, at) + code[at + 1] + code[at] + code.slice(at + 2);
        expect(isCreditCode(swapped)).toBe(false);
      }),
    );
  });
});
