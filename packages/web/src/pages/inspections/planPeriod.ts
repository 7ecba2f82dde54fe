import { nextWorkday } from '@qianxing/core/calendar';
import { dayInChina, periodInChina } from '../../components/dayInChina';

/**
 * The period a new joint plan proposes: from the next working day after today in Qianjiang to
 * the end of that day's month. Days already past (the first of the month on the 5th) hold no
 * visit a plan can still make. A next working day in a year the built-in calendar does not hold
 * yet (a plan made on 31 December) falls back to tomorrow; the server then says what to load.
 */
export function defaultPlanPeriod(now: string): { periodStart: string; periodEnd: string } {
  const today = dayInChina(now);
  let start: string;
  try {
    start = nextWorkday(today);
  } catch {
    start = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  }
  return { periodStart: start, periodEnd: periodInChina(start, 'month').last };
}
