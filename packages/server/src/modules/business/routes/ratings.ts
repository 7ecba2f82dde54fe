import { createRoute } from '@hono/zod-openapi';
import { errors, IdParam, jsonBody, jsonOk, newRouter, z } from '../../../http/route-helpers.js';
import { appealRating, decideAppeal } from '../commands/appeals.js';
import { createCategory, updateCategory } from '../commands/categories.js';
import { decideExtension } from '../commands/extensions.js';
import { rateAnswer } from '../commands/rateAnswer.js';
import { completeRectification, recordReturnVisit } from '../commands/rectification.js';
import {
  AnswerInput,
  AppealDecisionInput,
  AppealInput,
  CategoryParam,
  ExtensionDecisionInput,
  RatingInput,
  RequestCategory,
  RequestCategoryInput,
  RequestCategoryUpdate,
  RequestDetail,
  ReturnVisitInput,
} from '../contracts-requests.js';
import { listCategories } from '../queries/categories.js';
import { getRequest } from '../queries/request-detail.js';
import { requestOf } from '../requests/lookup.js';

const tags = ['business'];

/** A step on a record of a request (an answer, a rating, …): the request as it now stands out. */
const post = <T extends z.ZodType>(path: string, operationId: string, body: T) =>
  createRoute({
    method: 'post',
    path,
    operationId,
    tags,
    request: { params: IdParam, ...jsonBody(body) },
    responses: { 200: jsonOk(RequestDetail), ...errors },
  });

const r = {
  rate: post('/business/answers/{id}/rating', 'request.rate', RatingInput),
  visit: post('/business/rectifications/{id}/visit', 'rectification.visit', ReturnVisitInput),
  rectify: post('/business/rectifications/{id}/result', 'rectification.complete', AnswerInput),
  appeal: post('/business/ratings/{id}/appeal', 'rating.appeal', AppealInput),
  decideAppeal: post('/business/appeals/{id}/decision', 'appeal.decide', AppealDecisionInput),
  decideExtension: post('/business/extensions/{id}/decision', 'extension.decide', ExtensionDecisionInput),
  categories: createRoute({
    method: 'get',
    path: '/business/request-categories',
    operationId: 'requestCategory.list',
    tags,
    responses: { 200: jsonOk(z.array(RequestCategory)), ...errors },
  }),
  createCategory: createRoute({
    method: 'post',
    path: '/business/request-categories',
    operationId: 'requestCategory.create',
    tags,
    request: jsonBody(RequestCategoryInput),
    responses: { 201: jsonOk(RequestCategory, 'Created'), ...errors },
  }),
  updateCategory: createRoute({
    method: 'patch',
    path: '/business/request-categories/{code}',
    operationId: 'requestCategory.update',
    tags,
    request: { params: CategoryParam, ...jsonBody(RequestCategoryUpdate) },
    responses: { 200: jsonOk(RequestCategory), ...errors },
  }),
};

/** 好差评 and the office's decisions: ratings, rectifications, appeals, extensions; the categories. */
export const ratingsRouter = newRouter()
  .openapi(r.rate, async (c) => {
    const ctx = c.get('ctx');
    const { id } = c.req.valid('param');
    await rateAnswer.run(ctx, { answerId: id, ...c.req.valid('json') });
    return c.json(await getRequest(ctx, await requestOf(ctx, 'answer', id)), 200);
  })
  .openapi(r.visit, async (c) => {
    const ctx = c.get('ctx');
    const { id } = c.req.valid('param');
    await recordReturnVisit.run(ctx, { id, ...c.req.valid('json') });
    return c.json(await getRequest(ctx, await requestOf(ctx, 'rectification', id)), 200);
  })
  .openapi(r.rectify, async (c) => {
    const ctx = c.get('ctx');
    const { id } = c.req.valid('param');
    await completeRectification.run(ctx, { id, ...c.req.valid('json') });
    return c.json(await getRequest(ctx, await requestOf(ctx, 'rectification', id)), 200);
  })
  .openapi(r.appeal, async (c) => {
    const ctx = c.get('ctx');
    const { id } = c.req.valid('param');
    await appealRating.run(ctx, { ratingId: id, ...c.req.valid('json') });
    return c.json(await getRequest(ctx, await requestOf(ctx, 'rating', id)), 200);
  })
  .openapi(r.decideAppeal, async (c) => {
    const ctx = c.get('ctx');
    const { id } = c.req.valid('param');
    await decideAppeal.run(ctx, { appealId: id, ...c.req.valid('json') });
    return c.json(await getRequest(ctx, await requestOf(ctx, 'appeal', id)), 200);
  })
  .openapi(r.decideExtension, async (c) => {
    const ctx = c.get('ctx');
    const { id } = c.req.valid('param');
    await decideExtension.run(ctx, { extensionId: id, ...c.req.valid('json') });
    return c.json(await getRequest(ctx, await requestOf(ctx, 'extension', id)), 200);
  })
  .openapi(r.categories, async (c) => c.json(await listCategories(c.get('ctx').db), 200))
  .openapi(r.createCategory, async (c) =>
    c.json(await createCategory.run(c.get('ctx'), c.req.valid('json')), 201),
  )
  .openapi(r.updateCategory, async (c) =>
    c.json(
      await updateCategory.run(c.get('ctx'), {
        code: c.req.valid('param').code,
        changes: c.req.valid('json'),
      }),
      200,
    ),
  );
