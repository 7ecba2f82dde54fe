import { describe, expect, it } from 'vitest';
import { type PasswordWeakness, passwordWeakness } from './password-rules.js';

const table: Array<[string, string | undefined, PasswordWeakness | null]> = [
  ['          ', undefined, 'only_whitespace'],
  ['\t\t\t\t\t \u3000\u3000\u3000\u3000', undefined, 'only_whitespace'],
  ['aaaaaaaaaaaa', undefined, 'repeated_character'],
  ['𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷', undefined, 'repeated_character'],
  ['wang.screener', 'wang.screener', 'contains_login'],
  ['Wang.Screener!2026', 'wang.screener', 'contains_login'],
  ['13912345678a', '13912345678', 'contains_login'],
  ['password123', undefined, 'common_password'],
  ['1234567890', undefined, 'common_password'],
  ['qwertyuiop', undefined, 'common_password'],
  ['1qaz2wsx3edc', undefined, 'common_password'],
  ['abcdefghij', undefined, 'common_password'],
  ['P@ssw0rd2024', undefined, 'common_password'],
  ['abababababab', undefined, 'common_password'],
  ['citizen-password-1', 'citizen', 'contains_login'],
  ['Chengxi-street-2026', 'street.admin', null],
  ['黔江区政府办公室2026', 'office', null],
  ['k3Rm9vQx2LpZ', 'office', null],
];

describe('password rules', () => {
  it.each(table)('%j (login %j) → %s', (password, login, expected) => {
    expect(passwordWeakness(password, login)).toBe(expected);
  });
});
