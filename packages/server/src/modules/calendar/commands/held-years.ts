import { calendarWithLoaded, type YearArrangement } from '@qianxing/core/calendar';
import { eq, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/transaction.js';
import { type CalendarChange, changedFrom } from '../../../kernel/deadline-recount.js';
import { loadedArrangements } from '../queries/years.js';
import { calendarYears } from '../schema.js';

/** Distinct from every other advisory lock the platform takes (the unit tree's is 7_310_003). */
export const CALENDAR_LOCK = 7_310_004;

/**
 * In a transaction that loads or removes a year: waits for any other such change to commit, then
 * reads the loaded years as they now stand. Two years loaded at the same moment would otherwise
 * each be checked, and each recount the due dates, on a calendar without the other: a day one
 * gives off and the other works could both commit, and a date counted through both years would
 * keep a count neither made.
 */
export async function heldYears(tx: Tx, year: number) {
  await tx.execute(sql`select pg_advisory_xact_lock(${CALENDAR_LOCK})`);
  const [stored] = await tx.select().from(calendarYears).where(eq(calendarYears.year, year));
  const others = (await loadedArrangements(tx)).filter((a) => a.year !== year);
  return { stored, others };
}

/** The change from the year's arrangement `before` (none if not loaded) to `after` (none if removed). */
export const calendarChange = (
  year: number,
  others: readonly YearArrangement[],
  before: YearArrangement | undefined,
  after: YearArrangement | undefined,
): CalendarChange => ({
  year,
  from: changedFrom(year, before, after),
  before: calendarWithLoaded(before ? [...others, before] : others),
  after: calendarWithLoaded(after ? [...others, after] : others),
});
