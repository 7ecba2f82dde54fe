import { dueAfter, todayInChina } from '../../../kernel/deadlines.js';

/**
 * The last day the firm may rate an answer (or a rectification's result) given at `answeredAt`:
 * the `ratingWorkdays`-th working day after the day of the answer, on the official calendar. The
 * whole last day counts; the request closes unrated (未评价办结) from the next day on.
 */
export const ratingLastDay = (answeredAt: Date, ratingWorkdays: number): string =>
  dueAfter(todayInChina(answeredAt), ratingWorkdays);
