import { and, asc, desc, eq, gte, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/transaction.js';
import {
  type CalendarChange,
  type DeadlineRecount,
  type MovedItem,
  movedDeadlines,
  recountNotices,
} from '../../kernel/deadline-recount.js';
import { todayInChina } from '../../kernel/deadlines.js';
import { deliver } from '../../kernel/notifications.js';
import { maskNumbersInText } from '../../privacy.js';
import { unitsByIds } from '../units/api.js';
import { departmentStaff } from './commands/notify.js';
import { firmMemberIds } from './members.js';
import {
  businessExtensions,
  businessRectifications,
  businessRequestEvents,
  businessRequests,
  type RequestEventKind,
} from './schema.js';

/** The steps that store a due date of the step in force, and the keys of their data that hold it. */
const datedSteps: Partial<Record<RequestEventKind, readonly string[]>> = {
  routed: ['dueOn'],
  rectification_opened: ['dueOn'],
  extension_requested: ['dueOn'],
  extension_approved: ['dueBefore', 'dueAfter'],
  extension_refused: ['dueBefore', 'dueAfter'],
};

/**
 * The due dates of the firms' requests still awaited: a department's answer (routed) or its
 * rectification (rectifying). Each date of the step in force, counted from the step's day (the
 * latest routing, or the rating that opened the rectification) through the changed year, keeps
 * its number of working days on the new calendar, the approved extensions' days included: the
 * request's due date, the step's own (the routing's, which the scorecard reads, or the
 * rectification's) and the extensions asked and decided since. A request answered or closed keeps
 * every date (its answer's lateness was judged against it), so do the steps before a re-route,
 * and so does a due date already passed when the calendar changed: its lateness was seen, told and
 * supervised on that date. Answers how many requests' due dates moved.
 *
 * Whoever must meet a moved date, or sees it, is told in the same transaction, once for all
 * their requests moved: the staff of the department that holds each request, and the staff of
 * the firm that raised it.
 */
export const recountRequestDeadlines: DeadlineRecount = async (tx, change) => {
  const today = todayInChina();
  const waiting = await tx
    .select({ id: businessRequests.id })
    .from(businessRequests)
    .where(awaitedFrom(today, change.from));
  const moved: Array<{ request: WaitingRequest; dueOn: string }> = [];
  for (const request of await lockedIfAwaited(
    tx,
    waiting.map((w) => w.id),
    today,
    change.from,
  )) {
    const dueOn = await recountRequest(tx, change, today, request);
    if (dueOn !== null) moved.push({ request, dueOn });
  }
  await tellMoved(tx, change.year, moved);
  return moved.length;
};

/** Requests awaited on a due date the change can move: not passed, not before the change's first day. */
const awaitedFrom = (today: string, from: string) =>
  and(
    inArray(businessRequests.status, ['routed', 'rectifying']),
    gte(businessRequests.dueOn, today),
    gte(businessRequests.dueOn, from),
  );

type WaitingRequest = Awaited<ReturnType<typeof lockedIfAwaited>>[number];

/**
 * The requests as they stand under their locks, those still awaited on a date the change can move.
 * The list was read without locks: an extension approved, an answer given or a re-route made
 * since then must not be overwritten with the dates read before it (the extension's days lost, an
 * answered request's dates moved). Locked in the order the steps take them (the open
 * rectifications, then the requests), so none of them holds what the recount waits for; each
 * kind in one statement for the whole list, in the order of their ids, so the year's loading
 * costs two round trips for the locks however many requests wait.
 */
async function lockedIfAwaited(tx: Tx, ids: readonly string[], today: string, from: string) {
  if (ids.length === 0) return [];
  await tx
    .select({ id: businessRectifications.id })
    .from(businessRectifications)
    .where(
      and(inArray(businessRectifications.requestId, [...ids]), eq(businessRectifications.status, 'open')),
    )
    .orderBy(asc(businessRectifications.id))
    .for('update');
  return tx
    .select({
      id: businessRequests.id,
      status: businessRequests.status,
      dueOn: businessRequests.dueOn,
      title: businessRequests.title,
      departmentId: businessRequests.departmentId,
      firmId: businessRequests.firmId,
    })
    .from(businessRequests)
    .where(and(inArray(businessRequests.id, [...ids]), awaitedFrom(today, from)))
    .orderBy(asc(businessRequests.id))
    .for('update');
}

/**
 * One notice to each account of a department or a firm whose requests' due dates moved: the
 * request's title (numbers masked, as in the lists) and its dates when it is the only one, which
 * the inbox opens; else how many.
 */
async function tellMoved(
  tx: Tx,
  year: number,
  moved: ReadonlyArray<{
    request: { id: string; dueOn: string | null; title: string; departmentId: string | null; firmId: string };
    dueOn: string;
  }>,
) {
  if (moved.length === 0) return;
  const departmentIds = [
    ...new Set(moved.flatMap(({ request: r }) => (r.departmentId ? [r.departmentId] : []))),
  ];
  const firmIds = [...new Set(moved.map(({ request: r }) => r.firmId))];
  const units = await unitsByIds(tx, departmentIds);
  const staff = await departmentStaff(tx, departmentIds);
  const members = new Map<string, string[]>();
  for (const id of firmIds) members.set(id, await firmMemberIds(tx, id));
  const item = (to: readonly string[], { request: r, dueOn }: (typeof moved)[number]): MovedItem => ({
    id: r.id,
    to,
    params: {
      requestId: r.id,
      title: maskNumbersInText(r.title),
      department: (r.departmentId && units.get(r.departmentId)?.name) || '',
      dueBefore: r.dueOn,
      dueOn,
    },
  });
  await deliver(tx, [
    ...recountNotices(
      year,
      moved.map((m) => item(m.request.departmentId ? (staff.get(m.request.departmentId) ?? []) : [], m)),
      { one: 'business.notice.dueRecounted', many: 'business.notice.dueRecountedMany' },
    ),
    ...recountNotices(
      year,
      moved.map((m) => item(members.get(m.request.firmId) ?? [], m)),
      { one: 'business.notice.firmDueRecounted', many: 'business.notice.firmDueRecountedMany' },
    ),
  ]);
}

/** Counts one request's dates again; its new due date if it moved, else null. */
async function recountRequest(
  tx: Tx,
  change: CalendarChange,
  today: string,
  { id: requestId, dueOn: was, status }: { id: string; dueOn: string | null; status: string },
): Promise<string | null> {
  const rectifying = status === 'rectifying';
  const [step] = await tx
    .select({ seq: businessRequestEvents.seq, at: businessRequestEvents.createdAt })
    .from(businessRequestEvents)
    .where(
      and(
        eq(businessRequestEvents.requestId, requestId),
        eq(businessRequestEvents.kind, rectifying ? 'rectification_opened' : 'routed'),
      ),
    )
    .orderBy(desc(businessRequestEvents.seq))
    .limit(1);
  if (!step) return null;
  const start = todayInChina(step.at);
  const dateOn = (due: string): string =>
    due < today ? due : (movedDeadlines([{ deadline: due }], () => start, change)[0]?.deadline ?? due);
  const moveDate = (due: string | null): string | null => (due === null ? null : dateOn(due));

  const events = await tx
    .select({
      id: businessRequestEvents.id,
      kind: businessRequestEvents.kind,
      data: businessRequestEvents.data,
    })
    .from(businessRequestEvents)
    .where(and(eq(businessRequestEvents.requestId, requestId), gte(businessRequestEvents.seq, step.seq)));
  for (const event of events) {
    const changed: Record<string, string> = {};
    for (const key of datedSteps[event.kind] ?? []) {
      const was = event.data[key];
      if (typeof was === 'string' && dateOn(was) !== was) changed[key] = dateOn(was);
    }
    if (Object.keys(changed).length > 0)
      await tx
        .update(businessRequestEvents)
        .set({ data: { ...event.data, ...changed } })
        .where(eq(businessRequestEvents.id, event.id));
  }

  const extensions = await tx
    .select({
      id: businessExtensions.id,
      dueBefore: businessExtensions.dueBefore,
      dueAfter: businessExtensions.dueAfter,
    })
    .from(businessExtensions)
    .where(and(eq(businessExtensions.requestId, requestId), gte(businessExtensions.createdAt, step.at)));
  for (const ext of extensions) {
    const dates = { dueBefore: dateOn(ext.dueBefore), dueAfter: moveDate(ext.dueAfter) };
    if (dates.dueBefore !== ext.dueBefore || dates.dueAfter !== ext.dueAfter)
      await tx.update(businessExtensions).set(dates).where(eq(businessExtensions.id, ext.id));
  }

  if (rectifying) {
    const open = await tx
      .select({ id: businessRectifications.id, dueOn: businessRectifications.dueOn })
      .from(businessRectifications)
      .where(and(eq(businessRectifications.requestId, requestId), eq(businessRectifications.status, 'open')));
    for (const rect of open)
      if (dateOn(rect.dueOn) !== rect.dueOn)
        await tx
          .update(businessRectifications)
          .set({ dueOn: dateOn(rect.dueOn) })
          .where(eq(businessRectifications.id, rect.id));
  }

  const dueOn = moveDate(was);
  if (dueOn === was || dueOn === null) return null;
  await tx.update(businessRequests).set({ dueOn }).where(eq(businessRequests.id, requestId));
  return dueOn;
}
