import { officialCalendar } from '@qianxing/core/calendar';
import { dueAfter, workdaysCounted } from '../../../kernel/deadlines.js';

/** The published week of the demo (`demo-visits.ts`): visited, in part, before the draft's days. */
export const demoWeek = { periodStart: '2026-11-16', periodEnd: '2026-11-20' } as const;

/** Working days the draft holds at least: the rest of a month nearly over runs on to the next month's end. */
const fewestWorkdays = 10;

/** The last day of a day's month (YYYY-MM-DD). */
function monthEnd(day: string): string {
  const d = new Date(`${day.slice(0, 7)}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + 1, 0);
  return d.toISOString().slice(0, 10);
}

/** The day after a day (YYYY-MM-DD). */
const dayAfter = (day: string) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/**
 * The period of the demo's draft plan, seeded on `today` (China date): from the next working day
 * to the end of that day's month, as the plan form proposes, so that the office can publish it
 * whenever the demo is seeded; never before the published week is over. When the month has fewer
 * than ten working days left, the draft runs to the end of the next month if the calendar holds
 * its year. Working days of a year the calendar does not hold yet are counted Monday to Friday
 * (the kernel's fallback); a plan of them is refused until that year's arrangement is loaded.
 */
export function demoDraftPeriod(today: string): { periodStart: string; periodEnd: string } {
  const from = today > demoWeek.periodEnd ? today : demoWeek.periodEnd;
  const periodStart = dueAfter(from, 1);
  const periodEnd = monthEnd(periodStart);
  // Counted after the first day, which is a working day.
  const workdays = 1 + workdaysCounted(officialCalendar, periodStart, periodEnd);
  const longer = monthEnd(dayAfter(periodEnd));
  const held = officialCalendar.years.includes(Number(longer.slice(0, 4)));
  return { periodStart, periodEnd: workdays < fewestWorkdays && held ? longer : periodEnd };
}
