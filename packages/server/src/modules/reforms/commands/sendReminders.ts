import { and, eq, gte, lt, lte } from 'drizzle-orm';
import { audit, systemActor } from '../../../audit/audit.js';
import type { Db } from '../../../db/client.js';
import { transaction } from '../../../db/transaction.js';
import { dueWithin, todayInChina, workdaysLeft } from '../../../kernel/deadlines.js';
import { deliver, type Notice } from '../../../kernel/notifications.js';
import { unitBriefs } from '../../units/api.js';
import { holdersOf } from '../../users/api.js';
import { completedBefore, completionDays } from '../queries/completed-months.js';
import { monthEnd, previousMonth, reformRules, reportDeadline } from '../queries/deadline.js';
import { monthKey, reportedMonths } from '../queries/reported-months.js';
import { reformMilestones, reformProjects, reformReminders } from '../schema.js';

interface Due {
  kind: 'milestone' | 'report';
  subjectId: string;
  dueDate: string;
  leadUnitId: string;
  key: string;
  params: Record<string, unknown>;
}

/** Milestones not wholly done that fall due within the reminder window. */
async function milestonesDue(db: Db, today: string): Promise<Due[]> {
  const rows = await db
    .select({ m: reformMilestones, p: reformProjects })
    .from(reformMilestones)
    .innerJoin(reformProjects, eq(reformProjects.id, reformMilestones.projectId))
    .where(
      and(
        dueWithin(reformMilestones.dueDate, reformRules.remindWorkdays, today),
        lt(reformMilestones.done, 1),
      ),
    );
  return rows.map(({ m, p }) => ({
    kind: 'milestone',
    subjectId: m.id,
    dueDate: m.dueDate,
    leadUnitId: p.leadUnitId,
    key: 'reforms.notice.milestoneDue',
    params: {
      projectId: p.id,
      projectName: p.name,
      milestone: m.name,
      dueDate: m.dueDate,
      workdaysLeft: workdaysLeft(today, m.dueDate),
    },
  }));
}

/**
 * Projects running last month, and not completed before it, whose report for it is not yet sent,
 * when its deadline is near.
 */
async function reportsDue(db: Db, today: string): Promise<Due[]> {
  const period = previousMonth(today.slice(0, 7));
  const deadline = reportDeadline(period);
  const left = workdaysLeft(today, deadline);
  if (left < 0 || left > reformRules.remindWorkdays) return [];
  const projects = await db
    .select()
    .from(reformProjects)
    .where(and(lte(reformProjects.startDate, monthEnd(period)), gte(reformProjects.endDate, `${period}-01`)));
  if (projects.length === 0) return [];
  // A returned report is owed again, as the list of late reports counts it (reported-months.ts).
  const sent = await reportedMonths(
    db,
    projects.map((p) => p.id),
    period,
  );
  const done = new Set(projects.filter((p) => sent.has(monthKey(p.id, period))).map((p) => p.id));
  // A project completed before the month began owes no report for it (completed-months.ts).
  const completedOn = await completionDays(
    db,
    projects.map((p) => p.id),
  );
  for (const [id, day] of completedOn) if (completedBefore(day, period)) done.add(id);
  return projects
    .filter((p) => !done.has(p.id))
    .map((p) => ({
      kind: 'report',
      subjectId: p.id,
      dueDate: deadline,
      leadUnitId: p.leadUnitId,
      key: 'reforms.notice.reportDue',
      params: { projectId: p.id, projectName: p.name, period, dueDate: deadline, workdaysLeft: left },
    }));
}

/**
 * Reminds lead units before a due date (kernel notifications, working days on the official
 * calendar): milestones due within `remindWorkdays`, and last month's report while its deadline
 * is that near. Each (subject, due date) is reminded once, whatever how often or in how many
 * processes this runs: the reminder's row is claimed first, and only a claimed one is sent.
 */
export async function sendReminders(
  db: Db,
  today = todayInChina(),
): Promise<{ milestones: number; reports: number }> {
  const due = [...(await milestonesDue(db, today)), ...(await reportsDue(db, today))];
  if (due.length === 0) return { milestones: 0, reports: 0 };
  const staff = await holdersOf(db, 'department_staff');
  const paths = new Map((await unitBriefs(db)).map((u) => [u.id, u.path]));
  return transaction(db, async (tx) => {
    const claimed = await tx
      .insert(reformReminders)
      .values(due.map(({ kind, subjectId, dueDate }) => ({ kind, subjectId, dueDate })))
      .onConflictDoNothing()
      .returning();
    const fresh = new Set(claimed.map((c) => `${c.kind}:${c.subjectId}:${c.dueDate}`));
    const sending = due.filter((d) => fresh.has(`${d.kind}:${d.subjectId}:${d.dueDate}`));
    const notices: Notice[] = sending.flatMap((d) => {
      const lead = paths.get(d.leadUnitId) ?? '\u0000';
      const users = new Set(
        staff.filter((s) => lead.startsWith(paths.get(s.unitId) ?? '\u0000')).map((s) => s.id),
      );
      return [...users].map((userId) => ({ userId, key: d.key, params: d.params }));
    });
    await deliver(tx, notices);
    const counts = {
      milestones: sending.filter((d) => d.kind === 'milestone').length,
      reports: sending.filter((d) => d.kind === 'report').length,
    };
    if (sending.length)
      await audit(tx, systemActor('reminders'), {
        action: 'reformReminder.send',
        entityType: 'reformReminder',
        entityId: today,
        after: { ...counts, notices: notices.length },
      });
    return counts;
  });
}

/**
 * Runs the reminders at start and every hour after; a failure is reported, never thrown.
 * Answers the function that stops this database's timer.
 */
export function startReminders(db: Db, onError: (err: unknown) => void): () => Promise<void> {
  const run = () => void sendReminders(db).catch(onError);
  run();
  const timer = setInterval(run, 3_600_000);
  timer.unref();
  return async () => clearInterval(timer);
}
