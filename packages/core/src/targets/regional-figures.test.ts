import { describe, expect, it } from 'vitest';
import { isRegionalShare, regionalFigureBounds } from './regional-figures.js';

describe('the bounds of a regional figure', () => {
  it('holds a sector’s share of the GDP between 0 and 100', () => {
    expect(isRegionalShare('Gdpct02', '%')).toBe(true);
    expect(regionalFigureBounds('Gdpct04', '%')).toEqual({ min: 0, max: 100 });
  });

  it('lets a growth rate or an amount be any figure within a billion either way', () => {
    expect(isRegionalShare('GDPYoY', '%')).toBe(false);
    expect(regionalFigureBounds('GDPYoY', '%')).toEqual({ min: -1e9, max: 1e9 });
    expect(regionalFigureBounds('Gdpct01', '亿元')).toEqual({ min: -1e9, max: 1e9 });
  });
});
