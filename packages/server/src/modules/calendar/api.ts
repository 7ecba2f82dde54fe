/**
 * What other modules and the server's entry may use of `calendar`. Deadlines read the loaded
 * years through `@qianxing/core/calendar`, which this module keeps filled (`loaded-years.ts`);
 * the command line reads them once with `loadedArrangements`. A command that stores a due date
 * counts it on `heldCalendar`, so that a year loaded at the same moment recounts it or counts it.
 */
export { heldCalendar } from './held-calendar.js';
export { forgetLoadedYears } from './loaded-years.js';
export { loadedArrangements } from './queries/years.js';
export { calendarYears } from './schema.js';
