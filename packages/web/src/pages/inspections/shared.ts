import type { components } from '../../api/schema';
import { momentInChina } from '../../components/dayInChina';

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

/** A timestamp as every page writes one (see momentInChina). */
export const when = (iso: string | null | undefined) => (iso ? momentInChina(iso) : '—');

export { useLoad } from '../../components/useLoad';
export type InspectionPlan = S['InspectionPlan'];
export type InspectionPlanBrief = S['InspectionPlanBrief'];
export type PlanVisit = S['InspectionPlanVisit'];
export type MyVisit = S['InspectionMyVisit'];
export type InspectionVisit = S['InspectionVisit'];
export type InspectionVisitBrief = S['InspectionVisitBrief'];
export type ChecklistItem = S['InspectionChecklistItem'];
export type Finding = S['InspectionFinding'];
export type FindingResult = S['InspectionFindingResult'];
export type FindingInput = S['InspectionFindingInput'];
export type VisitStatus = S['InspectionVisitStatus'];
export type VisitCheck = S['InspectionVisitCheck'];
export type VisitResult = S['InspectionVisitResult'];
export type VisitResultBrief = S['InspectionVisitResultBrief'];
export type InspectionRectification = S['InspectionRectification'];
export type InspectionFigureRow = S['InspectionFigureRow'];

export const findingResults = ['compliant', 'issue', 'not_applicable'] as const;
export const findingColor: Record<FindingResult, string> = {
  compliant: 'success',
  issue: 'error',
  not_applicable: 'default',
};
export const visitColor: Record<VisitStatus, string> = {
  planned: 'default',
  started: 'processing',
  completed: 'success',
};

/** Sends one file to an upload route of the API as a multipart form. */
export const fileForm = (file: File) => {
  const form = new FormData();
  form.set('file', file);
  return {
    body: form as unknown as { file?: string },
    bodySerializer: (b: unknown) => b as FormData,
  };
};
