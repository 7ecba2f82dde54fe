import type { YearArrangement } from '@qianxing/core/calendar';
import type { Api } from '../../../api/client';
import { unwrap } from '../../../api/problem';
import type { components } from '../../../api/schema';

/**
 * One year of the working-day calendar as the server lists it: built in with the code, or
 * loaded by the office from that year's notice (who loaded it and when).
 */
export type CalendarYear = components['schemas']['CalendarYear'];

/** Every year the calendar knows, built in and loaded, by year. */
export async function listCalendarYears(api: Api): Promise<CalendarYear[]> {
  return unwrap(await api.GET('/api/v1/calendar/years'));
}

/** Loads a year's arrangement (or replaces the one loaded before). */
export async function saveCalendarYear(api: Api, arrangement: YearArrangement): Promise<CalendarYear> {
  return unwrap(
    await api.PUT('/api/v1/calendar/years/{year}', {
      params: { path: { year: arrangement.year } },
      body: arrangement,
    }),
  );
}

/** Takes a loaded year away: its deadlines count Monday to Friday again. */
export async function removeCalendarYear(api: Api, year: number): Promise<void> {
  unwrap(await api.DELETE('/api/v1/calendar/years/{year}', { params: { path: { year } } }));
}
