import type { ThemeConfig } from 'antd';

/**
 * The site's antd theme. Colours that carry text are chosen for a contrast of at least 4.5:1 on
 * white and on their own light backgrounds (WCAG 2.1 AA, 1.4.3), so that every page meets it
 * without styling page by page. antd's defaults do not: its links (#1677ff), secondary text
 * (45 % black), success green and warning gold fall between 2.1:1 and 3.6:1.
 */
export const brandRed = '#b3261e';
const linkBlue = '#0958d9';
/** The colour of keyboard focus outlines: 6.2:1 on white, kept in step with global.css. */
const focusBlue = linkBlue;

// Text on light tints: the tints stay antd's own, the text colours are the darker shades.
const statusColours = {
  colorInfo: linkBlue,
  colorLink: linkBlue,
  colorLinkHover: '#003eb3',
  colorLinkActive: '#002c8c',
  colorSuccess: '#237804',
  colorSuccessBg: '#f6ffed',
  colorSuccessBgHover: '#d9f7be',
  colorSuccessBorder: '#b7eb8f',
  colorSuccessBorderHover: '#95de64',
  colorWarning: '#ad4e00',
  colorWarningBg: '#fff7e6',
  colorWarningBgHover: '#ffe7ba',
  colorWarningBorder: '#ffd591',
  colorWarningBorderHover: '#ffc069',
  colorError: '#cf1322',
};

// Tags in preset colours write their text in shade 7 on shade 1; for the light hues shade 7 is too
// pale, so the text takes the first shade that reaches 4.5:1. antd keeps each shade under two
// names (`green7` and `green-7`) that become one CSS variable, so both are set.
const darkerShade7: Record<string, string> = {
  volcano: '#ad2102',
  orange: '#ad4e00',
  gold: '#874d00',
  yellow: '#876800',
  lime: '#3f6600',
  green: '#237804',
  cyan: '#006d75',
};
const presetTagText = Object.fromEntries(
  Object.entries(darkerShade7).flatMap(([hue, colour]) => [
    [`${hue}7`, colour],
    [`${hue}-7`, colour],
  ]),
);

// Secondary and descriptive text at 60 % black (5.7:1 on white, 5.2:1 on antd's grey #f5f5f5);
// placeholders a little lighter (56 %, 4.9:1) so they still read as hints.
const neutralText = {
  colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
  colorTextDescription: 'rgba(0, 0, 0, 0.6)',
  colorTextPlaceholder: 'rgba(0, 0, 0, 0.56)',
};

/** The theme; without motion for people who ask their system for less of it. */
export const themeFor = ({ reducedMotion }: { reducedMotion: boolean }): ThemeConfig => ({
  token: {
    colorPrimary: brandRed,
    borderRadius: 6,
    ...statusColours,
    ...presetTagText,
    ...neutralText,
    // Keyboard focus (WCAG 2.1, 2.4.7): a focused field turns its border brand red (6.5:1) inside a
    // 3 px ring; buttons, links, tabs and checkboxes get a 3 px outline in antd's
    // `colorPrimaryBorder`, which antd uses for little else, here the same blue as global.css.
    controlOutline: 'rgba(179, 38, 30, 0.5)',
    controlOutlineWidth: 3,
    lineWidthFocus: 3,
    colorPrimaryBorder: focusBlue,
    motion: !reducedMotion,
  },
  components: {
    // antd marks a switch's chosen option white on a 4 %-grey track (1.1:1), told apart by a
    // faint shadow only: the chosen one takes the brand red instead (WCAG 2.1, 1.4.11).
    Segmented: { itemSelectedBg: brandRed, itemSelectedColor: '#ffffff' },
  },
});

export const prefersReducedMotion = () =>
  typeof window !== 'undefined' && Boolean(window.matchMedia?.('(prefers-reduced-motion: reduce)').matches);
