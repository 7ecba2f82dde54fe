import { eq } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import { AppError, forbidden, notFound } from '../../../errors.js';
import { defineCommand } from '../../../kernel/command.js';
import { periodIssue } from '../contracts.js';
import type { StudyVisit, StudyVisitPatch } from '../contracts-study.js';
import { canStudy } from '../policy-study.js';
import { getVisit, loadVisit, membersOf, type VisitRow } from '../queries/study-visits.js';
import { reformStudyVisits } from '../schema.js';
import { checkVisitRefs, holdVisitUnits, mayStudyAtAll, writeMembers } from './study-common.js';

/**
 * A visit's plan is the record of the trip once it is done: its title, unit, destinations, dates,
 * delegation and topics stay as they were (the practices name its destinations, the public page
 * shows its dates and delegation). What is recorded after the trip has its own commands.
 */
function planOpen(row: VisitRow) {
  if (row.status !== 'planned')
    throw new AppError('INVALID_STATE', 'the trip is recorded done: its plan is kept as it was', [
      { path: 'status', message: 'the trip is recorded done', code: 'visit_done' },
    ]);
}

function inOrder(row: VisitRow, patch: StudyVisitPatch) {
  if ((patch.endDate ?? row.endDate) < (patch.startDate ?? row.startDate))
    throw new AppError('VALIDATION', periodIssue.message, [
      { path: 'endDate', message: periodIssue.message, code: 'period_order' },
    ]);
}

/**
 * The office changes a visit's plan while it is planned: title, unit, destinations, dates,
 * delegation, topics. Moving it to another unit needs the office over both; the dates stay in
 * order with those not sent.
 */
const command = defineCommand({
  name: 'reformStudy.update',
  async load(ctx, { id, patch }: { id: string; patch: StudyVisitPatch }) {
    mayStudyAtAll(ctx, 'study.plan');
    const { row, resource } = await loadVisit(ctx.db, id);
    if (!canStudy(ctx.principal, 'study.plan', resource)) throw forbidden();
    planOpen(row);
    const unitPath = await checkVisitRefs(ctx.db, patch);
    if (unitPath && !canStudy(ctx.principal, 'study.plan', { unitPath })) throw forbidden();
    inOrder(row, patch);
  },
  async write(tx, _ctx, _loaded, { id, patch: { members: next, ...patch } }) {
    // Read again holding the row: a trip recorded done since the check refuses the edit, and one
    // recorded done now waits for it to commit.
    const [row] = await tx.select().from(reformStudyVisits).where(eq(reformStudyVisits.id, id)).for('update');
    if (!row) throw notFound('study visit');
    planOpen(row);
    inOrder(row, patch);
    await holdVisitUnits(tx, { unitId: patch.unitId, members: next });
    const members = next ? await membersOf(tx, [id]) : undefined;
    await tx
      .update(reformStudyVisits)
      .set({ ...patch, updatedAt: new Date() })
      .where(eq(reformStudyVisits.id, id));
    if (next) await writeMembers(tx, id, next);
    const before: Record<string, unknown> = Object.fromEntries(
      Object.keys(patch).map((k) => [k, row[k as keyof typeof row]]),
    );
    if (members) before.members = members.map(({ userId, name, unitId }) => ({ userId, name, unitId }));
    return {
      result: id,
      audit: { entityType: 'reformStudyVisit', entityId: id, before, after: { ...patch, members: next } },
    };
  },
});

export async function updateStudyVisit(
  ctx: ServiceContext,
  id: string,
  patch: StudyVisitPatch,
): Promise<StudyVisit> {
  return getVisit(ctx, await command.run(ctx, { id, patch }));
}
