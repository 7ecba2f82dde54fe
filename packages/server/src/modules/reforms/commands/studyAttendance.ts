import { and, eq, inArray } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import { AppError, type FieldError, forbidden, notFound } from '../../../errors.js';
import { defineCommand, type Tx } from '../../../kernel/command.js';
import { todayInChina } from '../../../kernel/deadlines.js';
import type { StudySession } from '../contracts-study.js';
import { canStudy } from '../policy-study.js';
import { attendeesOf, cadresAmong, getSession, loadSession } from '../queries/study-sessions.js';
import { reformStudyAttendance, reformStudySessions } from '../schema.js';
import { mayStudyAtAll } from './study-common.js';

/** Attendance is taken on or after the session's day, never ahead of it. */
function begun(date: string) {
  if (date > todayInChina())
    throw new AppError('INVALID_STATE', 'the session has not taken place yet', [
      {
        path: 'date',
        message: 'the session has not taken place yet',
        code: 'session_not_held',
        params: { date },
      },
    ]);
}

/**
 * In a write's transaction: the session's row, held until it commits. A register and a cadre's own
 * mark take turns on it, so the register's list of who was marked before is the one it changes.
 * The day is checked again, as the session may have been moved meanwhile.
 */
async function holdSession(tx: Tx, id: string) {
  const [row] = await tx
    .select({ date: reformStudySessions.date })
    .from(reformStudySessions)
    .where(eq(reformStudySessions.id, id))
    .for('update');
  if (!row) throw notFound('session');
  begun(row.date);
}

/**
 * The organiser takes the register: the cadres who attended, sent whole. Each must be a cadre's
 * account; the marks of those already present are kept as they were (who marked them, when).
 */
const register = defineCommand({
  name: 'reformStudySession.saveAttendance',
  async load(ctx, { id, userIds }: { id: string; userIds: string[] }) {
    mayStudyAtAll(ctx, 'session.organise');
    const { row, resource } = await loadSession(ctx.db, id);
    if (!canStudy(ctx.principal, 'session.organise', resource)) throw forbidden();
    begun(row.date);
    const cadres = await cadresAmong(ctx.db, userIds);
    const problems: FieldError[] = userIds.flatMap((u, i) =>
      cadres.has(u) ? [] : [{ path: `userIds.${i}`, message: 'not a cadre’s account', code: 'unknown_user' }],
    );
    if (problems.length) throw new AppError('VALIDATION', problems[0]!.message, problems);
  },
  async write(tx, ctx, _loaded, { id, userIds }) {
    await holdSession(tx, id);
    const before = await attendeesOf(tx, id);
    const next = [...new Set(userIds)];
    const gone = before.filter((u) => !next.includes(u));
    const added = next.filter((u) => !before.includes(u));
    if (gone.length)
      await tx
        .delete(reformStudyAttendance)
        .where(and(eq(reformStudyAttendance.sessionId, id), inArray(reformStudyAttendance.userId, gone)));
    if (added.length)
      await tx
        .insert(reformStudyAttendance)
        .values(added.map((userId) => ({ sessionId: id, userId, markedBy: ctx.principal!.userId })))
        .onConflictDoNothing();
    return {
      result: id,
      audit: {
        entityType: 'reformStudySession',
        entityId: id,
        before: { attendees: before },
        after: { attendees: next },
      },
    };
  },
});

/** A cadre marks (or unmarks) their own attendance. */
const attend = defineCommand({
  name: 'reformStudySession.attend',
  async load(ctx, { id }: { id: string; attended: boolean }) {
    mayStudyAtAll(ctx, 'session.attend');
    const { row, resource } = await loadSession(ctx.db, id);
    if (!canStudy(ctx.principal, 'session.attend', resource)) throw forbidden();
    begun(row.date);
  },
  async write(tx, ctx, _loaded, { id, attended }) {
    await holdSession(tx, id);
    const userId = ctx.principal!.userId;
    if (attended)
      await tx
        .insert(reformStudyAttendance)
        .values({ sessionId: id, userId, markedBy: userId })
        .onConflictDoNothing();
    else
      await tx
        .delete(reformStudyAttendance)
        .where(and(eq(reformStudyAttendance.sessionId, id), eq(reformStudyAttendance.userId, userId)));
    return {
      result: id,
      audit: { entityType: 'reformStudySession', entityId: id, after: { userId, attended } },
    };
  },
});

export async function saveStudyAttendance(
  ctx: ServiceContext,
  id: string,
  userIds: string[],
): Promise<StudySession> {
  return getSession(ctx, await register.run(ctx, { id, userIds }));
}

export async function attendStudySession(
  ctx: ServiceContext,
  id: string,
  attended: boolean,
): Promise<StudySession> {
  return getSession(ctx, await attend.run(ctx, { id, attended }));
}
