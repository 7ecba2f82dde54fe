import { z } from 'zod';

const id = z.string().min(1);
const finite = z.number();

/** higher = more is better (GDP, output); lower = less is better (energy per unit GDP, days to approve). */
export const indicatorDirectionSchema = z.enum(['higher', 'lower']);

export const scorecardIndicatorSchema = z.object({ id, direction: indicatorDirectionSchema });

/** `category` groups the units that are ranked against each other, e.g. "department", "town". */
export const scorecardUnitSchema = z.object({ id, category: id });

/** One line of a unit's catch-up plan (追赶实施计划): where it starts, where it aims. */
export const planItemSchema = z.object({
  unitId: id,
  indicatorId: id,
  base: finite,
  target: finite,
  /** The peer region's value the unit measures itself against (标杆值), if it chose one. */
  benchmark: finite.optional(),
  /** Relative weight in the unit score; items without a weight count 1. */
  weight: z.number().positive().optional(),
});

/** A reported value for one quarter; `benchmark` updates the peer value for that quarter. */
export const actualSchema = z.object({
  unitId: id,
  indicatorId: id,
  value: finite,
  benchmark: finite.optional(),
});

export const scorecardQuarterSchema = z.object({ quarter: id, actuals: z.array(actualSchema) });

const capSchema = (min: number, max: number) =>
  z
    .object({ min: finite.default(min), max: finite.default(max) })
    .default({ min, max })
    .refine((cap) => cap.min <= cap.max, 'cap.min must not exceed cap.max');

/** Defaults are the district's rules for 季度晾晒; every threshold can be changed. */
export const tierRulesSchema = z
  .object({
    /** 先进: ranked within the top share of the category. */
    advancedTopShare: z.number().min(0).max(1).default(0.2),
    /** 整改: ranked within the bottom share of the category ... */
    rectifyBottomShare: z.number().min(0).max(1).default(0.1),
    /** ... or scoring below this. */
    rectifyScoreBelow: finite.default(60),
    /** 进步: rose at least this many places since last quarter ... */
    progressRankRise: z.number().int().positive().default(3),
    /** ... or improved the score by at least this much. */
    progressScoreRise: z.number().positive().default(5),
  })
  .default({
    advancedTopShare: 0.2,
    rectifyBottomShare: 0.1,
    rectifyScoreBelow: 60,
    progressRankRise: 3,
    progressScoreRise: 5,
  });

export const scorecardOptionsSchema = z
  .object({
    completionCap: capSchema(0, 1.2),
    catchUpCap: capSchema(0, 1.2),
    /** zero: a planned item without a reported value counts as 0 completion; skip: it is left out. */
    missingActual: z.enum(['zero', 'skip']).default('zero'),
    tiers: tierRulesSchema,
  })
  .default({
    completionCap: { min: 0, max: 1.2 },
    catchUpCap: { min: 0, max: 1.2 },
    missingActual: 'zero',
    tiers: {
      advancedTopShare: 0.2,
      rectifyBottomShare: 0.1,
      rectifyScoreBelow: 60,
      progressRankRise: 3,
      progressScoreRise: 5,
    },
  });

/** Quarters are in chronological order; movement compares each with the one before it. */
export const scorecardInputSchema = z.object({
  indicators: z.array(scorecardIndicatorSchema),
  units: z.array(scorecardUnitSchema),
  plans: z.array(planItemSchema),
  quarters: z.array(scorecardQuarterSchema),
  options: scorecardOptionsSchema,
});

export const tierSchema = z.enum(['advanced', 'standard', 'rectify']);
export const tierLabels = { advanced: '先进', standard: '一般', rectify: '整改' } as const;
export const progressLabel = '进步';

/**
 * Per-item results of one unit, as arrays aligned with `indicatorIds` (the unit's plan order):
 * one small set of arrays per unit instead of an object per item keeps a full recomputation
 * (125 units × 308 items × 8 quarters) cheap.
 */
export const itemResultsSchema = z.object({
  indicatorIds: z.array(id),
  weights: z.array(finite),
  /** Reported value; null when not reported this quarter. */
  actual: z.array(finite.nullable()),
  /** Capped gap-closing rate; null only when the value is missing and missingActual is skip. */
  completion: z.array(finite.nullable()),
  /** Catch-up index; null without a reported value or a positive benchmark. */
  catchUp: z.array(finite.nullable()),
});

export const movementSchema = z.object({
  /** Not scored in the previous quarter (or this is the first quarter). */
  newEntrant: z.boolean(),
  previousRank: z.number().int().nullable(),
  /** previousRank − rank: positive = rose. Null for a new entrant or a unit that changed category. */
  rankDelta: z.number().int().nullable(),
  previousScore: finite.nullable(),
  scoreDelta: finite.nullable(),
});

export const unitScorecardSchema = z.object({
  unitId: id,
  category: id,
  /** 0-100. */
  score: finite,
  rank: z.number().int().positive(),
  categorySize: z.number().int().positive(),
  tier: tierSchema,
  /** 进步 flag, independent of the tier: a unit can be 整改 and 进步 at once. */
  progressed: z.boolean(),
  movement: movementSchema,
  /** Weighted mean of the items' catch-up indices; null when no item has a benchmark. */
  catchUpIndex: finite.nullable(),
  planned: z.number().int(),
  reported: z.number().int(),
  items: itemResultsSchema,
});

export const quarterScorecardSchema = z.object({
  quarter: id,
  units: z.array(unitScorecardSchema),
  /** Units without any plan item: nothing to score. */
  unscored: z.array(id),
});

export const scorecardOutputSchema = z.object({ quarters: z.array(quarterScorecardSchema) });

export type IndicatorDirection = z.infer<typeof indicatorDirectionSchema>;
export type ScorecardInput = z.input<typeof scorecardInputSchema>;
export type ParsedScorecardInput = z.output<typeof scorecardInputSchema>;
export type ScorecardOptions = z.output<typeof scorecardOptionsSchema>;
export type TierRules = z.output<typeof tierRulesSchema>;
export type Cap = { min: number; max: number };
export type Tier = z.infer<typeof tierSchema>;
export type Movement = z.infer<typeof movementSchema>;
export type ItemResults = z.infer<typeof itemResultsSchema>;
export type UnitScorecard = z.infer<typeof unitScorecardSchema>;
export type QuarterScorecard = z.infer<typeof quarterScorecardSchema>;
export type ScorecardOutput = z.infer<typeof scorecardOutputSchema>;
