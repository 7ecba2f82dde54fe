import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import type { Db } from '../../../db/client.js';
import { forbidden, notFound } from '../../../errors.js';
import { fileKinds } from '../../../files/store.js';
import * as kit from '../../../kernel/attachments.js';
import { todayInChina } from '../../../kernel/deadlines.js';
import { attachments } from '../../../kernel/schema.js';
import { unitBriefs, unitsByIds } from '../../units/api.js';
import { maskedForAudit } from '../commands/audit-masked.js';
import type { StudyProjectPractices, StudyVisit, StudyVisitSummary } from '../contracts-study.js';
import { canStudy, mayEverStudy, type StudyResource } from '../policy-study.js';
import {
  reformProjects,
  reformStudyInsights,
  reformStudyMembers,
  reformStudyPracticeProjects,
  reformStudyPractices,
  reformStudyVisits,
} from '../schema.js';
import { iso } from './lookup.js';

export type VisitRow = typeof reformStudyVisits.$inferSelect;

/** The learning report's file: one per visit, <data>/files/reforms-study/<visit>/<file id>. */
export const studyReportRules: kit.AttachmentRules = {
  area: 'reforms-study',
  kinds: [fileKinds.pdf, fileKinds.docx],
  actions: { add: 'reformStudyReport.add', remove: 'reformStudyReport.remove' },
  auditAs: { entityType: 'reformStudyReport' },
  maskForAudit: maskedForAudit,
};
export const studyReportOwner = (visitId: string): kit.Owner => ({ kind: 'reformStudyVisit', id: visitId });

/** The visit and what the policy needs of it, or not found. */
export async function loadVisit(db: Db, id: string): Promise<{ row: VisitRow; resource: StudyResource }> {
  const [row] = await db.select().from(reformStudyVisits).where(eq(reformStudyVisits.id, id));
  if (!row) throw notFound('study visit');
  const unit = (await unitsByIds(db, [row.unitId])).get(row.unitId);
  return { row, resource: { unitPath: unit?.path ?? '', status: row.status } };
}

/** A visit to a cadre who may read it: not found to others. */
export async function readableVisit(ctx: ServiceContext, id: string) {
  if (!mayEverStudy(ctx.principal, 'study.read')) throw forbidden();
  const v = await loadVisit(ctx.db, id);
  if (!canStudy(ctx.principal, 'study.read', v.resource)) throw notFound('study visit');
  return v;
}

/** Practices of these visits, each with the projects it inspired, in the visit's order. */
export async function practicesOf(db: Db, visitIds: readonly string[]) {
  if (visitIds.length === 0) return [];
  const practices = await db
    .select()
    .from(reformStudyPractices)
    .where(inArray(reformStudyPractices.visitId, [...visitIds]))
    .orderBy(asc(reformStudyPractices.visitId), asc(reformStudyPractices.sort));
  const links = practices.length
    ? await db
        .select({
          practiceId: reformStudyPracticeProjects.practiceId,
          id: reformProjects.id,
          code: reformProjects.code,
          name: reformProjects.name,
        })
        .from(reformStudyPracticeProjects)
        .innerJoin(reformProjects, eq(reformProjects.id, reformStudyPracticeProjects.projectId))
        .where(
          inArray(
            reformStudyPracticeProjects.practiceId,
            practices.map((p) => p.id),
          ),
        )
        .orderBy(asc(reformProjects.code))
    : [];
  return practices.map((p) => ({
    visitId: p.visitId,
    id: p.id,
    title: p.title,
    description: p.description,
    sourcePlace: p.sourcePlace,
    projects: links.filter((l) => l.practiceId === p.id).map(({ id, code, name }) => ({ id, code, name })),
  }));
}

export async function insightsOf(db: Db, visitIds: readonly string[]) {
  if (visitIds.length === 0) return [];
  return db
    .select()
    .from(reformStudyInsights)
    .where(inArray(reformStudyInsights.visitId, [...visitIds]))
    .orderBy(asc(reformStudyInsights.visitId), asc(reformStudyInsights.sort));
}

export async function membersOf(db: Db, visitIds: readonly string[]) {
  if (visitIds.length === 0) return [];
  return db
    .select()
    .from(reformStudyMembers)
    .where(inArray(reformStudyMembers.visitId, [...visitIds]))
    .orderBy(asc(reformStudyMembers.visitId), asc(reformStudyMembers.sort));
}

