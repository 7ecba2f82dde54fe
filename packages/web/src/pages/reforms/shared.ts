import type { TFunction } from 'i18next';
import type { components } from '../../api/schema';

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

/** 2026-11 → 2026年11月 in Chinese, 2026-11 in English. */
export const monthLabel = (t: TFunction, period: string) =>
  t('reforms.month', {
    year: period.slice(0, 4),
    month: String(Number(period.slice(5, 7))),
    mm: period.slice(5, 7),
  });

/** This month and the eleven before it, newest first: 2026-12, 2026-11, … */
export function recentMonths(now = new Date(), count = 12): string[] {
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const d = new Date(now.getFullYear(), now.getMonth() - i, 1);
    out.push(`${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`);
  }
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
