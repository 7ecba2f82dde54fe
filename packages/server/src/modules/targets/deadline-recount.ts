import { and, eq, gte, inArray } from 'drizzle-orm';
import { type DeadlineRecount, movedDeadlines } from '../../kernel/deadline-recount.js';
import { quarterEnd } from './queries/deadline.js';
import { targetReports } from './schema.js';

/**
 * The deadlines of the quarterly reports not yet in (draft or returned), counted from the
 * quarter's last day through the changed year: each keeps its number of working days on the new
 * calendar, so a fourth quarter's deadline counted Monday to Friday moves past the Spring
 * Festival once its notice is loaded.
 */
export const recountTargetDeadlines: DeadlineRecount = async (tx, change) => {
  const waiting = await tx
    .select({ id: targetReports.id, period: targetReports.period, deadline: targetReports.deadline })
    .from(targetReports)
    .where(
      and(
        inArray(targetReports.status, ['draft', 'returned']),
        gte(targetReports.deadline, `${change.year}-01-01`),
      ),
    );
  const moved = movedDeadlines(waiting, (r) => quarterEnd(r.period), change);
  for (const { row, deadline } of moved)
    await tx.update(targetReports).set({ deadline }).where(eq(targetReports.id, row.id));
  return moved.length;
};
