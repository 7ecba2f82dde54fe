import { and, arrayOverlaps, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import type { Db } from '../../../db/client.js';
import { forbidden } from '../../../errors.js';
import { listAttachments } from '../../../kernel/attachments.js';
import { dueState, provisionalYear, todayInChina, workdaysLeft } from '../../../kernel/deadlines.js';
import { availableSteps } from '../../../kernel/workflow.js';
import { firmsByIds } from '../../business/api.js';
import { unitsByIds } from '../../units/api.js';
import { accountsByIds } from '../../users/api.js';
import {
  type LoadedVisit,
  photoOwner,
  readableVisit,
  rectificationOwner,
  type VisitRow,
  visitWorkflow,
} from '../commands/visit-common.js';
import type { Finding, Visit, VisitBrief } from '../contracts-visits.js';
import { canInspect, mayEverInspect } from '../policy.js';
import { rectificationStage } from '../rectification-stage.js';
import {
  inspectionFindings,
  inspectionInspectors,
  inspectionItems,
  inspectionPlans,
  inspectionVisitMoves,
  inspectionVisitRatings,
  inspectionVisitSources,
  inspectionVisits,
} from '../schema.js';
import { peopleOfVisitNow } from './photo-names.js';
import { forVerifier } from './verifier-visit.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The team by name and department, in the visit's order (no phone, no login). */
export async function teamOf(db: Db, inspectorIds: readonly string[]) {
  if (inspectorIds.length === 0) return [];
  const rows = await db
    .select()
    .from(inspectionInspectors)
    .where(inArray(inspectionInspectors.id, [...inspectorIds]));
  const [accounts, units] = await Promise.all([
    accountsByIds(
      db,
      rows.map((r) => r.userId),
    ),
    unitsByIds(
      db,
      rows.map((r) => r.unitId),
    ),
  ]);
  const of = new Map(rows.map((r) => [r.id, r]));
  return inspectorIds.flatMap((id) => {
    const p = of.get(id);
    return p
      ? [{ name: accounts.get(p.userId)?.displayName ?? '', unit: units.get(p.unitId)?.name ?? '' }]
      : [];
  });
}

/** A visit's items with their departments and legal basis, in the order of their codes. */
export async function itemsOfVisits(db: Db, visitIds: readonly string[]) {
  const sources = visitIds.length
    ? await db
        .select({ visitId: inspectionVisitSources.visitId, itemIds: inspectionVisitSources.itemIds })
        .from(inspectionVisitSources)
        .where(inArray(inspectionVisitSources.visitId, [...visitIds]))
    : [];
  const itemIds = [...new Set(sources.flatMap((s) => s.itemIds))];
  const items = itemIds.length
    ? await db
        .select()
        .from(inspectionItems)
        .where(inArray(inspectionItems.id, itemIds))
        .orderBy(asc(inspectionItems.code))
    : [];
  const units = await unitsByIds(
    db,
    items.map((i) => i.unitId),
  );
  const byVisit = new Map<string, Set<string>>();
  for (const s of sources) byVisit.set(s.visitId, new Set([...(byVisit.get(s.visitId) ?? []), ...s.itemIds]));
  return (visitId: string) =>
    items
      .filter((i) => byVisit.get(visitId)?.has(i.id))
      .map((i) => ({
        id: i.id,
        name: i.name,
        unit: units.get(i.unitId)?.name ?? '',
        legalBasis: i.legalBasis,
      }));
}

/**
 * Follow-up of an issue's due date while its rectification is open: the working days left, overdue
 * past its due day, provisional while counted through a year not loaded; nothing while the firm's
 * report awaits verification or once accepted. A returned one is open again on its due date.
 */
export function openDue(f: { dueDate: string | null; rectifiedAt: Date | null }, today: string) {
  const open = f.dueDate && !f.rectifiedAt ? f.dueDate : null;
  return {
    workdaysLeft: open ? workdaysLeft(today, open) : null,
    overdue: open ? dueState(open, today, 0) === 'overdue' : false,
    dueProvisional: open ? provisionalYear(today, open) : null,
  };
}

export async function findingView(db: Db, f: typeof inspectionFindings.$inferSelect): Promise<Finding> {
  const [photos, rectificationPhotos] = await Promise.all([
    listAttachments(db, photoOwner(f.id)),
    listAttachments(db, rectificationOwner(f.id)),
  ]);
  return {
    id: f.id,
    result: f.result,
    note: f.note,
    requirement: f.requirement,
    deadlineDays: f.deadlineDays,
    dueDate: f.dueDate,
    ...openDue(f, todayInChina()),
    photos,
    stage: rectificationStage(f),
    rectifiedAt: iso(f.rectifiedAt),
    rectificationNote: f.rectificationNote,
    rectificationPhotos,
    verifiedAt: iso(f.verifiedAt),
    returnedAt: iso(f.returnedAt),
    returnReason: f.returnReason,
  };
}

/** A visit with its team, checklist, findings and photos; what the caller may do is decided outside. */
export async function visitDetail(db: Db, v: VisitRow): Promise<Omit<Visit, 'allowed'>> {
  const [team, itemsOf, findings, firms, [rating], moves] = await Promise.all([
    teamOf(db, v.inspectorIds),
    itemsOfVisits(db, [v.id]),
    db.select().from(inspectionFindings).where(eq(inspectionFindings.visitId, v.id)),
    firmsByIds(db, [v.firmId]),
    db.select().from(inspectionVisitRatings).where(eq(inspectionVisitRatings.visitId, v.id)),
    db
      .select()
      .from(inspectionVisitMoves)
      .where(eq(inspectionVisitMoves.visitId, v.id))
      .orderBy(asc(inspectionVisitMoves.createdAt), asc(inspectionVisitMoves.id)),
  ]);
  const items = itemsOf(v.id);
  const findingOf = new Map(findings.map((f) => [f.itemId, f]));
  return {
    id: v.id,
    date: v.date,
    firm: { id: v.firmId, name: firms.get(v.firmId)?.name ?? '' },
    status: v.status,
    code: v.code,
    team,
    departments: [...new Set(items.map((i) => i.unit))],
    items: await Promise.all(
      items.map(async (i) => {
        const f = findingOf.get(i.id);
        return { ...i, finding: f ? await findingView(db, f) : null };
      }),
    ),
    startedAt: iso(v.startedAt),
    completedAt: iso(v.completedAt),
    rating: rating
      ? { score: rating.score, comment: rating.comment, at: rating.createdAt.toISOString() }
      : null,
    moves: moves.map((m) => ({
      from: m.fromDate,
      to: m.toDate,
      reason: m.reason,
      at: m.createdAt.toISOString(),
    })),
  };
}

/** The steps the caller may take on the visit now: the team's, and the office's reschedule. */
export const teamSteps = (ctx: ServiceContext, loaded: LoadedVisit): Visit['allowed'] => [
  ...availableSteps(visitWorkflow, loaded.visit.status, () =>
    canInspect(ctx.principal, 'visit.record', loaded.resource),
  ),
  ...(loaded.visit.status === 'planned' && canInspect(ctx.principal, 'visit.reschedule', loaded.resource)
    ? ['reschedule' as const]
    : []),
];

/**
 * One visit for its team (with the steps they may take), the district office or a supervisor; a
 * completed one also for the verifiers of its issues, their items alone and masked.
 */
export async function getVisit(ctx: ServiceContext, id: string): Promise<Visit> {
  const loaded = await readableVisit(ctx, id);
  const detail = await visitDetail(ctx.db, loaded.visit);
  if (loaded.verifying)
    return forVerifier(detail, loaded.verifying, await peopleOfVisitNow(ctx.db, loaded.visit));
  return { ...detail, allowed: teamSteps(ctx, loaded) };
}

/**
 * The visits of published plans whose team the caller is on (an inspector's phone): those not
 * completed first by date, then the completed ones, latest first. Staff who inspect nothing have none.
 */
export async function myInspections(ctx: ServiceContext): Promise<VisitBrief[]> {
  if (!mayEverInspect(ctx.principal, 'visit.inspect')) throw forbidden();
  const mine = await ctx.db
    .select({ id: inspectionInspectors.id })
    .from(inspectionInspectors)
    .where(eq(inspectionInspectors.userId, ctx.principal!.userId));
  if (mine.length === 0) return [];
  const rows = await ctx.db
    .select({ visit: inspectionVisits })
    .from(inspectionVisits)
    .innerJoin(inspectionPlans, eq(inspectionPlans.id, inspectionVisits.planId))
    .where(
      and(
        eq(inspectionPlans.status, 'published'),
        arrayOverlaps(
          inspectionVisits.inspectorIds,
          mine.map((m) => m.id),
        ),
      ),
    )
    .orderBy(
      sql`${inspectionVisits.status} = 'completed'`,
      asc(inspectionVisits.date),
      desc(inspectionVisits.id),
    )
    .limit(200);
  const visits = rows.map((r) => r.visit);
  return (await briefs(ctx.db, visits)).map((b) => ({
    ...b,
    allowed: availableSteps(visitWorkflow, b.status, () => true),
  }));
}

export async function briefs(db: Db, visits: VisitRow[]): Promise<Array<VisitBrief>> {
  const ids = visits.map((v) => v.id);
  const [itemsOf, firms, counts] = await Promise.all([
    itemsOfVisits(db, ids),
    firmsByIds(
      db,
      visits.map((v) => v.firmId),
    ),
    ids.length
      ? db
          .select({ visitId: inspectionFindings.visitId, n: sql<number>`count(*)::int` })
          .from(inspectionFindings)
          .where(inArray(inspectionFindings.visitId, ids))
          .groupBy(inspectionFindings.visitId)
      : [],
  ]);
  const recorded = new Map(counts.map((c) => [c.visitId, c.n]));
  return visits.map((v) => {
    const items = itemsOf(v.id);
    return {
      id: v.id,
      date: v.date,
      firm: { id: v.firmId, name: firms.get(v.firmId)?.name ?? '' },
      status: v.status,
      departments: [...new Set(items.map((i) => i.unit))],
      itemCount: items.length,
      recorded: recorded.get(v.id) ?? 0,
      startedAt: iso(v.startedAt),
      completedAt: iso(v.completedAt),
      allowed: [],
    };
  });
}
