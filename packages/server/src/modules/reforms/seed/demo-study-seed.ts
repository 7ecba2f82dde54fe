import { and, eq, inArray, sql } from 'drizzle-orm';
import { audit, systemActor } from '../../../audit/audit.js';
import type { ServiceContext } from '../../../context.js';
import { type Tx, transaction } from '../../../db/transaction.js';
import * as kit from '../../../kernel/attachments.js';
import { unitBriefs } from '../../units/api.js';
import { accountsWithRoles } from '../../users/api.js';
import { cadreRoles } from '../policy-study.js';
import { studyMaterialOwner, studyMaterialRules } from '../queries/study-sessions.js';
import { studyReportOwner, studyReportRules } from '../queries/study-visits.js';
import {
  reformProjects,
  reformStudyAttendance,
  reformStudyInsights,
  reformStudyMembers,
  reformStudyPracticeProjects,
  reformStudyPractices,
  reformStudySessions,
  reformStudyVisits,
} from '../schema.js';
import { demoPdf } from './demo-pdf.js';
import { demoSessions, demoVisits } from './demo-study.js';

type Units = Map<string, string>;

/** Each visit's practices (linked to the demo projects they name) and insights; their count. */
async function seedPractices(tx: Tx, visitIds: string[], projects: Map<string, string>): Promise<number> {
  let practices = 0;
  for (const [i, v] of demoVisits.entries()) {
    if (v.practices.length) {
      const rows = await tx
        .insert(reformStudyPractices)
        .values(
          v.practices.map(([sourcePlace, title, description], sort) => ({
            visitId: visitIds[i]!,
            sort,
            title: title!,
            description: description!,
            sourcePlace: sourcePlace!,
          })),
        )
        .returning({ id: reformStudyPractices.id });
      practices += rows.length;
      const links = rows.flatMap((r, k) => {
        const projectId = projects.get(v.practices[k]![3]!);
        return projectId ? [{ practiceId: r.id, projectId }] : [];
      });
      if (links.length) await tx.insert(reformStudyPracticeProjects).values(links);
    }
    if (v.insights.length)
      await tx
        .insert(reformStudyInsights)
        .values(v.insights.map((text, sort) => ({ visitId: visitIds[i]!, sort, text })));
  }
  return practices;
}

/** The visits and their delegations (names with units, no accounts). */
async function seedVisits(tx: Tx, units: Units): Promise<string[]> {
  const visits = await tx
    .insert(reformStudyVisits)
    .values(
      demoVisits.map((v) => ({
        title: v.title,
        unitId: units.get(v.unit)!,
        destinations: v.destinations,
        topics: v.topics,
        startDate: v.startDate,
        endDate: v.endDate,
        status: v.status,
        reportSummary: v.reportSummary,
        reportedAt: v.status === 'reported' ? new Date(`${v.endDate}T08:00:00Z`) : null,
        isDemo: true,
      })),
    )
    .returning({ id: reformStudyVisits.id });
  const ids = visits.map((v) => v.id);
  const members = demoVisits.flatMap((v, i) =>
    v.members.map((m, sort) => {
      const [name, unit] = m.split('|') as [string, string];
      return { visitId: ids[i]!, sort, name, unitId: units.get(unit)! };
    }),
  );
  await tx.insert(reformStudyMembers).values(members);
  return ids;
}

/** The sessions, organised by the reform office, each attended by its share of the demo's cadres. */
async function seedSessions(tx: Tx, units: Units, cadres: Array<{ id: string }>) {
  const sessions = await tx
    .insert(reformStudySessions)
    .values(
      demoSessions.map(({ attendees: _, material: __, ...s }) => ({
        ...s,
        unitId: units.get('QJ-O03')!,
        isDemo: true,
      })),
    )
    .returning({ id: reformStudySessions.id });
  const attendance = demoSessions.flatMap((s, i) =>
    cadres.slice(0, s.attendees).map((c) => ({ sessionId: sessions[i]!.id, userId: c.id, markedBy: c.id })),
  );
  if (attendance.length) await tx.insert(reformStudyAttendance).values(attendance);
  return { ids: sessions.map((s) => s.id), attendance: attendance.length };
}

/** The report and materials go through the kernel's attachments, as an upload would (type, size, hash, audit). */
async function seedFiles(ctx: ServiceContext, visitIds: string[], sessionIds: string[]) {
  for (const [i, v] of demoVisits.entries())
    if (v.report)
      await kit.addAttachment(ctx, studyReportOwner(visitIds[i]!), studyReportRules, async () => ({
        name: `${v.title}报告.pdf`,
        bytes: demoPdf(v.report!),
      }));
  for (const [i, s] of demoSessions.entries())
    if (s.material)
      await kit.addAttachment(ctx, studyMaterialOwner(sessionIds[i]!), studyMaterialRules, async () => ({
        name: `${s.title}讲义.pdf`,
        bytes: demoPdf(s.material!),
      }));
}

/**
 * The demo's study visits with their delegations, practices (linked to the demo projects they
 * inspired), insights and report file, and the learning sessions with their attendance (the demo's
 * cadre accounts) and materials. Runs once: skipped when a visit exists.
 */
export async function seedStudyDemo(ctx: ServiceContext): Promise<void> {
  const [has] = await ctx.db.select({ n: sql<number>`count(*)::int` }).from(reformStudyVisits);
  if ((has?.n ?? 0) > 0) return;
  const units = new Map((await unitBriefs(ctx.db)).map((u) => [u.code, u.id]));
  if (!units.has('QJ-O03')) return;
  const names = demoVisits.flatMap((v) => v.practices.map((p) => p[3]!));
  const projects = new Map(
    (
      await ctx.db
        .select({ id: reformProjects.id, name: reformProjects.name })
        .from(reformProjects)
        .where(and(inArray(reformProjects.name, names), eq(reformProjects.isDemo, true)))
    ).map((p) => [p.name, p.id]),
  );
  const cadres = await accountsWithRoles(ctx.db, cadreRoles);
  const { visitIds, sessionIds } = await transaction(ctx.db, async (tx) => {
    const ids = await seedVisits(tx, units);
    const practices = await seedPractices(tx, ids, projects);
    const sessions = await seedSessions(tx, units, cadres);
    await audit(tx, systemActor('seed'), {
      action: 'reforms.seedStudyDemo',
      entityType: 'reforms',
      entityId: 'demo-study',
      after: {
        visits: ids.length,
        practices,
        sessions: sessions.ids.length,
        attendance: sessions.attendance,
      },
    });
    return { visitIds: ids, sessionIds: sessions.ids };
  });
  await seedFiles(ctx, visitIds, sessionIds);
}
