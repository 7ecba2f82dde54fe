import { createRoute } from '@hono/zod-openapi';
import { errors, IdParam, jsonBody, jsonOk, signedInRouter } from '../../../http/route-helpers.js';
import { createCampaign } from '../commands/createCampaign.js';
import { extendCampaign } from '../commands/extendCampaign.js';
import { makeCurrent } from '../commands/makeCurrent.js';
import { updateCampaign } from '../commands/updateCampaign.js';
import { Campaign } from '../contracts.js';
import { CampaignExtension, CampaignInput, CampaignList, CampaignUpdate } from '../contracts-campaigns.js';
import { listCampaigns } from '../queries/campaign-admin.js';

const tags = ['ideas (campaigns)'];

const r = {
  list: createRoute({
    method: 'get',
    path: '/ideas/campaigns',
    operationId: 'campaign.list',
    tags,
    responses: { 200: jsonOk(CampaignList), ...errors },
  }),
  create: createRoute({
    method: 'post',
    path: '/ideas/campaigns',
    operationId: 'campaign.create',
    tags,
    request: jsonBody(CampaignInput),
    responses: { 201: jsonOk(Campaign, 'Created'), ...errors },
  }),
  update: createRoute({
    method: 'patch',
    path: '/ideas/campaigns/{id}',
    operationId: 'campaign.update',
    tags,
    request: { params: IdParam, ...jsonBody(CampaignUpdate) },
    responses: { 200: jsonOk(Campaign), ...errors },
  }),
  extend: createRoute({
    method: 'post',
    path: '/ideas/campaigns/{id}/extend',
    operationId: 'campaign.extend',
    tags,
    request: { params: IdParam, ...jsonBody(CampaignExtension) },
    responses: { 200: jsonOk(Campaign), ...errors },
  }),
  makeCurrent: createRoute({
    method: 'post',
    path: '/ideas/campaigns/{id}/make-current',
    operationId: 'campaign.makeCurrent',
    tags,
    request: { params: IdParam },
    responses: { 200: jsonOk(Campaign), ...errors },
  }),
};

/** The office sets up campaigns: theme, period, domains, channels, rubric, list sizes. */
export const ideasCampaignRouter = signedInRouter(['/ideas/campaigns', '/ideas/campaigns/*'])
  .openapi(r.list, async (c) => c.json(await listCampaigns(c.get('ctx')), 200))
  .openapi(r.create, async (c) => c.json(await createCampaign(c.get('ctx'), c.req.valid('json')), 201))
  .openapi(r.update, async (c) =>
    c.json(await updateCampaign(c.get('ctx'), c.req.valid('param').id, c.req.valid('json')), 200),
  )
  .openapi(r.extend, async (c) =>
    c.json(await extendCampaign(c.get('ctx'), c.req.valid('param').id, c.req.valid('json')), 200),
  )
  .openapi(r.makeCurrent, async (c) => c.json(await makeCurrent(c.get('ctx'), c.req.valid('param').id), 200));
