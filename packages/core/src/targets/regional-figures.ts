import { limits } from '../limits/index.js';

/**
 * Whether a regional indicator is a share of a whole in percent (a sector's share of the GDP),
 * which lies between 0 and 100; a growth rate, also in percent, may be negative or pass 100.
 */
export const isRegionalShare = (metric: string, measure: string): boolean =>
  measure === '%' && !metric.endsWith('YoY');

/** The bounds of a figure the office enters for an indicator of the regional comparison. */
export const regionalFigureBounds = (metric: string, measure: string): { min: number; max: number } =>
  isRegionalShare(metric, measure) ? limits.regionalShare : limits.regionalFigure;
