import type { TFunction } from 'i18next';
import type { components } from '../../api/schema';
import { dayInChina } from '../../components/dayInChina';

type S = components['schemas'];
export type ReformList = S['ReformList'];
export type ReformProject = S['ReformProject'];
export type ReformProjectSummary = S['ReformProjectSummary'];
export type ReformReport = S['ReformReport'];
export type ReformReportSummary = S['ReformReportSummary'];
export type ReformLateReport = S['ReformLateReport'];
export type ReformProjectStatus = S['ReformProjectStatus'];
export type PublicReformSummary = S['PublicReformSummary'];
export type PublicReformProjectItem = S['PublicReformProjectItem'];
export type PublicReformProject = S['PublicReformProject'];

export const projectSources = ['national', 'municipal', 'local'] as const;
export const pilotLevels = ['national', 'municipal'] as const;
export const pilotStatuses = ['applying', 'underway', 'accepted', 'closed'] as const;
export const projectStatuses = ['not_started', 'on_track', 'behind', 'completed'] as const;

export const statusColor: Record<ReformProjectStatus, string> = {
  not_started: 'default',
  on_track: 'processing',
  behind: 'error',
  completed: 'success',
};
export const reportColor: Record<string, string> = {
  draft: 'default',
  submitted: 'processing',
  approved: 'success',
  returned: 'error',
};
/** The progress bar's colour: red behind, green done, blue otherwise. */
export const progressColor = (status: ReformProjectStatus) =>
  status === 'behind' ? '#cf1322' : status === 'completed' ? '#389e0d' : '#1677ff';

/** 0..1 as a percentage with one decimal: 0.625 → 62.5. */
export const percent = (share: number) => Math.round(share * 1000) / 10;

/**
 * 2026-11 → 2026年11月 in Chinese, November 2026 in English: through the i18n month formatter,
 * as the notices word it, never the bare YYYY-MM.
 */
export const monthLabel = (t: TFunction, period: string) => t('reforms.month', { period });

/** The month before YYYY-MM. */
function previousMonth(period: string): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/**
 * The months a project's report may be written for, newest first: those that have ended by
 * China's calendar (a report is written after its month), within the project, every one back to
 * its start so a missed month can still be filed.
 */
export function reportableMonths(startDate: string, endDate: string, now = new Date()): string[] {
  const ended = previousMonth(dayInChina(now.toISOString()).slice(0, 7));
  const last = endDate.slice(0, 7);
  const first = startDate.slice(0, 7);
  const out: string[] = [];
  // The earlier of the two (YYYY-MM strings sort as months do).
  for (let m = [last, ended].sort()[0]!; m >= first; m = previousMonth(m)) out.push(m);
  return out;
}

export { useLoad } from '../../components/useLoad';

export type ReformBattle = S['ReformBattle'];
export type ReformBattleList = S['ReformBattleList'];
export type ReformPlan = S['ReformPlan'];
export type PublicReformBattles = S['PublicReformBattles'];
export type ReformPlanStep = S['ReformPlanStep'];
export type ReformCase = S['ReformCase'];
export type PublicReformCase = S['PublicReformCase'];
export const planSteps = ['rise', 'momentum', 'victory'] as const;
