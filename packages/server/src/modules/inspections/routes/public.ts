import { createRoute } from '@hono/zod-openapi';
import { errors, IdParam, jsonOk, newRouter } from '../../../http/route-helpers.js';
import { PublicDrawNames, PublicDrawPage, PublicDrawQuery, PublicResultPage } from '../contracts-public.js';
import { CodeParam, VisitCheck } from '../contracts-visits.js';
import { checkVisitFrom } from '../queries/check.js';
import { publicDrawNames, publicDraws } from '../queries/public.js';
import { publicResults } from '../queries/public-results.js';

const tags = ['inspections (public)'];
const r = {
  draws: createRoute({
    method: 'get',
    path: '/public/inspections/draws',
    operationId: 'inspectionsPublic.draws',
    tags,
    request: { query: PublicDrawQuery },
    responses: { 200: jsonOk(PublicDrawPage), ...errors },
  }),
  names: createRoute({
    method: 'get',
    path: '/public/inspections/draws/{id}/names',
    operationId: 'inspectionsPublic.drawNames',
    tags,
    request: { params: IdParam },
    responses: { 200: jsonOk(PublicDrawNames), ...errors },
  }),
  results: createRoute({
    method: 'get',
    path: '/public/inspections/results',
    operationId: 'inspectionsPublic.results',
    tags,
    request: { query: PublicDrawQuery },
    responses: { 200: jsonOk(PublicResultPage), ...errors },
  }),
  check: createRoute({
    method: 'get',
    path: '/public/inspections/check/{code}',
    operationId: 'inspectionsPublic.check',
    tags,
    request: { params: CodeParam },
    responses: { 200: jsonOk(VisitCheck), ...errors },
  }),
};

/** The random draws anyone may read and recompute (一公开), and the page of a visit's code (亮码检查). */
export const inspectionsPublicRouter = newRouter()
  .openapi(r.draws, async (c) => c.json(await publicDraws(c.get('ctx').db, c.req.valid('query')), 200))
  .openapi(r.names, async (c) => c.json(await publicDrawNames(c.get('ctx').db, c.req.valid('param').id), 200))
  .openapi(r.results, async (c) => c.json(await publicResults(c.get('ctx').db, c.req.valid('query')), 200))
  .openapi(r.check, async (c) => c.json(await checkVisitFrom(c.get('ctx'), c.req.valid('param').code), 200));
