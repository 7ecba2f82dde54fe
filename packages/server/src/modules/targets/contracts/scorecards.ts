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
    // Optional: scorecards computed before these fields existed do not carry them.
    /** Not ranked in the previous quarter (shown as 新 rather than a change of places). */
    newEntrant: z.boolean().optional(),
    /** Plan items that reached the quarter's target: the first key of the tie break. */
    reachedTarget: z.number().int().optional(),
    /** When the report was submitted: the second key of the tie break. */
    submittedAt: z.string().nullable().optional(),
  })
  .openapi('ScorecardUnit');
export type ScorecardUnit = z.infer<typeof ScorecardUnit>;

/** Why a unit with an approved plan is not ranked: no counted report, or its report was returned. */
export const UnreportedStatus = z.enum(['not_submitted', 'returned']).openapi('ScorecardUnreportedStatus');

/** A unit with an approved plan and no counted report: listed, not scored. */
export const UnreportedUnit = z
  .object({ unitId: z.uuid(), unitCode: z.string(), unitName: z.string(), status: UnreportedStatus })
  .openapi('ScorecardUnreportedUnit');
export type UnreportedUnit = z.infer<typeof UnreportedUnit>;

export const ScorecardResult = z
  .object({
    categories: z.array(
      z.object({
        category: UnitCategory,
        units: z.array(ScorecardUnit),
        unreported: z.array(UnreportedUnit).optional(),
      }),
    ),
  })
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
            newEntrant: z.boolean().optional(),
          }),
        ),
        unreported: z
          .array(z.object({ unitId: z.uuid(), unitName: z.string(), status: UnreportedStatus }))
          .optional(),
      }),
    ),
  })
  .openapi('PublicScorecard');
export type PublicScorecard = z.infer<typeof PublicScorecard>;

export const PublishedPeriod = z
  .object({ period: z.string(), publishedAt: z.string() })
  .openapi('PublishedScorecardPeriod');
export type PublishedPeriod = z.infer<typeof PublishedPeriod>;
