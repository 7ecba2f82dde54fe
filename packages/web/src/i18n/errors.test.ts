import { describe, expect, it } from 'vitest';
import { errorCodes } from '../api/types';
import en from './en/errors.json';
import zh from './zh-CN/errors.json';

describe('error messages', () => {
  it('word every problem code of the API in both languages', () => {
    expect(Object.keys(zh).sort()).toEqual([...errorCodes].sort());
    expect(Object.keys(en).sort()).toEqual([...errorCodes].sort());
  });
});
