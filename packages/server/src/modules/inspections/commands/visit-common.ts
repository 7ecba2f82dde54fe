import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import type { Db } from '../../../db/client.js';
import type { Tx } from '../../../db/transaction.js';
import { AppError, forbidden, notFound } from '../../../errors.js';
import { fileKinds } from '../../../files/store.js';
import { type AttachmentRules, fileNameMaskedForAudit, type Owner } from '../../../kernel/attachments.js';
import { checkTransition, defineWorkflow } from '../../../kernel/workflow.js';
import { firmOfMember } from '../../business/api.js';
import { accountsByIds } from '../../users/api.js';
import { canInspect, type InspectionResource, mayEverInspect } from '../policy.js';
import {
  inspectionFindings,
  inspectionInspectors,
  inspectionPlans,
  inspectionVisitSources,
  inspectionVisits,
  type VisitStatus,
  visitStatuses,
} from '../schema.js';
import { itemsToVerify } from './verifier-scope.js';
import { onDuty } from './visit-rules.js';

export type VisitRow = typeof inspectionVisits.$inferSelect;
export type FindingRow = typeof inspectionFindings.$inferSelect;

/** A visit's states: planned until its team starts it on the day, then completed once, for good. */
export const visitWorkflow = defineWorkflow({
  name: 'visit',
  entity: 'inspectionVisit',
  states: visitStatuses,
  transitions: {
    start: { from: ['planned'], to: 'started' },
    record: { from: ['started'], to: 'started' },
    complete: { from: ['started'], to: 'completed' },
  },
});
export type VisitStep = keyof typeof visitWorkflow.transitions;

export interface LoadedVisit {
  visit: VisitRow;
  /** The accounts of the team's inspectors. */
  team: string[];
  resource: InspectionResource;
  /**
   * For a reader who is not on the team nor the office's but verifies some of its items'
   * rectifications: those items, the only ones they read.
   */
  verifying?: string[];
}

/** The accounts of these inspectors, in the order given. */
export async function accountsOfInspectors(db: Db, inspectorIds: readonly string[]): Promise<string[]> {
  if (inspectorIds.length === 0) return [];
  const rows = await db
    .select({ id: inspectionInspectors.id, userId: inspectionInspectors.userId })
    .from(inspectionInspectors)
    .where(inArray(inspectionInspectors.id, [...inspectorIds]));
  const of = new Map(rows.map((r) => [r.id, r.userId]));
  return inspectorIds.flatMap((id) => of.get(id) ?? []);
}

/** A visit of a published plan (a draft's visits are not fixed yet), with its team; else NOT_FOUND. */
export async function loadVisit(ctx: ServiceContext, id: string): Promise<LoadedVisit> {
  const [row] = await ctx.db
    .select({ visit: inspectionVisits })
    .from(inspectionVisits)
    .innerJoin(inspectionPlans, eq(inspectionPlans.id, inspectionVisits.planId))
    .where(and(eq(inspectionVisits.id, id), eq(inspectionPlans.status, 'published')));
  if (!row) throw notFound('visit');
  const team = await accountsOfInspectors(ctx.db, row.visit.inspectorIds);
  let ownFirm = false;
  if (ctx.principal && canInspect(ctx.principal, 'visit.mine'))
    ownFirm = (await firmOfMember(ctx.db, ctx.principal.userId)) === row.visit.firmId;
  return { visit: row.visit, team, resource: { unitPaths: [], status: row.visit.status, team, ownFirm } };
}

/**
 * A visit the caller may read (its team, the district office, supervisors), or, once completed,
 * the staff of a department that verifies the rectification of one of its issues, for those
 * items only (`verifying`); NOT_FOUND to others.
 */
export async function readableVisit(ctx: ServiceContext, id: string): Promise<LoadedVisit> {
  if (!mayEverInspect(ctx.principal, 'visit.read') && !mayEverInspect(ctx.principal, 'visit.inspect'))
    throw forbidden();
  const loaded = await loadVisit(ctx, id);
  if (canInspect(ctx.principal, 'visit.read', loaded.resource)) return loaded;
  const verifying = loaded.visit.status === 'completed' ? await itemsToVerify(ctx, id) : [];
  if (verifying.length === 0) throw notFound('visit');
  return { ...loaded, verifying };
}

/**
 * A visit the caller's team may take `step` on: refused before any lookup unless the caller is
 * a department's staff, NOT_FOUND unless they are on its team, and INVALID_STATE from a state the
 * step does not start from (a completed visit is never edited again).
 */
export async function teamVisit(ctx: ServiceContext, id: string, step: VisitStep): Promise<LoadedVisit> {
  if (!mayEverInspect(ctx.principal, 'visit.inspect')) throw forbidden();
  const loaded = await loadVisit(ctx, id);
  if (!canInspect(ctx.principal, 'visit.record', loaded.resource)) throw notFound('visit');
  await refuseOffDutyMember(ctx.db, loaded.visit, ctx.principal!.userId);
  checkTransition(visitWorkflow, step, loaded.visit.status, () => true);
  return loaded;
}

