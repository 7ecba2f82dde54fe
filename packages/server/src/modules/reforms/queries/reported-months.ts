import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { reformReports } from '../schema.js';

/** What a report's month is known by: its project and its month. */
export const monthKey = (projectId: string, period: string) => `${projectId}:${period}`;

/**
 * The months of these projects (of `period` alone, when given) whose report is in: submitted or
 * approved. A draft is not in, and a report the office returned for rework is owed again, as the
 * campaign office counts it: its lead unit is reminded of it before the month's deadline and the
 * month is listed late once that has passed, whether or not it was first sent in time (the
 * report's own `late` verdict, judged on the first submission, is another matter). The reminders
 * and the list of late reports both ask here, so they cannot disagree.
 */
export async function reportedMonths(
  db: Db,
  projectIds: readonly string[],
  period?: string,
): Promise<Set<string>> {
  if (projectIds.length === 0) return new Set();
  const rows = await db
    .select({ projectId: reformReports.projectId, period: reformReports.period })
    .from(reformReports)
    .where(
      and(
        inArray(reformReports.projectId, [...projectIds]),
        period ? eq(reformReports.period, period) : undefined,
        inArray(reformReports.status, ['submitted', 'approved']),
      ),
    );
  return new Set(rows.map((r) => monthKey(r.projectId, r.period)));
}
