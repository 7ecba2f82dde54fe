import type { components } from '../../api/schema';

type S = components['schemas'];
export type InspectionItem = S['InspectionItem'];
export type Inspector = S['Inspector'];
export type FirmRisk = S['InspectionFirmRisk'];
export type InspectionTask = S['InspectionTask'];
export type PublicDraw = S['PublicInspectionDraw'];
export type PublicDrawNames = S['PublicInspectionDrawNames'];
export type RiskLevel = S['InspectionRiskLevel'];

export const riskLevels = ['high', 'medium', 'low'] as const;
export const riskColor: Record<RiskLevel, string> = { high: 'red', medium: 'orange', low: 'green' };
export const statusColor: Record<InspectionTask['status'], string> = {
  draft: 'default',
  announced: 'processing',
  drawn: 'success',
};
export const weekdays = [1, 2, 3, 4, 5, 6, 7] as const;

/** A timestamp as the reader's locale writes it. */
export const when = (iso: string | null | undefined) => (iso ? new Date(iso).toLocaleString() : '—');

export { useLoad } from '../../components/useLoad';
export type InspectionPlan = S['InspectionPlan'];
export type InspectionPlanBrief = S['InspectionPlanBrief'];
export type PlanVisit = S['InspectionPlanVisit'];
export type MyVisit = S['InspectionMyVisit'];