/** How many of each a visit has: members, practices, insights, and its report file. */
async function countsOf(db: Db) {
  const n = sql<number>`count(*)::int`;
  const [members, practices, insights, files] = await Promise.all([
    db
      .select({ visitId: reformStudyMembers.visitId, n })
      .from(reformStudyMembers)
      .groupBy(reformStudyMembers.visitId),
    db
      .select({ visitId: reformStudyPractices.visitId, n })
      .from(reformStudyPractices)
      .groupBy(reformStudyPractices.visitId),
    db
      .select({ visitId: reformStudyInsights.visitId, n })
      .from(reformStudyInsights)
      .groupBy(reformStudyInsights.visitId),
    db
      .selectDistinct({ ownerId: attachments.ownerId })
      .from(attachments)
      .where(eq(attachments.ownerKind, studyReportOwner('').kind)),
  ]);
  const by = (rows: Array<{ visitId: string; n: number }>) => new Map(rows.map((r) => [r.visitId, r.n]));
  return {
    members: by(members),
    practices: by(practices),
    insights: by(insights),
    files: new Set(files.map((f) => f.ownerId)),
  };
}

/** Every visit the caller reads, newest trip first, with its counts. */
export async function listVisits(ctx: ServiceContext) {
  if (!mayEverStudy(ctx.principal, 'study.read')) throw forbidden();
  const [rows, units, counts] = await Promise.all([
    ctx.db
      .select()
      .from(reformStudyVisits)
      .orderBy(desc(reformStudyVisits.startDate), desc(reformStudyVisits.id)),
    unitBriefs(ctx.db),
    countsOf(ctx.db),
  ]);
  const byId = new Map(units.map((u) => [u.id, u]));
  const items: StudyVisitSummary[] = rows
    .filter((r) => canStudy(ctx.principal, 'study.read', { unitPath: byId.get(r.unitId)?.path ?? '' }))
    .map((r) => ({
      ...head(r, byId.get(r.unitId)?.name ?? ''),
      memberCount: counts.members.get(r.id) ?? 0,
      practiceCount: counts.practices.get(r.id) ?? 0,
      insightCount: counts.insights.get(r.id) ?? 0,
      hasReport: counts.files.has(r.id),
    }));
  return { items, actions: { create: mayEverStudy(ctx.principal, 'study.plan') } };
}

const head = (r: VisitRow, unitName: string) => ({
  id: r.id,
  title: r.title,
  unitId: r.unitId,
  unitName,
  destinations: r.destinations,
  topics: r.topics,
  startDate: r.startDate,
  endDate: r.endDate,
  status: r.status,
});

/** One visit with its delegation, practices, insights and report, and what the caller may do now. */
export async function getVisit(ctx: ServiceContext, id: string): Promise<StudyVisit> {
  const { row, resource } = await readableVisit(ctx, id);
  const [members, practices, insights, files] = await Promise.all([
    membersOf(ctx.db, [id]),
    practicesOf(ctx.db, [id]),
    insightsOf(ctx.db, [id]),
    kit.listAttachments(ctx.db, studyReportOwner(id)),
  ]);
  const units = await unitsByIds(ctx.db, [row.unitId, ...members.map((m) => m.unitId)]);
  const may = (a: Parameters<typeof canStudy>[1]) => canStudy(ctx.principal, a, resource);
  return {
    ...head(row, units.get(row.unitId)?.name ?? ''),
    members: members.map((m) => ({
      userId: m.userId,
      name: m.name,
      unitId: m.unitId,
      unitName: units.get(m.unitId)?.name ?? '',
    })),
    practices: practices.map(({ visitId: _, ...p }) => p),
    insights: insights.map((i) => ({ id: i.id, text: i.text })),
    reportSummary: row.reportSummary,
    reportFile: files[0] ?? null,
    reportedAt: iso(row.reportedAt),
    actions: {
      // The plan is the trip's record once it is done (updateStudyVisit).
      edit: may('study.plan') && row.status === 'planned',
      // A trip is recorded done once it has ended (on its last day at the earliest).
      complete: may('study.complete') && row.endDate <= todayInChina(),
      record: may('study.record'),
      report: may('study.report'),
      link: may('study.link'),
    },
  };
}

/** The practices that inspired a project, for its page; every cadre reads them. */
export async function projectPractices(
  ctx: ServiceContext,
  projectId: string,
): Promise<StudyProjectPractices> {
  if (!mayEverStudy(ctx.principal, 'study.read')) throw forbidden();
  const rows = await ctx.db
    .select({
      id: reformStudyPractices.id,
      title: reformStudyPractices.title,
      sourcePlace: reformStudyPractices.sourcePlace,
      visitId: reformStudyVisits.id,
      visitTitle: reformStudyVisits.title,
      visitEndDate: reformStudyVisits.endDate,
    })
    .from(reformStudyPracticeProjects)
    .innerJoin(reformStudyPractices, eq(reformStudyPractices.id, reformStudyPracticeProjects.practiceId))
    .innerJoin(reformStudyVisits, eq(reformStudyVisits.id, reformStudyPractices.visitId))
    .where(and(eq(reformStudyPracticeProjects.projectId, projectId)))
    .orderBy(desc(reformStudyVisits.endDate), asc(reformStudyPractices.sort));
  return { items: rows };
}
