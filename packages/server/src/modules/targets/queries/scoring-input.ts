import type { ScorecardInput } from '@qianxing/core/scoring';
import { and, eq, inArray, lte } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import type { Unit } from '../../units/api.js';
import {
  targetBenchmarks,
  targetIndicators,
  targetPlanItems,
  targetPlans,
  targetReports,
  targetReportValues,
} from '../schema.js';
import { splitQuarter, unitCategory } from './lookup.js';
import { newestPeerValues, peerPeriodsUpTo } from './peer-values.js';

/** Reports that count: submitted (awaiting review) or approved; a returned one does not. */
export const countedReportStatuses = ['submitted', 'approved'] as const;

/** Why a unit with an approved plan is left out of a quarter's ranking. */
export type UnreportedStatus = 'not_submitted' | 'returned';

export interface QuarterData {
  /** Only units whose report counts are scored: a missing report is not a score of zero. */
  input: ScorecardInput;
  late: Set<string>;
  /** When each scored unit's report was submitted (ISO), a key of the tie break. */
  submittedAt: Map<string, string | null>;
  /** Units with an approved plan and no counted report, by reason. */
  unreported: Map<string, UnreportedStatus>;
}

/** The chosen peer regions' benchmark of each indicator for the quarter. */
async function peerBenchmarks(db: Db, regionIds: string[], quarter: string) {
  if (regionIds.length === 0) return new Map<string, number>();
  const peers = await db
    .select()
    .from(targetBenchmarks)
    .where(
      and(
        inArray(targetBenchmarks.regionId, regionIds),
        lte(targetBenchmarks.period, peerPeriodsUpTo(quarter)),
      ),
    );
  return newestPeerValues(peers, quarter);
}

/**
 * Which planned units have no counted report: `returned` when the quarter's report was sent
 * back, `not_submitted` when there is none or it is still a draft.
 */
export function unreportedUnits(
  plannedUnits: Iterable<string>,
  reports: Array<{ unitId: string; status: string }>,
): Map<string, UnreportedStatus> {
  const status = new Map(reports.map((r) => [r.unitId, r.status]));
  const out = new Map<string, UnreportedStatus>();
  for (const unitId of plannedUnits) {
    const s = status.get(unitId);
    if (s === 'submitted' || s === 'approved') continue;
    out.set(unitId, s === 'returned' ? 'returned' : 'not_submitted');
  }
  return out;
}

/** Every report of the quarter on these plans, whatever its status. */
async function quarterReports(db: Db, planIds: string[], period: string) {
  if (!planIds.length) return [];
  return db
    .select({
      id: targetReports.id,
      planId: targetReports.planId,
      unitId: targetReports.unitId,
      late: targetReports.late,
      status: targetReports.status,
      submittedAt: targetReports.submittedAt,
    })
    .from(targetReports)
    .where(and(inArray(targetReports.planId, planIds), eq(targetReports.period, period)));
}

/**
 * Loads one quarter in five queries: approved plans of the year and their items, the
 * quarter's reports (all statuses, to tell returned from missing) and the counted ones' values
 * (those of planned indicators), the directions, and the benchmark values the items point at.
 * Each item's target is its milestone for the quarter.
 */
export async function loadQuarter(db: Db, period: string, units: Map<string, Unit>): Promise<QuarterData> {
  const { year, quarter } = splitQuarter(period);
  const plans = await db
    .select({ id: targetPlans.id, unitId: targetPlans.unitId })
    .from(targetPlans)
    .where(and(eq(targetPlans.year, year), eq(targetPlans.status, 'approved')));
  const planIds = plans.map((p) => p.id);
  const unitOfPlan = new Map(plans.map((p) => [p.id, p.unitId]));
  const allReports = await quarterReports(db, planIds, period);
  const counted: readonly string[] = countedReportStatuses;
  const reports = allReports.filter((r) => counted.includes(r.status));
  const unreported = unreportedUnits(
    plans.map((p) => p.unitId),
    allReports,
  );
  const scoredPlans = plans.filter((p) => !unreported.has(p.unitId));
  const scoredPlanIds = scoredPlans.map((p) => p.id);
  const items = scoredPlanIds.length
    ? await db.select().from(targetPlanItems).where(inArray(targetPlanItems.planId, scoredPlanIds))
    : [];
  const unitOfReport = new Map(reports.map((r) => [r.id, r.unitId]));
  const planOfReport = new Map(reports.map((r) => [r.id, r.planId]));
  // A value of an indicator the plan no longer lists (dropped in a revision) is no part of the
  // report: it is not scored, as the report does not show it.
  const planned = new Set(items.map((i) => `${i.planId}/${i.indicatorId}`));
  const stored = reports.length
    ? await db
        .select()
        .from(targetReportValues)
        .where(
          inArray(
            targetReportValues.reportId,
            reports.map((r) => r.id),
          ),
        )
    : [];
  const values = stored.filter((v) => planned.has(`${planOfReport.get(v.reportId)}/${v.indicatorId}`));
  const indicatorIds = [...new Set(items.map((i) => i.indicatorId))];
  const indicators = indicatorIds.length
    ? await db
        .select({ id: targetIndicators.id, direction: targetIndicators.direction })
        .from(targetIndicators)
        .where(inArray(targetIndicators.id, indicatorIds))
    : [];
  const regionIds = [...new Set(items.flatMap((i) => (i.benchmarkRegionId ? [i.benchmarkRegionId] : [])))];
  const peerValue = await peerBenchmarks(db, regionIds, period);
  const q = quarter - 1;
  return {
    input: {
      indicators,
      units: scoredPlans.map((p) => ({
        id: p.unitId,
        category: unitCategory(units.get(p.unitId)?.kind ?? 'other'),
      })),
      // An approved plan was complete when submitted; a blank figure (none should be) is not scored.
      plans: items.flatMap((i) => {
        const target = [i.targetQ1, i.targetQ2, i.targetQ3, i.targetQ4][q] ?? null;
        if (i.base === null || target === null) return [];
        const benchmark =
          i.benchmarkValue ??
          (i.benchmarkRegionId ? peerValue.get(`${i.benchmarkRegionId}/${i.indicatorId}`) : undefined);
        return [
          {
            unitId: unitOfPlan.get(i.planId)!,
            indicatorId: i.indicatorId,
            base: i.base,
            target,
            weight: i.weight ?? 1,
            ...(benchmark === undefined ? {} : { benchmark }),
          },
        ];
      }),
      quarters: [
        {
          quarter: period,
          actuals: values.map((v) => ({
            unitId: unitOfReport.get(v.reportId)!,
            indicatorId: v.indicatorId,
            value: v.value,
          })),
        },
      ],
    },
    late: new Set(reports.filter((r) => r.late).map((r) => r.unitId)),
    submittedAt: new Map(reports.map((r) => [r.unitId, r.submittedAt?.toISOString() ?? null])),
    unreported,
  };
}
