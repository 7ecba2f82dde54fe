import { and, eq, gte, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/transaction.js';
import { type DeadlineRecount, movedDeadlines, recountNotices } from '../../kernel/deadline-recount.js';
import { todayInChina } from '../../kernel/deadlines.js';
import { deliver } from '../../kernel/notifications.js';
import { unitsByIds } from '../units/api.js';
import { reportAudience, staffOver, tellUnit } from './commands/notify.js';
import { quarterEnd, reportDeadline } from './queries/deadline.js';
import { splitQuarter } from './queries/lookup.js';
import { targetReports } from './schema.js';

/**
 * The deadlines of the quarterly reports not yet in (draft or returned), counted from the
 * quarter's last day through the changed year: each keeps its number of working days on the new
 * calendar, so a fourth quarter's deadline counted Monday to Friday moves past the Spring
 * Festival once its notice is loaded.
 *
 * The staff of each reporting unit are told in the same transaction, once for all its reports
 * moved: the report and its dates when it is the only one (the inbox opens it), else how many.
 */
export const recountTargetDeadlines: DeadlineRecount = async (tx, change) => {
  const waiting = await tx
    .select({
      id: targetReports.id,
      period: targetReports.period,
      deadline: targetReports.deadline,
      unitId: targetReports.unitId,
    })
    .from(targetReports)
    .where(
      and(inArray(targetReports.status, ['draft', 'returned']), gte(targetReports.deadline, change.from)),
    );
  const moved = movedDeadlines(waiting, (r) => quarterEnd(r.period), change);
  for (const { row, deadline } of moved)
    await tx.update(targetReports).set({ deadline }).where(eq(targetReports.id, row.id));
  if (moved.length === 0) return 0;
  const unitIds = [...new Set(moved.map(({ row }) => row.unitId))];
  const units = await unitsByIds(tx, unitIds);
  // Those who may edit the report: the unit's staff, or a unit's above it, as its other notices.
  const over = await staffOver(
    tx,
    [...units.values()].map((u) => u.path),
  );
  const staff = new Map(unitIds.map((id) => [id, over.get(units.get(id)?.path ?? '') ?? []]));
  await deliver(
    tx,
    recountNotices(
      change.year,
      moved.map(({ row, deadline }) => {
        const { year, quarter } = splitQuarter(row.period);
        return {
          id: row.id,
          to: staff.get(row.unitId) ?? [],
          params: {
            reportId: row.id,
            unit: units.get(row.unitId)?.name ?? '',
            periodYear: year,
            quarter,
            dueBefore: row.deadline,
            dueOn: deadline,
          },
        };
      }),
      { one: 'targets.notice.dueRecounted', many: 'targets.notice.dueRecountedMany' },
    ),
  );
  return moved.length;
};

/**
 * The deadlines of the quarterly reports not yet in (draft or returned), counted again with a
 * changed number of working days after the quarter (the settings' reportDeadlineWorkdays), as the
 * overdue list counts them from then on. A deadline already passed stays: its report was late
 * under the rule it was given, and a longer count must not make it on time after the fact; nor
 * does a shorter count move a deadline to a day already past, which would make the report late
 * at once. Each unit whose report's deadline moves is told
 * (`targets.report.deadlineMoved`); answers the reports moved, each with its old and new date.
 */
export async function redateForWorkdays(
  tx: Tx,
  workdays: number,
): Promise<Array<{ id: string; period: string; from: string; to: string }>> {
  const today = todayInChina();
  const waiting = await tx
    .select({ id: targetReports.id, period: targetReports.period, deadline: targetReports.deadline })
    .from(targetReports)
    .where(and(inArray(targetReports.status, ['draft', 'returned']), gte(targetReports.deadline, today)));
  const moved = waiting
    .map((r) => ({ id: r.id, period: r.period, from: r.deadline, to: reportDeadline(r.period, workdays) }))
    .filter((r) => r.to !== r.from && r.to >= today);
  for (const r of moved) {
    await tx.update(targetReports).set({ deadline: r.to }).where(eq(targetReports.id, r.id));
    await tellUnit(tx, await reportAudience(tx, r.id), 'targets.report.deadlineMoved', {
      from: r.from,
      to: r.to,
    });
  }
  return moved;
}
