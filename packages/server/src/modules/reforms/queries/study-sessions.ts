import { asc, desc, eq, sql } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import type { Db } from '../../../db/client.js';
import { forbidden, notFound } from '../../../errors.js';
import { fileKinds } from '../../../files/store.js';
import * as kit from '../../../kernel/attachments.js';
import { todayInChina } from '../../../kernel/deadlines.js';
import { unitBriefs, unitsByIds } from '../../units/api.js';
import { accountsWithRoles, displayNames } from '../../users/api.js';
import { maskedForAudit } from '../commands/audit-masked.js';
import type { StudySession, StudySessionSummary } from '../contracts-study.js';
import { cadreRoles, canStudy, mayEverStudy, type StudyResource } from '../policy-study.js';
import { reformStudyAttendance, reformStudySessions } from '../schema.js';

export type SessionRow = typeof reformStudySessions.$inferSelect;

/** A session's materials (slides, handouts, the cases taught): <data>/files/reforms-study/<session>/<file>. */
export const studyMaterialRules: kit.AttachmentRules = {
  area: 'reforms-study',
  kinds: [fileKinds.pdf, fileKinds.docx, fileKinds.png, fileKinds.jpeg],
  actions: { add: 'reformStudyMaterial.add', remove: 'reformStudyMaterial.remove' },
  auditAs: { entityType: 'reformStudyMaterial' },
  maskForAudit: maskedForAudit,
};
export const studyMaterialOwner = (sessionId: string): kit.Owner => ({
  kind: 'reformStudySession',
  id: sessionId,
});

export async function loadSession(db: Db, id: string): Promise<{ row: SessionRow; resource: StudyResource }> {
  const [row] = await db.select().from(reformStudySessions).where(eq(reformStudySessions.id, id));
  if (!row) throw notFound('session');
  const unit = (await unitsByIds(db, [row.unitId])).get(row.unitId);
  return { row, resource: { unitPath: unit?.path ?? '' } };
}

export async function readableSession(ctx: ServiceContext, id: string) {
  if (!mayEverStudy(ctx.principal, 'study.read')) throw forbidden();
  const s = await loadSession(ctx.db, id);
  if (!canStudy(ctx.principal, 'study.read', s.resource)) throw notFound('session');
  return s;
}

const head = (
  r: SessionRow,
  unitName: string,
  attendeeCount: number,
  attended: boolean,
): StudySessionSummary => ({
  id: r.id,
  title: r.title,
  unitId: r.unitId,
  unitName,
  form: r.form,
  date: r.date,
  startTime: r.startTime,
  endTime: r.endTime,
  place: r.place,
  teacher: r.teacher,
  topic: r.topic,
  attendeeCount,
  attended,
});

/** Every session, newest first, with how many attended and whether the caller did. */
export async function listSessions(ctx: ServiceContext) {
  if (!mayEverStudy(ctx.principal, 'study.read')) throw forbidden();
  const me = ctx.principal?.userId ?? '';
  const [rows, units] = await Promise.all([
    ctx.db
      .select({
        s: reformStudySessions,
        n: sql<number>`count(${reformStudyAttendance.userId})::int`,
        mine: sql<boolean>`coalesce(bool_or(${reformStudyAttendance.userId} = ${me}), false)`,
      })
      .from(reformStudySessions)
      .leftJoin(reformStudyAttendance, eq(reformStudyAttendance.sessionId, reformStudySessions.id))
      .groupBy(reformStudySessions.id)
      .orderBy(desc(reformStudySessions.date), desc(reformStudySessions.startTime)),
    unitBriefs(ctx.db),
  ]);
  const byId = new Map(units.map((u) => [u.id, u]));
  return {
    items: rows
      .filter((r) => canStudy(ctx.principal, 'study.read', { unitPath: byId.get(r.s.unitId)?.path ?? '' }))
      .map((r) => head(r.s, byId.get(r.s.unitId)?.name ?? '', r.n, r.mine)),
    actions: { create: mayEverStudy(ctx.principal, 'study.plan') },
  };
}

export async function attendeesOf(db: Db, sessionId: string) {
  const rows = await db
    .select({ userId: reformStudyAttendance.userId })
    .from(reformStudyAttendance)
    .where(eq(reformStudyAttendance.sessionId, sessionId))
    .orderBy(asc(reformStudyAttendance.markedAt));
  return rows.map((r) => r.userId);
}

/** One session with its attendees by name, its materials, and what the caller may do. */
export async function getSession(ctx: ServiceContext, id: string): Promise<StudySession> {
  const { row, resource } = await readableSession(ctx, id);
  const [ids, materials, units] = await Promise.all([
    attendeesOf(ctx.db, id),
    kit.listAttachments(ctx.db, studyMaterialOwner(id)),
    unitsByIds(ctx.db, [row.unitId]),
  ]);
  const names = await displayNames(ctx.db, ids);
  const attendees = ids
    .map((userId) => ({ userId, name: names.get(userId) ?? '' }))
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  const me = ctx.principal?.userId;
  return {
    ...head(row, units.get(row.unitId)?.name ?? '', ids.length, !!me && ids.includes(me)),
    attendees,
    materials,
    actions: {
      edit: canStudy(ctx.principal, 'study.plan', resource),
      organise: canStudy(ctx.principal, 'session.organise', resource),
      attend: canStudy(ctx.principal, 'session.attend', resource) && row.date <= todayInChina(),
    },
  };
}

/** The cadres an organiser may mark present: enabled accounts holding a cadre's role. */
export async function studyCadres(ctx: ServiceContext) {
  if (!mayEverStudy(ctx.principal, 'session.organise')) throw forbidden();
  return { items: await accountsWithRoles(ctx.db, cadreRoles) };
}

/** The cadres among these ids (an unknown id or a citizen's account is absent). */
export async function cadresAmong(db: Db, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const all = await accountsWithRoles(db, cadreRoles);
  const wanted = new Set(ids);
  return new Set(all.filter((a) => wanted.has(a.id)).map((a) => a.id));
}
