import { z } from '@hono/zod-openapi';
import { BlindReviewActions } from './contracts.js';

export const AssignInput = z
  .object({
    k: z.number().int().min(1).max(9),
    /** The most reviews per expert; absent: the campaign's setting; null: no cap. */
    maxLoad: z.number().int().min(1).max(100_000).nullable().optional(),
  })
  .strict()
  .openapi('ReviewAssignInput');
export const ReviewInput = z
  .object({
    scores: z.record(z.string().max(40), z.number().int().min(1).max(10)),
    comment: z.string().trim().max(2000).default(''),
  })
  .strict()
  .openapi('ReviewInput');
/** What an expert sees of a suggestion: the idea only, never who wrote it. */
export const BlindReview = z
  .object({
    suggestionId: z.uuid(),
    title: z.string(),
    body: z.string(),
    domain: z.string(),
    scores: z.record(z.string(), z.number()).nullable(),
    comment: z.string().nullable(),
    submittedAt: z.string().nullable(),
    actions: BlindReviewActions,
  })
  .openapi('BlindReview');
export const MyReviews = z
  .object({ assigned: z.number().int(), done: z.number().int(), items: z.array(BlindReview) })
  .openapi('MyReviews');
