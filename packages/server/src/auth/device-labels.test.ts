import { describe, expect, it } from 'vitest';
import { deviceTokensOf } from './device-cookie.js';
import { browserSummary, maskedAddress } from './device-labels.js';

describe('what a remembered device keeps of where and what it was', () => {
  it('masks an address to its network', () => {
    expect(maskedAddress('203.0.113.77')).toBe('203.0.113.*');
    expect(maskedAddress('::ffff:198.51.100.9')).toBe('198.51.100.*');
    expect(maskedAddress('2001:db8:74:1:5e1f::b7')).toBe('2001:db8:74:*');
    expect(maskedAddress(undefined)).toBe('');
  });

  it('says a browser in brief, or nothing', () => {
    expect(
      browserSummary(
        'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.50',
      ),
    ).toBe('WeChat, iOS');
    expect(
      browserSummary(
        'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
      ),
    ).toBe('Edge, Windows');
    expect(
      browserSummary(
        'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36',
      ),
    ).toBe('Chrome, Android');
    expect(browserSummary('curl/8.5.0')).toBe('');
  });

  it('reads only tokens of the shape it makes from the cookie, and no more than five', () => {
    const token = (c: string) => c.repeat(43);
    expect(deviceTokensOf(`${token('a')}.bad.${token('b')}`)).toEqual([token('a'), token('b')]);
    expect(deviceTokensOf(['a', 'b', 'c', 'd', 'e', 'f'].map(token).join('.'))).toHaveLength(5);
    expect(deviceTokensOf(undefined)).toEqual([]);
  });
});
