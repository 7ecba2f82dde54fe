import { createRoute } from '@hono/zod-openapi';
import { errors, IdParam, jsonOk, newRouter } from '../../../http/route-helpers.js';
import { PublicDrawNames, PublicDrawPage, PublicDrawQuery } from '../contracts-public.js';
import { publicDrawNames, publicDraws } from '../queries/public.js';

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
};

/** The random draws anyone may read and recompute (一公开). */
export const inspectionsPublicRouter = newRouter()
  .openapi(r.draws, async (c) => c.json(await publicDraws(c.get('ctx').db, c.req.valid('query')), 200))
  .openapi(r.names, async (c) =>
    c.json(await publicDrawNames(c.get('ctx').db, c.req.valid('param').id), 200),
  );
