import { and, eq, gte, inArray } from 'drizzle-orm';
import { type DeadlineRecount, movedDeadlines, recountNotices } from '../../kernel/deadline-recount.js';
import { deliver } from '../../kernel/notifications.js';
import { unitsByIds } from '../units/api.js';
import { holdersOver } from './commands/notify-common.js';
import { monthEnd } from './queries/deadline.js';
import { reformProjects, reformReports } from './schema.js';

/**
 * The deadlines of the monthly progress reports not yet in (draft or returned), counted from the
 * month's last day through the changed year: each keeps its number of working days on the new
 * calendar (December's, counted Monday to Friday into January, moves once the notice is loaded).
 *
 * The staff over each project's lead unit, who send its reports, are told in the same
 * transaction, once for all the reports moved: the report and its dates when it is the only one
 * (the inbox opens it), else how many.
 */
export const recountReformDeadlines: DeadlineRecount = async (tx, change) => {
  const waiting = await tx
    .select({
      id: reformReports.id,
      period: reformReports.period,
      deadline: reformReports.deadline,
      projectName: reformProjects.name,
      leadUnitId: reformProjects.leadUnitId,
    })
    .from(reformReports)
    .innerJoin(reformProjects, eq(reformProjects.id, reformReports.projectId))
    .where(
      and(inArray(reformReports.status, ['draft', 'returned']), gte(reformReports.deadline, change.from)),
    );
  const moved = movedDeadlines(waiting, (r) => monthEnd(r.period), change);
  for (const { row, deadline } of moved)
    await tx.update(reformReports).set({ deadline }).where(eq(reformReports.id, row.id));
  if (moved.length === 0) return 0;
  const leads = [...new Set(moved.map(({ row }) => row.leadUnitId))];
  const units = await unitsByIds(tx, leads);
  const staff = new Map<string, string[]>();
  for (const id of leads)
    staff.set(id, await holdersOver(tx, 'department_staff', units.get(id)?.path ?? '\u0000'));
  await deliver(
    tx,
    recountNotices(
      change.year,
      moved.map(({ row, deadline }) => ({
        id: row.id,
        to: staff.get(row.leadUnitId) ?? [],
        params: {
          reportId: row.id,
          projectName: row.projectName,
          period: row.period,
          dueBefore: row.deadline,
          dueOn: deadline,
        },
      })),
      { one: 'reforms.notice.dueRecounted', many: 'reforms.notice.dueRecountedMany' },
    ),
  );
  return moved.length;
};
