import type { TFunction } from 'i18next';
import type { components } from '../../api/schema';
import { dayInChina } from '../../components/dayInChina';

type S = components['schemas'];
export type Indicator = S['Indicator'];
export type Region = S['Region'];
export type Plan = S['Plan'];
export type PlanItem = S['PlanItem'];
export type PlanSummary = S['PlanSummary'];
export type Report = S['Report'];
export type ReportSummary = S['ReportSummary'];
export type Scorecard = S['Scorecard'];
export type ScorecardSummary = S['ScorecardSummary'];
export type ScorecardUnit = S['ScorecardUnit'];
export type PublicScorecard = S['PublicScorecard'];
export type RegionalReport = S['RegionalReport'];

/** What names an indicator on a form: code, name and unit of measure. */
export interface IndicatorLabel {
  code: string;
  name: string;
  measure: string;
}

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const statusColor: Record<string, string> = {
  draft: 'default',
  submitted: 'processing',
  approved: 'success',
  returned: 'error',
  published: 'success',
};
export const tierColor: Record<string, string> = { advanced: 'green', standard: 'blue', rectify: 'red' };

/** The current quarter in China and the ones before it, newest first: 2026Q4, 2026Q3, … */
export function recentQuarters(now = new Date(), count = 6): string[] {
  const [thisYear, month] = dayInChina(now.toISOString()).split('-').map(Number) as [number, number];
  let year = thisYear;
  let q = Math.floor((month - 1) / 3) + 1;
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    out.push(`${year}Q${q}`);
    q -= 1;
    if (q === 0) {
      q = 4;
      year -= 1;
    }
  }
  return out;
}

/** 2026Q3 → 2026年第3季度 (in the current language). */
export function quarterLabel(t: TFunction, quarter: string): string {
  return t('targets.quarter', { year: quarter.slice(0, 4), q: quarter.slice(5) });
}

import { useLoad } from '../../components/useLoad';

export { useLoad };

const quarterEnds = ['03-31', '06-30', '09-30', '12-31'] as const;
/** 2026Q4 → 2026-12-31, the quarter's last day. */
export const quarterEndDay = (quarter: string): string =>
  `${quarter.slice(0, 4)}-${quarterEnds[Number(quarter.slice(5)) - 1]}`;

/** Whether the quarter is over in China; its report is submitted from the next day on (as the server checks). */
export const quarterOver = (period: string, now = new Date()) =>
  dayInChina(now.toISOString()) > quarterEndDay(period);

/** How many units a scorecard ranks, over all its groups: one ranking none is not published. */
export const rankedCount = (card: Pick<Scorecard, 'result'>): number =>
  card.result.categories.reduce((n, c) => n + c.units.length, 0);

/**
 * A published score as the leaderboard and the console show it: two decimals (the scorecard
 * rounds to two), in the reader's number format: 100 → 100.00, 84.4 → 84.40.
 */
export const scoreText = (score: number, language: string): string =>
  score.toLocaleString(language, { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: false });
