import { createRoute, z } from '@hono/zod-openapi';
import { errors, IdParam, jsonBody, jsonOk, newRouter } from '../../../http/route-helpers.js';
import { assignLiaison, remindCadres, updateLiaisonSettings } from '../commands/liaison.js';
import { logVisit } from '../commands/logVisit.js';
import {
  AssignInput,
  AssignResult,
  FirmLiaison,
  LiaisonPage,
  LiaisonProposal,
  LiaisonQuery,
  LiaisonSettings,
  RemindResult,
  VisitInput,
} from '../contracts-liaison.js';
import { firmLiaison, liaisonProposal, listLiaison } from '../queries/liaison.js';

const tags = ['business'];

const r = {
  list: createRoute({
    method: 'get',
    path: '/business/liaison',
    operationId: 'liaison.list',
    tags,
    request: { query: LiaisonQuery },
    responses: { 200: jsonOk(LiaisonPage), ...errors },
  }),
  proposal: createRoute({
    method: 'get',
    path: '/business/liaison/proposal',
    operationId: 'liaison.proposal',
    tags,
    responses: { 200: jsonOk(LiaisonProposal), ...errors },
  }),
  assign: createRoute({
    method: 'post',
    path: '/business/liaison/pairs',
    operationId: 'liaison.assign',
    tags,
    request: jsonBody(AssignInput),
    responses: { 200: jsonOk(AssignResult), ...errors },
  }),
  settings: createRoute({
    method: 'put',
    path: '/business/liaison/settings',
    operationId: 'liaisonSettings.update',
    tags,
    request: jsonBody(LiaisonSettings),
    responses: { 200: jsonOk(LiaisonSettings), ...errors },
  }),
  remind: createRoute({
    method: 'post',
    path: '/business/liaison/reminders',
    operationId: 'liaison.remind',
    tags,
    request: jsonBody(z.object({}).strict().openapi('LiaisonRemindInput')),
    responses: { 200: jsonOk(RemindResult), ...errors },
  }),
  firm: createRoute({
    method: 'get',
    path: '/business/firms/{id}/liaison',
    operationId: 'visit.read',
    tags,
    request: { params: IdParam },
    responses: { 200: jsonOk(FirmLiaison), ...errors },
  }),
  visit: createRoute({
    method: 'post',
    path: '/business/firms/{id}/visits',
    operationId: 'visit.log',
    tags,
    request: { params: IdParam, ...jsonBody(VisitInput) },
    responses: { 201: jsonOk(FirmLiaison, 'Created'), ...errors },
  }),
};

/** 百名干部联千企: pairings, their proposal, visit frequency, reminders, and the visits to a firm. */
export const liaisonRouter = newRouter()
  .openapi(r.list, async (c) => c.json(await listLiaison(c.get('ctx'), c.req.valid('query')), 200))
  .openapi(r.proposal, async (c) => c.json(await liaisonProposal(c.get('ctx')), 200))
  .openapi(r.assign, async (c) => c.json(await assignLiaison.run(c.get('ctx'), c.req.valid('json')), 200))
  .openapi(r.settings, async (c) =>
    c.json(await updateLiaisonSettings.run(c.get('ctx'), c.req.valid('json')), 200),
  )
  .openapi(r.remind, async (c) => c.json(await remindCadres.run(c.get('ctx'), {}), 200))
  .openapi(r.firm, async (c) => c.json(await firmLiaison(c.get('ctx'), c.req.valid('param').id), 200))
  .openapi(r.visit, async (c) => {
    const firmId = c.req.valid('param').id;
    await logVisit.run(c.get('ctx'), { firmId, visit: c.req.valid('json') });
    return c.json(await firmLiaison(c.get('ctx'), firmId), 201);
  });
