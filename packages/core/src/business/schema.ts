import { z } from 'zod';
import { isIsoDate } from '../calendar/index.js';

const id = z.string().min(1, 'a non-empty text').max(200, 'at most 200 characters');
const isoDate = z.string().refine(isIsoDate, 'a real date as YYYY-MM-DD');
const weight = z.number('a number ≥ 0').min(0, 'a number ≥ 0');

/**
 * One firm's request to a department (黔诚无忧). `answeredOn` and `rating` must be present and
 * may be null (not answered, not rated): a misspelt key then fails instead of quietly counting
 * as "not answered". Other keys (a title, the firm) are allowed and ignored.
 */
export const firmRequestSchema = z.object({
  id,
  department: id,
  receivedOn: isoDate,
  /**
   * The due date the request's own record holds (after approved extensions); absent, it is
   * `deadlineWorkdays` working days after `receivedOn`.
   */
  dueOn: isoDate.optional(),
  answeredOn: isoDate.nullable(),
  resolved: z.boolean('true or false'),
  /** The firm's rating, 1 (worst) to 5 (best); 4 and 5 count as satisfied. */
  rating: z.number().int('a whole number from 1 to 5').min(1, 'from 1 to 5').max(5, 'from 1 to 5').nullable(),
});

/**
 * The weights of the three rates in the score. All three are required and no other key is
 * accepted, so that a misspelt or invented rate cannot be silently left out of the score.
 */
export const scorecardWeightsSchema = z
  .strictObject({ response: weight, resolution: weight, satisfaction: weight })
  .refine((w) => {
    const all = [w.response, w.resolution, w.satisfaction];
    // A negative weight is reported on its own; this is about weights that are all 0.
    return all.some((x) => x > 0) || all.some((x) => x < 0);
  }, 'at least one weight above 0');

/** What every month's scorecard is computed from: the requests, their deadline and the weights. */
export const scorecardRequestsSchema = z.strictObject({
  /** Working days a department has to answer, counted from the day after receipt, for a request without its own `dueOn`. */
  deadlineWorkdays: z
    .number()
    .int('a whole number of working days')
    .min(0, 'at least 0')
    .max(250, 'at most 250 (about a year of working days)'),
  weights: scorecardWeightsSchema,
  requests: z.array(firmRequestSchema),
});

/** `YYYY-MM`; whether the calendar covers the year is checked against the calendar in use. */
export const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month as YYYY-MM');

/** The input of one month's department scorecard. */
export const scorecardInputSchema = scorecardRequestsSchema.extend({ month: monthSchema });

export type FirmRequest = z.infer<typeof firmRequestSchema>;
export type ScorecardWeights = z.infer<typeof scorecardWeightsSchema>;
export type ScorecardRequests = z.output<typeof scorecardRequestsSchema>;
export type ScorecardRequestsInput = z.input<typeof scorecardRequestsSchema>;
export type ScorecardInput = z.input<typeof scorecardInputSchema>;

/** One department's line of a month's scorecard. Rates are in [0, 1], the score in [0, 100]. */
export interface DepartmentScore {
  department: string;
  /** Requests due in the month (their due date falls in it). */
  requests: number;
  /** Of those, answered on or before the due date. */
  onTime: number;
  resolved: number;
  rated: number;
  /** Rated 4 or 5. */
  satisfied: number;
  responseRate: number;
  resolutionRate: number;
  /** null when none of the month's requests was rated. */
  satisfactionRate: number | null;
  /** null when every rate with a positive weight is null (see docs/methods/business.md). */
  score: number | null;
  /** Competition rank ("1224") by score; null when the score is null. */
  rank: number | null;
}

export interface MonthScorecard {
  month: string;
  /** By rank, then department id in code-point order; unscored departments last. */
  departments: DepartmentScore[];
}
