import { z } from '@hono/zod-openapi';
import { scorecardStatuses } from '../schema.js';
import { Quarter } from './common.js';

/** Quarterly scorecards (季度晾晒): draft and published, and the public view of a published one. */
export const ScorecardStatus = z.enum(scorecardStatuses).openapi('ScorecardStatus');

export const Tier = z.enum(['advanced', 'standard', 'rectify']).openapi('ScorecardTier');
export const UnitCategory = z.enum(['department', 'town', 'other']).openapi('ScorecardCategory');

export const ScorecardUnit = z
  .object({
    unitId: z.uuid(),
    unitCode: z.string(),
    unitName: z.string(),
    rank: z.number().int(),
    categorySize: z.number().int(),
    score: z.number(),
    tier: Tier,
    progressed: z.boolean(),
    rankDelta: z.number().int().nullable(),
    scoreDelta: z.number().nullable(),
    catchUpIndex: z.number().nullable(),
    planned: z.number().int(),
    reported: z.number().int(),
    late: z.boolean(),
  })
  .openapi('ScorecardUnit');
export type ScorecardUnit = z.infer<typeof ScorecardUnit>;

export const ScorecardResult = z
  .object({ categories: z.array(z.object({ category: UnitCategory, units: z.array(ScorecardUnit) })) })
  .openapi('ScorecardResult');
export type ScorecardResult = z.infer<typeof ScorecardResult>;

export const Scorecard = z
  .object({
    id: z.uuid(),
    period: z.string(),
    status: ScorecardStatus,
    computedAt: z.string(),
    publishedAt: z.string().nullable(),
    result: ScorecardResult,
  })
  .openapi('Scorecard');
export type Scorecard = z.infer<typeof Scorecard>;
export const ScorecardSummary = Scorecard.omit({ result: true }).openapi('ScorecardSummary');

export const ComputeInput = z.object({ period: Quarter }).strict().openapi('ScorecardComputeInput');

/** The public leaderboard: a stable shape other sites may rely on. */
export const PublicScorecard = z
  .object({
    period: z.string(),
    publishedAt: z.string(),
    categories: z.array(
      z.object({
        category: UnitCategory,
        units: z.array(
          z.object({
            unitId: z.uuid(),
            unitName: z.string(),
            rank: z.number().int(),
            score: z.number(),
            tier: Tier,
            progressed: z.boolean(),
            rankDelta: z.number().int().nullable(),
          }),
        ),
      }),
    ),
  })
  .openapi('PublicScorecard');
export type PublicScorecard = z.infer<typeof PublicScorecard>;
