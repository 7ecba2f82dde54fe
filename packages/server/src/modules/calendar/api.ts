/**
 * What other modules may use of `calendar`: nothing yet. Deadlines read the loaded years through
 * `@qianxing/core/calendar`, which this module keeps filled (`loaded-years.ts`).
 */
export { calendarYears } from './schema.js';
