import { eq } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import { AppError, forbidden } from '../../../errors.js';
import { defineCommand } from '../../../kernel/command.js';
import type { StudySession, StudySessionInput, StudySessionPatch } from '../contracts-study.js';
import { canStudy } from '../policy-study.js';
import { getSession, loadSession } from '../queries/study-sessions.js';
import { reformStudySessions } from '../schema.js';
import { checkVisitRefs, mayStudyAtAll } from './study-common.js';

/** The reform office plans a learning session for cadres: its form, day and hours, teacher and topic. */
const create = defineCommand({
  name: 'reformStudySession.create',
  async load(ctx, input: StudySessionInput) {
    mayStudyAtAll(ctx, 'study.plan');
    const unitPath = await checkVisitRefs(ctx.db, { unitId: input.unitId });
    if (!canStudy(ctx.principal, 'study.plan', { unitPath: unitPath! })) throw forbidden();
  },
  async write(tx, _ctx, _loaded, input) {
    const [row] = await tx
      .insert(reformStudySessions)
      .values(input)
      .returning({ id: reformStudySessions.id });
    return { result: row!.id, audit: { entityType: 'reformStudySession', entityId: row!.id, after: input } };
  },
});

/** … and changes it; the hours stay in order with those not sent. */
const update = defineCommand({
  name: 'reformStudySession.update',
  async load(ctx, { id, patch }: { id: string; patch: StudySessionPatch }) {
    mayStudyAtAll(ctx, 'study.plan');
    const { row, resource } = await loadSession(ctx.db, id);
    if (!canStudy(ctx.principal, 'study.plan', resource)) throw forbidden();
    const unitPath = await checkVisitRefs(ctx.db, { unitId: patch.unitId });
    if (unitPath && !canStudy(ctx.principal, 'study.plan', { unitPath })) throw forbidden();
    if ((patch.endTime ?? row.endTime) <= (patch.startTime ?? row.startTime))
      throw new AppError('VALIDATION', 'endTime is not after startTime', [
        { path: 'endTime', message: 'endTime is not after startTime', code: 'time_order' },
      ]);
    return row;
  },
  async write(tx, _ctx, row, { id, patch }) {
    await tx
      .update(reformStudySessions)
      .set({ ...patch, updatedAt: new Date() })
      .where(eq(reformStudySessions.id, id));
    const before = Object.fromEntries(Object.keys(patch).map((k) => [k, row[k as keyof typeof row]]));
    return { result: id, audit: { entityType: 'reformStudySession', entityId: id, before, after: patch } };
  },
});

export async function createStudySession(
  ctx: ServiceContext,
  input: StudySessionInput,
): Promise<StudySession> {
  return getSession(ctx, await create.run(ctx, input));
}

export async function updateStudySession(
  ctx: ServiceContext,
  id: string,
  patch: StudySessionPatch,
): Promise<StudySession> {
  return getSession(ctx, await update.run(ctx, { id, patch }));
}
