import { createRoute } from '@hono/zod-openapi';
import { errors, jsonOk, newRouter } from '../../../http/route-helpers.js';
import { PublicLearning } from '../contracts-study.js';
import { publicLearning } from '../queries/study-public.js';

const r = {
  learning: createRoute({
    method: 'get',
    path: '/public/reforms/learning',
    operationId: 'reformsPublic.learning',
    tags: ['reforms (public)'],
    responses: { 200: jsonOk(PublicLearning), ...errors },
  }),
};

/** 跳出黔江看黔江 in public: completed study visits and the learning sessions held, without a name. */
export const studyPublicRouter = newRouter().openapi(r.learning, async (c) =>
  c.json(await publicLearning(c.get('ctx').db), 200),
);
