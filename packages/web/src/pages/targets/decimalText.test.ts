import { describe, expect, it } from 'vitest';
import { readDecimal } from './decimalText';

const value = (text: string) => {
  const read = readDecimal(text);
  return read.kind === 'number' ? read.value : read.kind;
};

describe('a figure typed with a comma', () => {
  it('reads a decimal comma as a decimal point, never as a thousands separator', () => {
    expect(value('12,5')).toBe(12.5);
    expect(value('12,50')).toBe(12.5);
    expect(value('0,125')).toBe(0.125);
    expect(value('-3,5')).toBe(-3.5);
    expect(value('1234,5')).toBe(1234.5);
    expect(value('１２，５')).toBe(12.5);
  });

  it('reads thousands separators where nothing else fits', () => {
    expect(value('1,234,567')).toBe(1234567);
    expect(value('1,234.5')).toBe(1234.5);
    expect(value('12.5')).toBe(12.5);
    expect(value('12。5')).toBe(12.5);
  });

  it('refuses a lone comma before three digits, which could be either, naming both readings', () => {
    expect(readDecimal('1,234')).toEqual({ kind: 'ambiguous', thousands: '1234', decimal: '1.234' });
  });

  it('waits while a figure is being typed, and refuses what is no figure', () => {
    expect(value('12,')).toBe('partial');
    expect(value('-')).toBe('partial');
    expect(value('')).toBe('empty');
    expect(value('12,34,5')).toBe('invalid');
    expect(value('1,2.5')).toBe('invalid');
    expect(value('abc')).toBe('invalid');
  });
});
