import { createRoute } from '@hono/zod-openapi';
import { errors, jsonBody, jsonOk, newRouter } from '../../../http/route-helpers.js';
import { updateScorecardSettings } from '../commands/updateScorecardSettings.js';
import { PublicScorecard, ScorecardQuery, ScorecardSettings } from '../contracts-scorecard.js';
import { publicScorecard, scorecardSettings } from '../queries/scorecard.js';

const r = {
  public: createRoute({
    method: 'get',
    path: '/public/business/scorecard',
    operationId: 'businessPublic.scorecard',
    tags: ['business (public)'],
    request: { query: ScorecardQuery },
    responses: { 200: jsonOk(PublicScorecard), ...errors },
  }),
  settings: createRoute({
    method: 'get',
    path: '/business/scorecard/settings',
    operationId: 'scorecardSettings.read',
    tags: ['business'],
    responses: { 200: jsonOk(ScorecardSettings), ...errors },
  }),
  update: createRoute({
    method: 'put',
    path: '/business/scorecard/settings',
    operationId: 'scorecardSettings.update',
    tags: ['business'],
    request: jsonBody(ScorecardSettings),
    responses: { 200: jsonOk(ScorecardSettings), ...errors },
  }),
};

/** The published department scorecard (部门效能晾晒), open to anyone; its settings read by staff, kept by the office. */
export const scorecardPublicRouter = newRouter().openapi(r.public, async (c) =>
  c.json(await publicScorecard(c.get('ctx').db, c.req.valid('query').month), 200),
);

export const scorecardSettingsRouter = newRouter()
  .openapi(r.settings, async (c) => c.json(await scorecardSettings(c.get('ctx').db), 200))
  .openapi(r.update, async (c) =>
    c.json(await updateScorecardSettings.run(c.get('ctx'), c.req.valid('json')), 200),
  );
