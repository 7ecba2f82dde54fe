import { eq } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import { AppError, forbidden } from '../../../errors.js';
import { defineCommand } from '../../../kernel/command.js';
import { periodIssue } from '../contracts.js';
import type { StudyVisit, StudyVisitPatch } from '../contracts-study.js';
import { canStudy } from '../policy-study.js';
import { getVisit, loadVisit, membersOf } from '../queries/study-visits.js';
import { reformStudyVisits } from '../schema.js';
import { checkVisitRefs, mayStudyAtAll, writeMembers } from './study-common.js';

/**
 * The office changes a visit's plan: title, unit, destinations, dates, delegation, topics. Moving it
 * to another unit needs the office over both; the dates stay in order with those not sent.
 */
const command = defineCommand({
  name: 'reformStudy.update',
  async load(ctx, { id, patch }: { id: string; patch: StudyVisitPatch }) {
    mayStudyAtAll(ctx, 'study.plan');
    const { row, resource } = await loadVisit(ctx.db, id);
    if (!canStudy(ctx.principal, 'study.plan', resource)) throw forbidden();
    const unitPath = await checkVisitRefs(ctx.db, patch);
    if (unitPath && !canStudy(ctx.principal, 'study.plan', { unitPath })) throw forbidden();
    const start = patch.startDate ?? row.startDate;
    const end = patch.endDate ?? row.endDate;
    if (end < start)
      throw new AppError('VALIDATION', periodIssue.message, [
        { path: 'endDate', message: periodIssue.message, code: 'period_order' },
      ]);
    const members = patch.members ? await membersOf(ctx.db, [id]) : undefined;
    return { row, members };
  },
  async write(tx, _ctx, { row, members }, { id, patch: { members: next, ...patch } }) {
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
