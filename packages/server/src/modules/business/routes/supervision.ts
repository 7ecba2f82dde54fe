import { createRoute } from '@hono/zod-openapi';
import { errors, IdParam, jsonBody, jsonOk, newRouter } from '../../../http/route-helpers.js';
import { acknowledgeReminder, superviseRequest } from '../commands/supervise.js';
import { Supervision } from '../contracts-requests.js';
import { AcknowledgeInput, SupervisionInput, SupervisionTrail } from '../contracts-supervision.js';
import { supervision } from '../queries/supervision.js';
import { supervisionTrail } from '../queries/supervision-trail.js';

const tags = ['business'];

const r = {
  dashboard: createRoute({
    method: 'get',
    path: '/business/supervision',
    operationId: 'request.supervision',
    tags,
    responses: { 200: jsonOk(Supervision), ...errors },
  }),
  trail: createRoute({
    method: 'get',
    path: '/business/requests/{id}/supervision',
    operationId: 'supervision.read',
    tags,
    request: { params: IdParam },
    responses: { 200: jsonOk(SupervisionTrail), ...errors },
  }),
  add: createRoute({
    method: 'post',
    path: '/business/requests/{id}/supervision',
    operationId: 'supervision.add',
    tags,
    request: { params: IdParam, ...jsonBody(SupervisionInput) },
    responses: { 201: jsonOk(SupervisionTrail, 'Created'), ...errors },
  }),
  acknowledge: createRoute({
    method: 'post',
    path: '/business/supervision/{id}/acknowledge',
    operationId: 'supervision.acknowledge',
    tags,
    request: { params: IdParam, ...jsonBody(AcknowledgeInput) },
    responses: { 200: jsonOk(SupervisionTrail), ...errors },
  }),
};

/** 纪委监督: the dashboard, and on each request the commission's notes and reminders (督办). */
export const supervisionRouter = newRouter()
  .openapi(r.dashboard, async (c) => c.json(await supervision(c.get('ctx')), 200))
  .openapi(r.trail, async (c) => c.json(await supervisionTrail(c.get('ctx'), c.req.valid('param').id), 200))
  .openapi(r.add, async (c) => {
    const requestId = c.req.valid('param').id;
    await superviseRequest.run(c.get('ctx'), { requestId, entry: c.req.valid('json') });
    return c.json(await supervisionTrail(c.get('ctx'), requestId), 201);
  })
  .openapi(r.acknowledge, async (c) => {
    const id = c.req.valid('param').id;
    const { requestId } = await acknowledgeReminder.run(c.get('ctx'), { id, ack: c.req.valid('json') });
    return c.json(await supervisionTrail(c.get('ctx'), requestId), 200);
  });
