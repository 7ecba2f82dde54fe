import { setLoadedArrangements, type YearArrangement } from '@qianxing/core/calendar';
import type { Db } from '../../db/client.js';
import { loadedArrangements } from './queries/years.js';

/**
 * The loaded years of each database this process serves. The calendar they feed is the core's
 * one, for the whole process: the State Council's arrangement is national, so every district
 * counts the same working days, and the deadline helpers read it without a context. When two
 * databases hold the same year, the notice issued later wins.
 */
const byDatabase = new Map<Db, readonly YearArrangement[]>();

/** How often each process reads the loaded years again, so that one loaded elsewhere joins. */
export const REFRESH_MS = 60_000;

function install(): void {
  const byYear = new Map<number, YearArrangement>();
  for (const years of byDatabase.values())
    for (const a of years) {
      const had = byYear.get(a.year);
      if (!had || (a.sources[0]?.issued ?? '') > (had.sources[0]?.issued ?? '')) byYear.set(a.year, a);
    }
  setLoadedArrangements([...byYear.values()]);
}

/** Reads the database's loaded years and puts them in the process's calendar. */
export async function refreshLoadedYears(db: Db): Promise<void> {
  byDatabase.set(db, await loadedArrangements(db));
  install();
}

/**
 * Takes a database's years out of the process's calendar, as when it is closed: a test file's
 * database loaded a year (2998, say) that no later file's database holds, and files share a
 * process.
 */
export function forgetLoadedYears(db: Db): void {
  if (byDatabase.delete(db)) install();
}

/** The module's background work: the loaded years now, then every {@link REFRESH_MS}. */
export function startLoadedYears(db: Db, onError: (err: unknown) => void): () => Promise<void> {
  refreshLoadedYears(db).catch(onError);
  const timer = setInterval(() => refreshLoadedYears(db).catch(onError), REFRESH_MS);
  timer.unref();
  return async () => {
    clearInterval(timer);
    forgetLoadedYears(db);
  };
}
