import { eq } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import { AppError, forbidden, notFound } from '../../../errors.js';
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

const outOfOrder = (row: { startTime: string; endTime: string }, patch: StudySessionPatch) =>
  (patch.endTime ?? row.endTime) <= (patch.startTime ?? row.startTime);

/** Hours out of order: the edit's own (VALIDATION), or with those another edit stored meanwhile (CONFLICT). */
const timeOrder = (kind: 'VALIDATION' | 'CONFLICT') =>
  new AppError(kind, 'endTime is not after startTime', [
    { path: 'endTime', message: 'endTime is not after startTime', code: 'time_order' },
  ]);

/** … and changes it; the hours stay in order with those not sent. */
const update = defineCommand({
  name: 'reformStudySession.update',
  async load(ctx, { id, patch }: { id: string; patch: StudySessionPatch }) {
    mayStudyAtAll(ctx, 'study.plan');
    const { row, resource } = await loadSession(ctx.db, id);
    if (!canStudy(ctx.principal, 'study.plan', resource)) throw forbidden();
    const unitPath = await checkVisitRefs(ctx.db, { unitId: patch.unitId });
    if (unitPath && !canStudy(ctx.principal, 'study.plan', { unitPath })) throw forbidden();
    if (outOfOrder(row, patch)) throw timeOrder('VALIDATION');
    return row;
  },
  async write(tx, _ctx, _read, { id, patch }) {
    // The hours not sent are those stored now: another edit may have moved them since the checks.
    const [row] = await tx
      .select()
      .from(reformStudySessions)
      .where(eq(reformStudySessions.id, id))
      .for('update');
    if (!row) throw notFound('session');
    if (outOfOrder(row, patch)) throw timeOrder('CONFLICT');
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
