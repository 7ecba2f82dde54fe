import type { EChartsCoreOption } from 'echarts/core';

/**
 * A chart without its grow-in animation for people who ask their system for less motion, as the
 * theme turns antd's off for them: ECharts animates every series for about a second by default.
 */
export const stillWhenAsked = (option: EChartsCoreOption, reducedMotion: boolean): EChartsCoreOption =>
  reducedMotion ? { ...option, animation: false } : option;
