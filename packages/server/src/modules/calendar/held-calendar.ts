import { calendarWithLoaded, type WorkCalendar } from '@qianxing/core/calendar';
import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/transaction.js';
import { CALENDAR_LOCK } from './commands/held-years.js';
import { loadedArrangements } from './queries/years.js';

/**
 * The calendar as stored, for a command that stores a due date counted on it: it takes the
 * calendar's lock shared (many such commands at once), which a year's loading or removal takes
 * alone. The loading then either waits for the command's commit, and its recount finds the date,
 * or committed before the lock was granted, and its year is read here: the process's own calendar
 * is refreshed only after that commit, and another process's up to a minute later.
 */
export async function heldCalendar(tx: Tx): Promise<WorkCalendar> {
  await tx.execute(sql`select pg_advisory_xact_lock_shared(${CALENDAR_LOCK})`);
  return calendarWithLoaded(await loadedArrangements(tx));
}
