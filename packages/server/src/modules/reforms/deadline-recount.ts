import { and, eq, gte, inArray } from 'drizzle-orm';
import { type DeadlineRecount, movedDeadlines } from '../../kernel/deadline-recount.js';
import { monthEnd } from './queries/deadline.js';
import { reformReports } from './schema.js';

/**
 * The deadlines of the monthly progress reports not yet in (draft or returned), counted from the
 * month's last day through the changed year: each keeps its number of working days on the new
 * calendar (December's, counted Monday to Friday into January, moves once the notice is loaded).
 */
export const recountReformDeadlines: DeadlineRecount = async (tx, change) => {
  const waiting = await tx
    .select({ id: reformReports.id, period: reformReports.period, deadline: reformReports.deadline })
    .from(reformReports)
    .where(
      and(
        inArray(reformReports.status, ['draft', 'returned']),
        gte(reformReports.deadline, `${change.year}-01-01`),
      ),
    );
  const moved = movedDeadlines(waiting, (r) => monthEnd(r.period), change);
  for (const { row, deadline } of moved)
    await tx.update(reformReports).set({ deadline }).where(eq(reformReports.id, row.id));
  return moved.length;
};
