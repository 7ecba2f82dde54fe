import type { YearArrangement } from '@qianxing/core/calendar';
import type { Client } from 'openapi-fetch';
import type { Api } from '../../../api/client';
import { unwrap } from '../../../api/problem';
import type { Problem } from '../../../api/types';

/**
 * One year of the working-day calendar as the server lists it: built in with the code, or
 * loaded by the office from that year's notice (who loaded it and when).
 */
export interface CalendarYear {
  year: number;
  builtIn: boolean;
  arrangement: YearArrangement;
  /** When it was loaded (ISO timestamp); null for a built-in year. */
  loadedAt: string | null;
  /** The display name of who loaded it; null for a built-in year. */
  loadedBy: string | null;
  allowed: Array<'unload'>;
}

type NoParameters = { query?: never; header?: never; path?: never; cookie?: never };
type YearPath = { query?: never; header?: never; path: { year: number }; cookie?: never };
type Headers = { [name: string]: unknown };
type Json<T> = { headers: Headers; content: { 'application/json': T } };
type Failure = { headers: Headers; content: { 'application/problem+json': Problem } };

/**
 * The calendar's three calls in the shape of the generated schema (api/schema.ts), until the
 * server's module is in it: then `calendarApi(api)` becomes `api`, and these types the schema's.
 */
interface CalendarPaths {
  '/api/v1/calendar/years': {
    parameters: NoParameters;
    get: {
      parameters: NoParameters;
      requestBody?: never;
      responses: { 200: Json<CalendarYear[]>; 401: Failure; 403: Failure };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/calendar/years/{year}': {
    parameters: NoParameters;
    get?: never;
    put: {
      parameters: YearPath;
      requestBody: { content: { 'application/json': YearArrangement } };
      responses: { 200: Json<CalendarYear>; 400: Failure; 401: Failure; 403: Failure; 422: Failure };
    };
    post?: never;
    delete: {
      parameters: YearPath;
      requestBody?: never;
      responses: {
        204: { headers: Headers; content?: never };
        401: Failure;
        403: Failure;
        404: Failure;
        422: Failure;
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}

/** The app's client (its CSRF token and language go along), typed for the calendar's paths. */
const calendarApi = (api: Api) => api as unknown as Client<CalendarPaths>;

/** Every year the calendar knows, built in and loaded, by year. */
export async function listCalendarYears(api: Api): Promise<CalendarYear[]> {
  return unwrap(await calendarApi(api).GET('/api/v1/calendar/years'));
}

/** Loads a year's arrangement (or replaces the one loaded before). */
export async function saveCalendarYear(api: Api, arrangement: YearArrangement): Promise<CalendarYear> {
  return unwrap(
    await calendarApi(api).PUT('/api/v1/calendar/years/{year}', {
      params: { path: { year: arrangement.year } },
      body: arrangement,
    }),
  );
}

/** Takes a loaded year away: its deadlines count Monday to Friday again. */
export async function removeCalendarYear(api: Api, year: number): Promise<void> {
  unwrap(await calendarApi(api).DELETE('/api/v1/calendar/years/{year}', { params: { path: { year } } }));
}
