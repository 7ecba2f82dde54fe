import { and, eq, gte, isNotNull, isNull } from 'drizzle-orm';
import { type DeadlineRecount, movedDeadlines } from '../../kernel/deadline-recount.js';
import { todayInChina } from '../../kernel/deadlines.js';
import { inspectionFindings, inspectionVisits } from './schema.js';

/**
 * The due dates of the rectifications still open (an issue not yet confirmed rectified), counted
 * from the China day the visit was completed through the changed year: each keeps its number of
 * working days on the new calendar, so a rectification due in the first days of January, counted
 * Monday to Friday before the notice was loaded, moves past New Year's Day once it is.
 */
export const recountInspectionDeadlines: DeadlineRecount = async (tx, change) => {
  const open = await tx
    .select({
      id: inspectionFindings.id,
      deadline: inspectionFindings.dueDate,
      completedAt: inspectionVisits.completedAt,
    })
    .from(inspectionFindings)
    .innerJoin(inspectionVisits, eq(inspectionVisits.id, inspectionFindings.visitId))
    .where(
      and(
        eq(inspectionFindings.result, 'issue'),
        isNull(inspectionFindings.rectifiedAt),
        isNotNull(inspectionVisits.completedAt),
        gte(inspectionFindings.dueDate, `${change.year}-01-01`),
      ),
    );
  const rows = open.map((r) => ({ id: r.id, deadline: r.deadline!, completedAt: r.completedAt! }));
  const moved = movedDeadlines(rows, (r) => todayInChina(r.completedAt), change);
  for (const { row, deadline } of moved)
    await tx
      .update(inspectionFindings)
      .set({ dueDate: deadline })
      .where(and(eq(inspectionFindings.id, row.id), isNull(inspectionFindings.rectifiedAt)));
  return moved.length;
};