/**
 * Refuses a member of the team taken off duty since the plan was published (out of the pools):
 * the draw named them to inspect, and a record they made off duty would not stand.
 */
async function refuseOffDutyMember(db: Db, visit: VisitRow, userId: string, hold = false): Promise<void> {
  const query = db
    .select()
    .from(inspectionInspectors)
    .where(
      and(eq(inspectionInspectors.userId, userId), inArray(inspectionInspectors.id, visit.inspectorIds)),
    );
  const mine = hold ? await query.for('share') : await query;
  const accounts = await accountsByIds(db, [userId], hold);
  if (!mine.some((p) => onDuty(p, accounts)))
    throw new AppError('FORBIDDEN', 'the inspector is not on duty', [
      { path: 'visitId', message: 'not on duty', code: 'not_on_duty' },
    ]);
}

/**
 * The same check inside a step's transaction, holding the caller's inspector row and account:
 * taken off duty or disabled between the first check and the write, the member is refused, or
 * the change waits for the step to commit.
 */
export const holdOnDuty = (tx: Db, visit: VisitRow, userId: string): Promise<void> =>
  refuseOffDutyMember(tx, visit, userId, true);

/**
 * In the write's transaction: touches the visit only while it is still in one of `from`, which
 * locks its row until commit, so a finding and the completion cannot both win a race.
 */
export async function holdVisit(tx: Tx, id: string, from: readonly VisitStatus[]): Promise<void> {
  const held = await tx
    .update(inspectionVisits)
    .set({ updatedAt: new Date() })
    .where(and(eq(inspectionVisits.id, id), inArray(inspectionVisits.status, [...from])))
    .returning({ id: inspectionVisits.id });
  if (held.length === 0)
    throw new AppError('INVALID_STATE', 'the visit changed meanwhile', [
      { path: 'status', message: 'the visit changed meanwhile', code: 'moved_meanwhile' },
    ]);
}

/** The firm confirmed the rectification: its photos stay as confirmed. */
export const rectificationConfirmed = () =>
  new AppError('INVALID_STATE', 'the rectification is confirmed', [
    { path: 'findingId', message: 'the rectification is confirmed', code: 'already_confirmed' },
  ]);

/**
 * In the write's transaction: locks an issue's finding while its rectification is unconfirmed,
 * so a rectification photo cannot land after the firm confirmed it.
 */
export async function holdOpenIssue(tx: Tx, findingId: string): Promise<void> {
  const held = await tx
    .select({ id: inspectionFindings.id })
    .from(inspectionFindings)
    .where(and(eq(inspectionFindings.id, findingId), isNull(inspectionFindings.rectifiedAt)))
    .for('update');
  if (held.length === 0) throw rectificationConfirmed();
}

/** The items a visit checks: every item of the planned inspections it carries. */
export async function visitItemIds(db: Db, visitId: string): Promise<string[]> {
  const rows = await db
    .select({ itemIds: inspectionVisitSources.itemIds })
    .from(inspectionVisitSources)
    .where(eq(inspectionVisitSources.visitId, visitId));
  return [...new Set(rows.flatMap((r) => r.itemIds))];
}

/** A firm's completed visit for its own staff; NOT_FOUND to another firm's and before completion. */
export async function firmVisit(ctx: ServiceContext, id: string): Promise<LoadedVisit> {
  if (!mayEverInspect(ctx.principal, 'visit.mine')) throw forbidden();
  const loaded = await loadVisit(ctx, id);
  if (!canInspect(ctx.principal, 'visit.result', loaded.resource) || loaded.visit.status !== 'completed')
    throw notFound('visit');
  return loaded;
}

/** A finding and its visit, by the finding's id. */
export async function findingWithVisit(db: Db, id: string): Promise<FindingRow> {
  const [f] = await db.select().from(inspectionFindings).where(eq(inspectionFindings.id, id));
  if (!f) throw notFound('finding');
  return f;
}

/** Photos of a finding, taken by its team on the phone. */
export const photoRules: AttachmentRules = {
  area: 'inspections',
  kinds: [fileKinds.jpeg, fileKinds.png],
  actions: { add: 'inspectionPhoto.add', remove: 'inspectionPhoto.remove' },
  auditAs: { entityType: 'inspectionPhoto' },
  // A file is often named after whoever it concerns (张三-13812345678.jpg).
  maskForAudit: fileNameMaskedForAudit,
};
export const photoOwner = (findingId: string): Owner => ({ kind: 'inspectionFinding', id: findingId });

/** Photos of a rectification, sent by the firm's staff with their confirmation. */
export const rectificationPhotoRules: AttachmentRules = {
  area: 'inspections',
  kinds: [fileKinds.jpeg, fileKinds.png, fileKinds.pdf],
  actions: { add: 'inspectionRectificationPhoto.add', remove: 'inspectionRectificationPhoto.remove' },
  auditAs: { entityType: 'inspectionRectificationPhoto' },
  maskForAudit: fileNameMaskedForAudit,
};
export const rectificationOwner = (findingId: string): Owner => ({
  kind: 'inspectionRectification',
  id: findingId,
});
