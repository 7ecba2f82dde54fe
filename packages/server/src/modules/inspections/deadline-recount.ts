import { and, eq, gte, isNotNull, isNull } from 'drizzle-orm';
import type { Tx } from '../../db/transaction.js';
import {
  type DeadlineRecount,
  type MovedItem,
  movedDeadlines,
  recountNotices,
} from '../../kernel/deadline-recount.js';
import { todayInChina } from '../../kernel/deadlines.js';
import { deliver } from '../../kernel/notifications.js';
import { firmMemberIds, firmsByIds } from '../business/api.js';
import { unitsByIds } from '../units/api.js';
import { holdersOver } from '../users/api.js';
import { inspectionFindings, inspectionItems, inspectionVisits } from './schema.js';

/**
 * The due dates of the rectifications not closed (an issue whose rectification the department has
 * not accepted: one awaiting verification keeps its due date current, for a return reopens it on
 * that date), counted
 * from the China day the visit was completed through the changed year: each keeps its number of
 * working days on the new calendar, so a rectification due in the first days of January, counted
 * Monday to Friday before the notice was loaded, moves past New Year's Day once it is.
 *
 * A due date already passed on the day the calendar changes stays, as the firms' requests' do: the
 * lateness was seen on that date (listed overdue while it awaited the firm).
 *
 * Told in the same transaction, once each for all their rectifications moved: the staff of the
 * firm, which must rectify by the date, and the staff of the department whose item found the
 * issue, which follows the rectification up.
 */
export const recountInspectionDeadlines: DeadlineRecount = async (tx, change) => {
  const today = todayInChina();
  const open = await tx
    .select({
      id: inspectionFindings.id,
      deadline: inspectionFindings.dueDate,
      completedAt: inspectionVisits.completedAt,
      visitId: inspectionVisits.id,
      date: inspectionVisits.date,
      firmId: inspectionVisits.firmId,
      item: inspectionItems.name,
      unitId: inspectionItems.unitId,
    })
    .from(inspectionFindings)
    .innerJoin(inspectionVisits, eq(inspectionVisits.id, inspectionFindings.visitId))
    .innerJoin(inspectionItems, eq(inspectionItems.id, inspectionFindings.itemId))
    .where(
      and(
        eq(inspectionFindings.result, 'issue'),
        isNull(inspectionFindings.verifiedAt),
        isNotNull(inspectionVisits.completedAt),
        gte(inspectionFindings.dueDate, change.from),
        gte(inspectionFindings.dueDate, today),
      ),
    );
  const rows = open.map((r) => ({ ...r, deadline: r.deadline!, completedAt: r.completedAt! }));
  // The list was read without locks: a rectification accepted since keeps its date, and only
  // the rows the conditioned write did change are counted and told of.
  const moved: Moved[number][] = [];
  for (const m of movedDeadlines(rows, (r) => todayInChina(r.completedAt), change)) {
    const written = await tx
      .update(inspectionFindings)
      .set({ dueDate: m.deadline })
      .where(and(eq(inspectionFindings.id, m.row.id), isNull(inspectionFindings.verifiedAt)))
      .returning({ id: inspectionFindings.id });
    if (written.length > 0) moved.push(m);
  }
  await tellMoved(tx, change.year, moved);
  return moved.length;
};

/** An open rectification whose due date moved (`deadline` the new one), with its visit and item. */
type Moved = ReadonlyArray<{
  row: {
    id: string;
    deadline: string;
    visitId: string;
    date: string;
    firmId: string;
    item: string;
    unitId: string;
  };
  deadline: string;
}>;

/**
 * One notice to each account of a firm or a department whose rectifications' due dates moved:
 * the item, the visit's date and the dates when it is the only one (the firm's opens its visit,
 * the department's its follow-up list), else how many.
 */
async function tellMoved(tx: Tx, year: number, moved: Moved) {
  if (moved.length === 0) return;
  const firmIds = [...new Set(moved.map(({ row }) => row.firmId))];
  const unitIds = [...new Set(moved.map(({ row }) => row.unitId))];
  const firms = await firmsByIds(tx, firmIds);
  const members = new Map<string, string[]>();
  for (const id of firmIds) members.set(id, await firmMemberIds(tx, id));
  // A department's staff granted at it or at a unit above it, as the policies read a grant.
  const units = await unitsByIds(tx, unitIds);
  const over = await holdersOver(
    tx,
    'department_staff',
    [...units.values()].map((u) => u.path),
  );
  const staff = new Map(unitIds.map((id) => [id, over.get(units.get(id)?.path ?? '') ?? []]));
  const item = (to: readonly string[], { row, deadline }: Moved[number]): MovedItem => ({
    id: row.id,
    to,
    params: {
      visitId: row.visitId,
      date: row.date,
      firm: firms.get(row.firmId)?.name ?? '',
      item: row.item,
      dueBefore: row.deadline,
      dueOn: deadline,
    },
  });
  await deliver(tx, [
    ...recountNotices(
      year,
      moved.map((m) => item(members.get(m.row.firmId) ?? [], m)),
      { one: 'inspections.notice.firmDueRecounted', many: 'inspections.notice.firmDueRecountedMany' },
    ),
    ...recountNotices(
      year,
      moved.map((m) => item(staff.get(m.row.unitId) ?? [], m)),
      { one: 'inspections.notice.dueRecounted', many: 'inspections.notice.dueRecountedMany' },
    ),
  ]);
}
