import { createRoute } from '@hono/zod-openapi';
import { errors, IdParam, jsonBody, jsonOk, signedInRouter, z } from '../../../http/route-helpers.js';
import { approvePlan } from '../commands/approvePlan.js';
import { createPlan } from '../commands/createPlan.js';
import { reopenPlan } from '../commands/reopenPlan.js';
import { returnPlan } from '../commands/returnPlan.js';
import { submitPlan } from '../commands/submitPlan.js';
import { updatePlan } from '../commands/updatePlan.js';
import { ReturnInput } from '../contracts/common.js';
import { Plan, PlanInput, PlanQuery, PlanSummary, PlanUpdate } from '../contracts/plans.js';
import { getPlan, listPlans } from '../queries/plans.js';

const tags = ['targets'];
const action = (path: string, operationId: string) =>
  createRoute({
    method: 'post',
    path,
    operationId,
    tags,
    request: { params: IdParam },
    responses: { 200: jsonOk(Plan), ...errors },
  });

const r = {
  list: createRoute({
    method: 'get',
    path: '/targets/plans',
    operationId: 'plan.list',
    tags,
    request: { query: PlanQuery },
    responses: { 200: jsonOk(z.array(PlanSummary)), ...errors },
  }),
  create: createRoute({
    method: 'post',
    path: '/targets/plans',
    operationId: 'plan.create',
    tags,
    request: jsonBody(PlanInput),
    responses: { 201: jsonOk(Plan, 'Created'), ...errors },
  }),
  read: createRoute({
    method: 'get',
    path: '/targets/plans/{id}',
    operationId: 'plan.read',
    tags,
    request: { params: IdParam },
    responses: { 200: jsonOk(Plan), ...errors },
  }),
  update: createRoute({
    method: 'put',
    path: '/targets/plans/{id}',
    operationId: 'plan.update',
    tags,
    request: { params: IdParam, ...jsonBody(PlanUpdate) },
    responses: { 200: jsonOk(Plan), ...errors },
  }),
  submit: action('/targets/plans/{id}/submit', 'plan.submit'),
  approve: action('/targets/plans/{id}/approve', 'plan.approve'),
  return: createRoute({
    method: 'post',
    path: '/targets/plans/{id}/return',
    operationId: 'plan.return',
    tags,
    request: { params: IdParam, ...jsonBody(ReturnInput) },
    responses: { 200: jsonOk(Plan), ...errors },
  }),
  reopen: createRoute({
    method: 'post',
    path: '/targets/plans/{id}/reopen',
    operationId: 'plan.reopen',
    tags,
    request: { params: IdParam, ...jsonBody(ReturnInput) },
    responses: { 200: jsonOk(Plan), ...errors },
  }),
};

export const plansRouter = signedInRouter([
  '/targets/plans',
  '/targets/plans/:id',
  '/targets/plans/:id/approve',
  '/targets/plans/:id/reopen',
  '/targets/plans/:id/return',
  '/targets/plans/:id/submit',
])
  .openapi(r.list, async (c) => c.json(await listPlans(c.get('ctx'), c.req.valid('query')), 200))
  .openapi(r.create, async (c) => c.json(await createPlan(c.get('ctx'), c.req.valid('json')), 201))
  .openapi(r.read, async (c) => c.json(await getPlan(c.get('ctx'), c.req.valid('param').id), 200))
  .openapi(r.update, async (c) =>
    c.json(await updatePlan(c.get('ctx'), c.req.valid('param').id, c.req.valid('json')), 200),
  )
  .openapi(r.submit, async (c) => c.json(await submitPlan(c.get('ctx'), c.req.valid('param').id), 200))
  .openapi(r.approve, async (c) => c.json(await approvePlan(c.get('ctx'), c.req.valid('param').id), 200))
  .openapi(r.return, async (c) =>
    c.json(await returnPlan(c.get('ctx'), c.req.valid('param').id, c.req.valid('json').reason), 200),
  )
  .openapi(r.reopen, async (c) =>
    c.json(await reopenPlan(c.get('ctx'), c.req.valid('param').id, c.req.valid('json').reason), 200),
  );
