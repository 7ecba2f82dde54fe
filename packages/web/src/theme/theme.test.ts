import { theme as antdTheme } from 'antd';
import { describe, expect, it } from 'vitest';
import { themeFor } from './theme';

type Rgb = [number, number, number];

/** A CSS colour (#rgb, #rrggbb, rgb() or rgba()) as seen over `background`, alpha composited. */
function over(colour: string, background: Rgb): Rgb {
  if (colour.startsWith('#')) {
    const hex = colour.length === 4 ? [...colour.slice(1)].map((c) => c + c).join('') : colour.slice(1);
    return [0, 2, 4].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)) as Rgb;
  }
  const [r, g, b, a = 1] = colour.match(/[\d.]+/g)!.map(Number) as [number, number, number, number?];
  return [r, g, b].map((c, i) => c * a + background[i]! * (1 - a)) as Rgb;
}

const luminance = ([r, g, b]: Rgb) => {
  const [lr, lg, lb] = [r, g, b].map((c) => {
    const v = c / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
  return 0.2126 * lr + 0.7152 * lg + 0.0722 * lb;
};

/** WCAG 2.1 contrast ratio of a text colour on a background colour. */
function contrast(text: string, background: string): number {
  const bg = over(background, [255, 255, 255]);
  const [a, b] = [luminance(over(text, bg)), luminance(bg)];
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}

const token = antdTheme.getDesignToken(themeFor({ reducedMotion: false })) as unknown as Record<
  string,
  string
>;
const presets = [
  'red',
  'volcano',
  'orange',
  'gold',
  'yellow',
  'lime',
  'green',
  'cyan',
  'blue',
  'geekblue',
  'purple',
  'magenta',
];

describe('the theme keeps text at 4.5:1 or more (WCAG 2.1 AA)', () => {
  it.each([
    ['colorText', 'colorBgContainer'],
    ['colorTextSecondary', 'colorBgContainer'],
    ['colorTextTertiary', 'colorBgContainer'],
    ['colorTextDescription', 'colorBgContainer'],
    ['colorTextPlaceholder', 'colorBgContainer'],
    ['colorTextDescription', 'colorFillAlter'],
    ['colorTextTertiary', 'colorBgLayout'],
    ['colorLink', 'colorBgContainer'],
    ['colorPrimary', 'colorBgContainer'],
    ['colorPrimary', 'colorPrimaryBg'],
    ['colorTextLightSolid', 'colorPrimary'],
    ['colorSuccess', 'colorSuccessBg'],
    ['colorWarning', 'colorWarningBg'],
    ['colorError', 'colorErrorBg'],
    ['colorInfo', 'colorInfoBg'],
    ['colorSuccess', 'colorBgContainer'],
    ['colorWarning', 'colorBgContainer'],
    ['colorError', 'colorBgContainer'],
  ])('%s on %s', (text, background) => {
    expect(contrast(token[text]!, token[background]!)).toBeGreaterThanOrEqual(4.5);
  });

  it.each(presets)('a %s tag: its text on its tint', (hue) => {
    // Both names of the shade become one CSS variable; they must agree.
    expect(token[`${hue}-7`]).toBe(token[`${hue}7`]);
    expect(contrast(token[`${hue}7`]!, token[`${hue}1`]!)).toBeGreaterThanOrEqual(4.5);
  });

  it('the focus outline stands out from white at 3:1 or more (WCAG 2.1, 1.4.11)', () => {
    expect(contrast(token.colorPrimaryBorder!, token.colorBgContainer!)).toBeGreaterThanOrEqual(3);
    expect(Number(token.lineWidthFocus)).toBeGreaterThanOrEqual(2);
  });

  it('a switch’s chosen option stands out from its track, and its text reads (1.4.11, 1.4.3)', () => {
    const segmented = themeFor({ reducedMotion: false }).components?.Segmented ?? {};
    const chosen = String(segmented.itemSelectedBg);
    expect(contrast(chosen, token.colorBgLayout!)).toBeGreaterThanOrEqual(3);
    expect(contrast(String(segmented.itemSelectedColor), chosen)).toBeGreaterThanOrEqual(4.5);
  });

  it('motion follows the wish for less of it', () => {
    expect(themeFor({ reducedMotion: true }).token?.motion).toBe(false);
    expect(themeFor({ reducedMotion: false }).token?.motion).toBe(true);
  });
});
