import { createRoute } from '@hono/zod-openapi';
import { errors, IdParam, jsonBody, jsonOk, signedInRouter } from '../../../http/route-helpers.js';
import { createCase } from '../commands/createCase.js';
import { publishCase, withdrawCase } from '../commands/publishCase.js';
import { updateCase } from '../commands/updateCase.js';
import { ReformCase, ReformCaseInput, ReformCaseList, ReformCasePatch } from '../contracts-cases.js';
import { getCase, listCases } from '../queries/cases.js';

const tags = ['reforms'];
const r = {
  list: createRoute({
    method: 'get',
    path: '/reforms/cases',
    operationId: 'reformCase.list',
    tags,
    responses: { 200: jsonOk(ReformCaseList), ...errors },
  }),
  create: createRoute({
    method: 'post',
    path: '/reforms/cases',
    operationId: 'reformCase.create',
    tags,
    request: jsonBody(ReformCaseInput),
    responses: { 201: jsonOk(ReformCase, 'Created'), ...errors },
  }),
  read: createRoute({
    method: 'get',
    path: '/reforms/cases/{id}',
    operationId: 'reformCase.read',
    tags,
    request: { params: IdParam },
    responses: { 200: jsonOk(ReformCase), ...errors },
  }),
  update: createRoute({
    method: 'patch',
    path: '/reforms/cases/{id}',
    operationId: 'reformCase.update',
    tags,
    request: { params: IdParam, ...jsonBody(ReformCasePatch) },
    responses: { 200: jsonOk(ReformCase), ...errors },
  }),
  publish: createRoute({
    method: 'post',
    path: '/reforms/cases/{id}/publish',
    operationId: 'reformCase.publish',
    tags,
    request: { params: IdParam },
    responses: { 200: jsonOk(ReformCase), ...errors },
  }),
  withdraw: createRoute({
    method: 'post',
    path: '/reforms/cases/{id}/withdraw',
    operationId: 'reformCase.withdraw',
    tags,
    request: { params: IdParam },
    responses: { 200: jsonOk(ReformCase), ...errors },
  }),
};

/** Replicable cases (可复制可推广经验): the office writes and publishes them, lead units read theirs. */
export const casesRouter = signedInRouter(['/reforms/cases', '/reforms/cases/*'])
  .openapi(r.list, async (c) => c.json(await listCases(c.get('ctx')), 200))
  .openapi(r.create, async (c) => c.json(await createCase(c.get('ctx'), c.req.valid('json')), 201))
  .openapi(r.read, async (c) => c.json(await getCase(c.get('ctx'), c.req.valid('param').id), 200))
  .openapi(r.update, async (c) =>
    c.json(await updateCase(c.get('ctx'), c.req.valid('param').id, c.req.valid('json')), 200),
  )
  .openapi(r.publish, async (c) => c.json(await publishCase(c.get('ctx'), c.req.valid('param').id), 200))
  .openapi(r.withdraw, async (c) => c.json(await withdrawCase(c.get('ctx'), c.req.valid('param').id), 200));
