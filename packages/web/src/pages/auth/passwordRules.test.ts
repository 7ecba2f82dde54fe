import { describe, expect, it } from 'vitest';
import { obviousWeakness } from './passwordRules';

describe('obviousWeakness', () => {
  it.each([
    ['', null],
    ['          ', 'only_whitespace'],
    ['aaaaaaaaaa', 'repeated_character'],
    ['𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷', 'repeated_character'],
    ['Roads-and-bridges-2026', null],
  ])('%j → %s', (value, expected) => {
    expect(obviousWeakness(value)).toBe(expected);
  });
});
