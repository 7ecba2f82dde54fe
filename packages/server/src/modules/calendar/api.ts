/**
 * What other modules and the server's entry may use of `calendar`. Deadlines read the loaded
 * years through `@qianxing/core/calendar`, which this module keeps filled (`loaded-years.ts`);
 * the command line reads them once with `loadedArrangements`.
 */
export { forgetLoadedYears } from './loaded-years.js';
export { loadedArrangements } from './queries/years.js';
export { calendarYears } from './schema.js';
