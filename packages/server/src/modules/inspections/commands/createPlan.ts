import { YearNotCoveredError } from '@qianxing/core/calendar';
import { PlanError, planInspections } from '@qianxing/core/schedule';
import type { ServiceContext } from '../../../context.js';
import { actor } from '../../../context.js';
import type { Db } from '../../../db/client.js';
import type { Tx } from '../../../db/transaction.js';
import { defineCommand } from '../../../kernel/command.js';
import type { Plan, PlanInput } from '../contracts-plans.js';
import { type PlanSettings, planInputFor, type Source, unplannedSources } from '../queries/plan-input.js';
import { getPlan } from '../queries/plans.js';
import {
  inspectionPlans,
  inspectionVisitSources,
  inspectionVisits,
  type UnplannedSource,
} from '../schema.js';
import { invalid } from './common.js';
import {
  holdPlanMaking,
  mayPlan,
  refuseBlockedMeanwhile,
  refuseOverlap,
  refusePlannedMeanwhile,
} from './plan-common.js';

export interface DraftPlan {
  settings: PlanSettings;
  visits: { id: string; firmId: string; date: string; inspectorIds: string[]; sources: Source[] }[];
  unplanned: UnplannedSource[];
  separateVisits: number;
  lowerBound: number;
}

/**
 * Plans the period's planned inspections with `@qianxing/core/schedule`: each firm's drawn
 * inspections merged into joint visits, each on one date with the union of the teams their draws
 * assigned, never another inspector (双随机 draws both); a drawn team that cannot go is left
 * unplanned with the reason and who (`only` narrows the
 * inspections planned, as the demo does for a week of a few firms). Nothing is written.
 */
export async function draftPlan(
  db: Db,
  settings: PlanSettings,
  only: (sources: Source[]) => Source[] = (s) => s,
): Promise<DraftPlan> {
  const sources = only(await unplannedSources(db, { start: settings.periodStart, end: settings.periodEnd }));
  if (sources.length === 0)
    throw invalid('periodStart', 'nothing_to_plan', 'no drawn inspection is due in the period and unplanned');
  const notCovered = () =>
    invalid('periodStart', 'period_not_covered', 'the official calendar does not cover the period');
  let plan: ReturnType<typeof planInspections>;
  try {
    // The period's working days come from the calendar: a year whose notice is not loaded yet
    // (a January planned in December) is refused with what to do, never planned on holidays.
    plan = planInspections(await planInputFor(db, settings, sources));
  } catch (error) {
    if (error instanceof PlanError || error instanceof YearNotCoveredError) throw notCovered();
    throw error;
  }
  const byKey = new Map(sources.map((s) => [s.key, s]));
  const visits = plan.visits.map((v) => ({
    id: crypto.randomUUID(),
    firmId: v.firm,
    date: v.date,
    inspectorIds: v.inspectors,
    sources: v.tasks.map((k) => byKey.get(k)!),
  }));
  const booked = visits.flatMap((v) => v.sources);
  return {
    settings,
    visits,
    unplanned: plan.unscheduled.map((u) => {
      const s = byKey.get(u.task)!;
      return {
        taskId: s.taskId,
        firmId: s.firmId,
        unitId: s.unitId,
        code: u.code,
        ...(u.inspectors ? { inspectorIds: u.inspectors } : {}),
      };
    }),
    separateVisits: new Set(booked.map((s) => `${s.taskId}/${s.firmId}`)).size,
    lowerBound: plan.summary.lowerBound,
  };
}

/** Writes a drafted plan: the plan, its visits and the sources each carries. */
export async function savePlan(
  tx: Tx,
  draft: DraftPlan,
  by: { userId: string | null; isDemo?: boolean },
): Promise<string> {
  const id = crypto.randomUUID();
  await tx.insert(inspectionPlans).values({
    id,
    ...draft.settings,
    status: 'draft',
    separateVisits: draft.separateVisits,
    lowerBound: draft.lowerBound,
    unplanned: draft.unplanned,
    createdBy: by.userId,
    isDemo: by.isDemo ?? false,
  });
  const visits = draft.visits.map((v) => ({
    id: v.id,
    planId: id,
    firmId: v.firmId,
    date: v.date,
    inspectorIds: v.inspectorIds,
  }));
  for (let i = 0; i < visits.length; i += 1000)
    await tx.insert(inspectionVisits).values(visits.slice(i, i + 1000));
  const sources = draft.visits.flatMap((v) =>
    v.sources.map((s) => ({
      visitId: v.id,
      taskId: s.taskId,
      firmId: s.firmId,
      unitId: s.unitId,
      itemIds: s.itemIds,
      hours: s.hours,
    })),
  );
  for (let i = 0; i < sources.length; i += 1000)
    await tx.insert(inspectionVisitSources).values(sources.slice(i, i + 1000));
  return id;
}

/**
 * Makes a draft joint-inspection plan (综合查一次) of a period from the drawn tasks due in it.
 * A planned inspection is planned once: those already in a plan are left out. Plans never
 * overlap, so that every drawn inspection of a firm due in a period is merged by one plan.
 */
const command = defineCommand({
  name: 'inspectionPlan.create',
  async load(ctx, input: PlanInput) {
    mayPlan(ctx);
    await refuseOverlap(ctx.db, input);
    return draftPlan(ctx.db, { ...input, inspectorsPerVisit: input.inspectorsPerVisit ?? 2 });
  },
  async write(tx, ctx, draft) {
    // Again in the transaction, once any plan being made beside it has committed: another plan
    // of these days, or one of a task running over both periods, may have been made meanwhile.
    await holdPlanMaking(tx);
    await refuseOverlap(tx, draft.settings);
    await refusePlannedMeanwhile(
      tx,
      draft.visits.flatMap((v) => v.sources),
    );
    await refuseBlockedMeanwhile(tx, draft.visits);
    const id = await savePlan(tx, draft, { userId: actor(ctx).userId });
    return {
      result: id,
      audit: {
        entityType: 'inspectionPlan',
        entityId: id,
        after: {
          period: [draft.settings.periodStart, draft.settings.periodEnd],
          visits: draft.visits.length,
          separateVisits: draft.separateVisits,
          lowerBound: draft.lowerBound,
          unplanned: draft.unplanned.length,
        },
      },
    };
  },
});

export async function createPlan(ctx: ServiceContext, input: PlanInput): Promise<Plan> {
  return getPlan(ctx, await command.run(ctx, input));
}
