import { z } from '@hono/zod-openapi';

/** The published department scorecard's API: the one source of its types and of the document. */

const weight = z.number().min(0).max(100);

export const ScorecardSettings = z
  .object({
    /** Working days from routing that every department is held to on the scorecard. */
    deadlineWorkdays: z.number().int().min(1).max(60),
    weights: z
      .object({
        response: weight,
        resolution: weight,
        satisfaction: weight,
        /** The latest closed survey's share of 4s and 5s (千企万众评效能); 0, the default, leaves it out. */
        survey: weight.default(0),
      })
      .strict()
      .refine((w) => w.response + w.resolution + w.satisfaction > 0, {
        message: 'at least one weight above 0',
        params: { reason: 'weights_all_zero' },
      }),
    /** A score from this up is 好. */
    goodFrom: z.number().min(0).max(100),
    /** A score below this is 差; between the two, 中. */
    poorBelow: z.number().min(0).max(100),
    /**
     * Working days after an answer (or a rectification's result) the firm has to rate it; then
     * the request closes unrated (未评价办结): resolved, and left out of the satisfaction rate.
     */
    ratingWorkdays: z.number().int().min(1).max(60).default(10),
  })
  .strict()
  .refine((s) => s.poorBelow <= s.goodFrom, {
    message: 'the cut-off of 差 must not be above that of 好',
    path: ['poorBelow'],
    params: { reason: 'tiers_crossed' },
  })
  .openapi('BusinessScorecardSettings');
export type ScorecardSettings = z.infer<typeof ScorecardSettings>;

export const ScorecardTier = z.enum(['good', 'fair', 'poor']).openapi('BusinessScorecardTier');
export type ScorecardTier = z.infer<typeof ScorecardTier>;

const rate = z.number().min(0).max(1);

export const ScorecardLine = z
  .object({
    departmentId: z.uuid(),
    departmentName: z.string(),
    requests: z.number().int(),
    onTime: z.number().int(),
    resolved: z.number().int(),
    rated: z.number().int(),
    satisfied: z.number().int(),
    responseRate: rate,
    resolutionRate: rate,
    satisfactionRate: rate.nullable(),
    score: z.number().nullable(),
    rank: z.number().int().nullable(),
    tier: ScorecardTier.nullable(),
    /** The department in the latest survey closed by the month's end, with its sample size. */
    survey: z
      .object({
        surveyId: z.uuid(),
        title: z.string(),
        closedOn: z.string(),
        mean: z.number(),
        satisfactionShare: rate,
        firms: z.number().int(),
        public: z.number().int(),
      })
      .nullable(),
  })
  .openapi('BusinessScorecardLine');
export type ScorecardLine = z.infer<typeof ScorecardLine>;

export const PublicScorecard = z
  .object({
    /** The month shown; null when no month has ended with a request due in it. */
    month: z.string().nullable(),
    /** The months of the trend, oldest first: up to twelve that have ended. */
    months: z.array(z.string()),
    settings: ScorecardSettings,
    departments: z.array(ScorecardLine),
    /** Each department's score in each of `months` (null: no request due that month). */
    trend: z.array(
      z.object({
        departmentId: z.uuid(),
        departmentName: z.string(),
        scores: z.array(z.number().nullable()),
      }),
    ),
  })
  .openapi('BusinessPublicScorecard');
export type PublicScorecard = z.infer<typeof PublicScorecard>;

export const ScorecardQuery = z
  .object({
    month: z
      .string()
      .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
      .optional(),
  })
  .strict()
  .openapi('BusinessScorecardQuery');
