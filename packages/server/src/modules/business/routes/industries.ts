import { createRoute } from '@hono/zod-openapi';
import { errors, jsonBody, jsonOk, newRouter, z } from '../../../http/route-helpers.js';
import { createIndustry, updateIndustry } from '../commands/industries.js';
import { Industry, IndustryInput, IndustryParam, IndustryUpdate } from '../contracts.js';
import { listIndustries } from '../queries/industries.js';

const tags = ['business'];

const r = {
  list: createRoute({
    method: 'get',
    path: '/business/industries',
    operationId: 'industry.list',
    tags,
    responses: { 200: jsonOk(z.array(Industry)), ...errors },
  }),
  create: createRoute({
    method: 'post',
    path: '/business/industries',
    operationId: 'industry.create',
    tags,
    request: jsonBody(IndustryInput),
    responses: { 201: jsonOk(Industry, 'Created'), ...errors },
  }),
  update: createRoute({
    method: 'patch',
    path: '/business/industries/{code}',
    operationId: 'industry.update',
    tags,
    request: { params: IndustryParam, ...jsonBody(IndustryUpdate) },
    responses: { 200: jsonOk(Industry), ...errors },
  }),
};

/** The industry list (GB/T 4754-2017 sections, and what the district adds): read by every account, kept by the office. */
export const industriesRouter = newRouter()
  .openapi(r.list, async (c) => c.json(await listIndustries(c.get('ctx').db), 200))
  .openapi(r.create, async (c) => c.json(await createIndustry.run(c.get('ctx'), c.req.valid('json')), 201))
  .openapi(r.update, async (c) =>
    c.json(
      await updateIndustry.run(c.get('ctx'), {
        code: c.req.valid('param').code,
        changes: c.req.valid('json'),
      }),
      200,
    ),
  );
