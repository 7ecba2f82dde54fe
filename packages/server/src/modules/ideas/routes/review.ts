import { createRoute } from '@hono/zod-openapi';
import {
  errors,
  IdParam,
  jsonBody,
  jsonOk,
  NoContent,
  signedInRouter,
  z,
} from '../../../http/route-helpers.js';
import { assignReviews } from '../commands/assignReviews.js';
import { declareConflict } from '../commands/declareConflict.js';
import { submitReview } from '../commands/submitReview.js';
import { withdrawConflict } from '../commands/withdrawConflict.js';
import { ReviewResultsActions } from '../contracts.js';
import { AssignInput, MyReviews, ReviewInput } from '../contracts-review.js';
import { myConflicts, myReviews, reviewProgress, reviewResults } from '../queries/reviews.js';
import { reviewMethods } from '../schema.js';

const tags = ['ideas (review)'];

const r = {
  assign: createRoute({
    method: 'post',
    path: '/ideas/reviews/assign',
    operationId: 'review.assign',
    tags,
    request: jsonBody(AssignInput),
    responses: {
      200: jsonOk(
        z
          .object({
            assigned: z.number().int(),
            /** Suggestions left with fewer reviewers than asked (conflicts, or every expert at the cap). */
            short: z.number().int(),
            maxLoad: z.number().int().nullable(),
          })
          .openapi('ReviewAssignResult'),
      ),
      ...errors,
    },
  }),
  progress: createRoute({
    method: 'get',
    path: '/ideas/reviews/progress',
    operationId: 'review.progress',
    tags,
    responses: {
      200: jsonOk(
        z.array(
          z
            .object({
              expertId: z.uuid(),
              name: z.string(),
              assigned: z.number().int(),
              done: z.number().int(),
            })
            .openapi('ReviewProgress'),
        ),
      ),
      ...errors,
    },
  }),
  results: createRoute({
    method: 'get',
    path: '/ideas/reviews/results',
    operationId: 'review.results',
    tags,
    request: { query: z.object({ method: z.enum(reviewMethods).optional() }) },
    responses: {
      200: jsonOk(
        z
          .object({
            /** The method of this ranking, and the campaign's (which the honour lists follow). */
            method: z.enum(reviewMethods),
            campaignMethod: z.enum(reviewMethods),
            /** Suggestions on the shortlist: what an assignment gives the experts. */
            shortlisted: z.number().int(),
            alpha: z.number().nullable(),
            open: z.number().int(),
            items: z.array(
              z.object({
                item: z.uuid(),
                title: z.string(),
                domain: z.string(),
                domainName: z.string(),
                /** Reviews submitted, and assigned: fewer submitted means the rank may still change. */
                reviews: z.number().int(),
                assigned: z.number().int(),
                mean: z.number(),
                z: z.number(),
                trimmed: z.number(),
                range: z.number(),
                zSpread: z.number(),
                disputed: z.boolean(),
              }),
            ),
            actions: ReviewResultsActions,
          })
          .openapi('ReviewResults'),
      ),
      ...errors,
    },
  }),
  mine: createRoute({
    method: 'get',
    path: '/ideas/reviews/mine',
    operationId: 'review.mine',
    tags,
    responses: { 200: jsonOk(MyReviews), ...errors },
  }),
  submit: createRoute({
    method: 'put',
    path: '/ideas/reviews/{id}',
    operationId: 'review.submit',
    tags,
    request: { params: IdParam, ...jsonBody(ReviewInput) },
    responses: { 200: jsonOk(z.object({ total: z.number() }).openapi('ReviewSubmitResult')), ...errors },
  }),
  conflicts: createRoute({
    method: 'get',
    path: '/ideas/reviews/conflicts',
    operationId: 'review.conflicts',
    tags,
    responses: {
      200: jsonOk(z.array(z.object({ unitId: z.uuid(), name: z.string() }).openapi('DeclaredConflict'))),
      ...errors,
    },
  }),
  withdraw: createRoute({
    method: 'delete',
    path: '/ideas/reviews/conflicts/{unitId}',
    operationId: 'review.withdrawConflict',
    tags,
    request: { params: z.object({ unitId: z.uuid().openapi({ param: { name: 'unitId', in: 'path' } }) }) },
    responses: { 204: NoContent, ...errors },
  }),
  conflict: createRoute({
    method: 'post',
    path: '/ideas/reviews/conflicts',
    operationId: 'review.declareConflict',
    tags,
    request: jsonBody(z.object({ unitId: z.uuid() }).strict().openapi('ConflictInput')),
    responses: { 204: NoContent, ...errors },
  }),
};

/** Expert review: assignment and results for the office; blind scoring for experts. */
export const ideasReviewRouter = signedInRouter([
  '/ideas/reviews/:id',
  '/ideas/reviews/assign',
  '/ideas/reviews/conflicts',
  '/ideas/reviews/conflicts/:unitId',
  '/ideas/reviews/mine',
  '/ideas/reviews/progress',
  '/ideas/reviews/results',
])
  .openapi(r.assign, async (c) => c.json(await assignReviews(c.get('ctx'), c.req.valid('json')), 200))
  .openapi(r.progress, async (c) => c.json(await reviewProgress(c.get('ctx')), 200))
  .openapi(r.results, async (c) =>
    c.json(await reviewResults(c.get('ctx'), c.req.valid('query').method), 200),
  )
  .openapi(r.mine, async (c) => c.json(await myReviews(c.get('ctx')), 200))
  .openapi(r.submit, async (c) =>
    c.json(await submitReview(c.get('ctx'), c.req.valid('param').id, c.req.valid('json')), 200),
  )
  .openapi(r.conflicts, async (c) => c.json(await myConflicts(c.get('ctx')), 200))
  .openapi(r.withdraw, async (c) => {
    await withdrawConflict(c.get('ctx'), c.req.valid('param').unitId);
    return c.body(null, 204);
  })
  .openapi(r.conflict, async (c) => {
    await declareConflict(c.get('ctx'), c.req.valid('json').unitId);
    return c.body(null, 204);
  });
