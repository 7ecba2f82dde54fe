import { setLoadedArrangements } from '@qianxing/core/calendar';
import { useCallback, useEffect, useSyncExternalStore } from 'react';
import { useApi } from '../../../api/ApiContext';
import type { Api } from '../../../api/client';
import { type CalendarYear, listCalendarYears } from './api';

/**
 * The years the office loaded at run time, known to the browser's calendar too
 * (`officialCalendar` of @qianxing/core/calendar), so that a page counting working days in such
 * a year counts them as the server does. Asked once per load of the app; a failure is asked
 * again by the next page that needs them (or its retry).
 */
type State = 'idle' | 'loading' | 'ready' | 'failed';

let state: State = 'idle';
let asking: Promise<void> | undefined;
const listeners = new Set<() => void>();

function become(next: State) {
  state = next;
  for (const listener of listeners) listener();
}

/** Gives the browser's calendar the loaded years of this list (the built-in ones it has). */
export function adoptCalendarYears(years: readonly CalendarYear[]) {
  try {
    setLoadedArrangements(years.filter((y) => !y.builtIn).map((y) => y.arrangement));
  } catch {
    // A set the calendar refuses leaves it as it was; the server checked each year it took.
  }
  become('ready');
}

/** Forgets the loaded years, so the next page that needs them asks anew (a test's fresh start). */
export function forgetCalendarYears() {
  setLoadedArrangements([]);
  become('idle');
}

function ask(api: Api): Promise<void> {
  asking ??= (async () => {
    become('loading');
    try {
      adoptCalendarYears(await listCalendarYears(api));
    } catch {
      become('failed');
    } finally {
      asking = undefined;
    }
  })();
  return asking;
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => void listeners.delete(listener);
};

/**
 * Whether the loaded years are in the browser's calendar: `loading` while they are asked for,
 * `failed` with `reload` when they could not be; a working day counted meanwhile in a year only
 * they cover is not known yet.
 */
export function useLoadedYears() {
  const api = useApi();
  const current = useSyncExternalStore(subscribe, () => state);
  useEffect(() => {
    if (state === 'idle' || state === 'failed') void ask(api);
  }, [api]);
  const reload = useCallback(() => ask(api), [api]);
  return { loading: current === 'idle' || current === 'loading', failed: current === 'failed', reload };
}
