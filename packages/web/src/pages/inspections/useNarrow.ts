import { Grid } from 'antd';

/**
 * Whether the screen is a phone's (under 768 px): the plan pages then show cards and short
 * tables whose rows open to their details, never a page wider than the screen. A screen whose
 * width is not known yet (no media query has answered) counts as wide.
 */
export function useNarrow(): boolean {
  const screens = Grid.useBreakpoint();
  return Boolean(screens.xs || (screens.sm && !screens.md));
}
