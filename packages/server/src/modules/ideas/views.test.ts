import { describe, expect, it } from 'vitest';
import { maskName } from './views.js';

describe('a suggester’s or commenter’s name as staff and readers see it', () => {
  it('keeps the family name of the name without the spaces around it', () => {
    expect(maskName(' 张三')).toBe('张*');
    expect(maskName('欧阳娜娜 ')).toBe('欧***');
    expect(maskName('\u3000李\u3000')).toBe('*');
  });

  it('shows no name for a name of spaces, or none', () => {
    expect(maskName('   ')).toBeNull();
    expect(maskName('')).toBeNull();
    expect(maskName(null)).toBeNull();
  });
});
