import { inArray, max, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { todayInChina } from '../../../kernel/deadlines.js';
import { reformMilestones } from '../schema.js';

/**
 * The day, by China's calendar, each of these projects was completed on: that of its last
 * milestone to be done, for a project whose milestones are all wholly done (null when none says
 * when). A project with a milestone still open is not in the map.
 */
export async function completionDays(
  db: Db,
  projectIds: readonly string[],
): Promise<Map<string, string | null>> {
  if (projectIds.length === 0) return new Map();
  const rows = await db
    .select({ projectId: reformMilestones.projectId, at: max(reformMilestones.doneAt) })
    .from(reformMilestones)
    .where(inArray(reformMilestones.projectId, [...projectIds]))
    .groupBy(reformMilestones.projectId)
    .having(sql`min(${reformMilestones.done}) >= 1`);
  return new Map(rows.map((r) => [r.projectId, r.at ? todayInChina(new Date(r.at)) : null]));
}

/**
 * A project completed before the month began owes no report for it. The reminders and the list
 * of late reports both ask here, so they cannot disagree; a completion of unknown day frees no month.
 */
export const completedBefore = (completedOn: string | null | undefined, period: string): boolean =>
  completedOn != null && completedOn < `${period}-01`;
