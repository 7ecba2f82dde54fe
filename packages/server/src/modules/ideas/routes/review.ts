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
import { ReviewResultsActions } from '../contracts.js';
import { AssignInput, MyReviews, ReviewInput } from '../contracts-review.js';
import { myReviews, reviewProgress, reviewResults } from '../queries/reviews.js';

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
        z.object({ assigned: z.number().int(), short: z.number().int() }).openapi('ReviewAssignResult'),
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
    responses: {
      200: jsonOk(
        z
          .object({
            alpha: z.number().nullable(),
            open: z.number().int(),
            items: z.array(
              z.object({
                item: z.uuid(),
                reviews: z.number().int(),
                mean: z.number(),
                z: z.number(),
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
  '/ideas/reviews/mine',
  '/ideas/reviews/progress',
  '/ideas/reviews/results',
])
  .openapi(r.assign, async (c) => c.json(await assignReviews(c.get('ctx'), c.req.valid('json')), 200))
  .openapi(r.progress, async (c) => c.json(await reviewProgress(c.get('ctx')), 200))
  .openapi(r.results, async (c) => c.json(await reviewResults(c.get('ctx')), 200))
  .openapi(r.mine, async (c) => c.json(await myReviews(c.get('ctx')), 200))
  .openapi(r.submit, async (c) =>
    c.json(await submitReview(c.get('ctx'), c.req.valid('param').id, c.req.valid('json')), 200),
  )
  .openapi(r.conflict, async (c) => {
    await declareConflict(c.get('ctx'), c.req.valid('json').unitId);
    return c.body(null, 204);
  });
