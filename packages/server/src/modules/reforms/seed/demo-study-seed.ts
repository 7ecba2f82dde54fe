import { officialCalendar } from '@qianxing/core/calendar';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { audit, systemActor } from '../../../audit/audit.js';
import type { ServiceContext } from '../../../context.js';
import { type Tx, transaction } from '../../../db/transaction.js';
import * as kit from '../../../kernel/attachments.js';
import { dueAfter, todayInChina, workdaysCounted } from '../../../kernel/deadlines.js';
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

const addDays = (date: string, n: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/**
 * The day of something still to come: its own day, or the first working day `ahead` days or more
 * after today when that is later, so that a demo seeded months on still has it to come.
 */
export function dayAhead(today: string, day: string, ahead: number | undefined): string {
  if (ahead === undefined) return day;
  const moved = dueAfter(addDays(today, ahead - 1), 1);
  return moved > day ? moved : day;
}

/** A visit's days, moved as a whole (the same number of working days) when still to come. */
function visitDays(v: (typeof demoVisits)[number], today: string) {
  const startDate = dayAhead(today, v.startDate, 'ahead' in v ? v.ahead : undefined);
  if (startDate === v.startDate) return { startDate, endDate: v.endDate };
  return {
    startDate,
    endDate: dueAfter(startDate, workdaysCounted(officialCalendar, v.startDate, v.endDate)),
  };
}

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
async function seedVisits(tx: Tx, units: Units, today: string): Promise<string[]> {
  const visits = await tx
    .insert(reformStudyVisits)
    .values(
      demoVisits.map((v) => ({
        title: v.title,
        unitId: units.get(v.unit)!,
        destinations: v.destinations,
        topics: v.topics,
        ...visitDays(v, today),
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
async function seedSessions(tx: Tx, units: Units, cadres: Array<{ id: string }>, today: string) {
  const sessions = await tx
    .insert(reformStudySessions)
    .values(
      demoSessions.map(({ attendees: _, material: __, ...s }) => ({
        ...s,
        date: dayAhead(today, s.date, 'ahead' in s ? s.ahead : undefined),
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
 * cadre accounts) and materials, as of `now` for what is still to come. Runs once: skipped when a
 * visit exists.
 */
export async function seedStudyDemo(ctx: ServiceContext, now = new Date()): Promise<void> {
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
  const today = todayInChina(now);
  const { visitIds, sessionIds } = await transaction(ctx.db, async (tx) => {
    const ids = await seedVisits(tx, units, today);
    const practices = await seedPractices(tx, ids, projects);
    const sessions = await seedSessions(tx, units, cadres, today);
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
