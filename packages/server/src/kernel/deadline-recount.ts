import type { WorkCalendar, YearArrangement } from '@qianxing/core/calendar';
import type { Tx } from '../db/transaction.js';
import { dueAfterOn, workdaysCounted } from './deadlines.js';
import type { Notice } from './notifications.js';

/** A year's holidays loaded or replaced: the calendar deadlines were counted on, and the new one. */
export interface CalendarChange {
  year: number;
  /** The first day the change can move a due date to or from ({@link changedFrom}). */
  from: string;
  before: WorkCalendar;
  after: WorkCalendar;
}

/**
 * The first day a change of the year's arrangement can touch: 1 January, or the earliest day off
 * or make-up working day of the arrangement before or after the change when that is earlier. A
 * notice reaches into the year before: the 2019 one (国办发明电〔2018〕15号) gave 30 and 31
 * December 2018 off and made Saturday 29 December a working day, so a due date on those days
 * moves when it is loaded.
 */
export function changedFrom(
  year: number,
  ...arrangements: ReadonlyArray<YearArrangement | undefined>
): string {
  let from = `${year}-01-01`;
  for (const a of arrangements)
    for (const day of [...(a?.holidays.map((h) => h.start) ?? []), ...(a?.workdays.map((w) => w.date) ?? [])])
      if (day < from) from = day;
  return from;
}

/**
 * Counts again, on the new calendar, the due dates a module stored by counting working days
 * through the changed year, keeping each one's number of working days (a fourth quarter's report
 * due in January was counted Monday to Friday until the State Council's notice was loaded, and
 * said so). Only what still waits on its date; answers how many dates moved.
 */
export type DeadlineRecount = (tx: Tx, change: CalendarChange) => Promise<number>;

const recounts = new Map<string, DeadlineRecount>();

/**
 * The modules' recounts, registered by the module registry: the calendar module cannot import
 * the modules that count on it.
 */
export function registerDeadlineRecounts(
  modules: ReadonlyArray<{ name: string; recountDeadlines?: DeadlineRecount }>,
) {
  for (const m of modules) if (m.recountDeadlines) recounts.set(m.name, m.recountDeadlines);
}

/** Runs every module's recount in the calendar change's transaction; how many dates moved, by module. */
export async function recountDeadlines(tx: Tx, change: CalendarChange): Promise<Record<string, number>> {
  const moved: Record<string, number> = {};
  for (const [name, recount] of recounts) {
    const n = await recount(tx, change);
    if (n > 0) moved[name] = n;
  }
  return moved;
}

/**
 * Of these stored due dates, the ones that move on the new calendar, each with its new date: the
 * date counted again from its start (`startOf`, the day the count began) with the same number of
 * working days. Dates whose count began after the changed year stay, and so do those before the
 * first day the change touches.
 */
export function movedDeadlines<T extends { deadline: string }>(
  rows: readonly T[],
  startOf: (row: T) => string,
  { year, from, before, after }: CalendarChange,
): Array<{ row: T; deadline: string }> {
  const moved: Array<{ row: T; deadline: string }> = [];
  for (const row of rows) {
    const start = startOf(row);
    if (start >= `${year + 1}-01-01` || row.deadline < from) continue;
    const deadline = dueAfterOn(after, start, workdaysCounted(before, start, row.deadline));
    if (deadline !== row.deadline) moved.push({ row, deadline });
  }
  return moved;
}

/** A due date a recount moved: the item, who answers for it, and what a notice about it alone says. */
export interface MovedItem {
  /** The item's id: the same item told to the same account twice counts once. */
  id: string;
  /** The accounts that answer for the item (or see its due date) and are told. */
  to: readonly string[];
  /** The notice's data when this item is the only one moved for an account (its link among them). */
  params: Record<string, unknown>;
}

/**
 * The notices of a recount: one per account told, never one per item. An account for which one
 * item moved gets `one` with that item's data (its page, its dates); one for which several moved,
 * `many` with how many. Both carry the changed year and the count. Nobody is told of a recount
 * that moved nothing.
 */
export function recountNotices(
  year: number,
  moved: readonly MovedItem[],
  keys: { one: string; many: string },
): Notice[] {
  const byAccount = new Map<string, Map<string, MovedItem>>();
  for (const item of moved)
    for (const userId of item.to) {
      const items = byAccount.get(userId) ?? new Map<string, MovedItem>();
      items.set(item.id, item);
      byAccount.set(userId, items);
    }
  return [...byAccount].map(([userId, items]) => {
    const [only] = items.values();
    return items.size === 1
      ? { userId, key: keys.one, params: { year, count: 1, ...only!.params } }
      : { userId, key: keys.many, params: { year, count: items.size } };
  });
}
