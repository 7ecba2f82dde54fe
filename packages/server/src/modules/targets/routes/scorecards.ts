import { createRoute } from '@hono/zod-openapi';
import { errors, IdParam, jsonBody, jsonOk, signedInRouter, z } from '../../../http/route-helpers.js';
import { xlsxContent, xlsxResponse } from '../../../http/upload.js';
import { computeScorecard } from '../commands/computeScorecard.js';
import { publishScorecard } from '../commands/publishScorecard.js';
import { Quarter, Year } from '../contracts/common.js';
import {
  ComputeInput,
  PublicScorecard,
  PublishedPeriod,
  Scorecard,
  ScorecardSummary,
} from '../contracts/scorecards.js';
import { exportUnitEvaluation, exportYearSummary, summaryFileName } from '../queries/evaluation.js';
import { getScorecard, listScorecards, publicScorecard, publishedPeriods } from '../queries/scorecards.js';

const tags = ['targets'];
const YearQuery = z.object({ year: Year });
const r = {
  list: createRoute({
    method: 'get',
    path: '/targets/scorecards',
    operationId: 'scorecard.list',
    tags,
    responses: { 200: jsonOk(z.array(ScorecardSummary)), ...errors },
  }),
  compute: createRoute({
    method: 'post',
    path: '/targets/scorecards',
    operationId: 'scorecard.compute',
    tags,
    request: jsonBody(ComputeInput),
    responses: { 200: jsonOk(Scorecard), ...errors },
  }),
  read: createRoute({
    method: 'get',
    path: '/targets/scorecards/{id}',
    operationId: 'scorecard.read',
    tags,
    request: { params: IdParam },
    responses: { 200: jsonOk(Scorecard), ...errors },
  }),
  publish: createRoute({
    method: 'post',
    path: '/targets/scorecards/{id}/publish',
    operationId: 'scorecard.publish',
    tags,
    request: { params: IdParam },
    responses: { 200: jsonOk(Scorecard), ...errors },
  }),
  periods: createRoute({
    method: 'get',
    path: '/public/scorecards',
    operationId: 'publicScorecard.periods',
    tags,
    responses: { 200: jsonOk(z.array(PublishedPeriod)), ...errors },
  }),
  latest: createRoute({
    method: 'get',
    path: '/public/scorecards/latest',
    operationId: 'publicScorecard.latest',
    tags,
    responses: { 200: jsonOk(PublicScorecard), ...errors },
  }),
  byPeriod: createRoute({
    method: 'get',
    path: '/public/scorecards/{period}',
    operationId: 'publicScorecard.read',
    tags,
    request: { params: z.object({ period: Quarter.openapi({ param: { name: 'period', in: 'path' } }) }) },
    responses: { 200: jsonOk(PublicScorecard), ...errors },
  }),
  unitExport: createRoute({
    method: 'get',
    path: '/targets/evaluation/units/{id}',
    operationId: 'evaluation.unitExport',
    tags,
    request: { params: IdParam, query: YearQuery },
    responses: { 200: xlsxContent, ...errors },
  }),
  summary: createRoute({
    method: 'get',
    path: '/targets/evaluation/summary',
    operationId: 'evaluation.summary',
    tags,
    request: { query: YearQuery },
    responses: { 200: xlsxContent, ...errors },
  }),
};

export const scorecardsRouter = signedInRouter([
  '/targets/evaluation/summary',
  '/targets/evaluation/units/:id',
  '/targets/scorecards',
  '/targets/scorecards/:id',
  '/targets/scorecards/:id/publish',
])
  .openapi(r.periods, async (c) => {
    c.header('cache-control', 'public, max-age=60');
    return c.json(await publishedPeriods(c.get('ctx').db), 200);
  })
  .openapi(r.latest, async (c) => {
    c.header('cache-control', 'public, max-age=60');
    return c.json(await publicScorecard(c.get('ctx').db), 200);
  })
  .openapi(r.byPeriod, async (c) =>
    c.json(await publicScorecard(c.get('ctx').db, c.req.valid('param').period), 200),
  )
  .openapi(r.list, async (c) => c.json(await listScorecards(c.get('ctx')), 200))
  .openapi(r.compute, async (c) =>
    c.json(await computeScorecard(c.get('ctx'), c.req.valid('json').period), 200),
  )
  .openapi(r.read, async (c) => c.json(await getScorecard(c.get('ctx'), c.req.valid('param').id), 200))
  .openapi(r.publish, async (c) => c.json(await publishScorecard(c.get('ctx'), c.req.valid('param').id), 200))
  .openapi(r.unitExport, async (c) => {
    const { year } = c.req.valid('query');
    return xlsxResponse(c, await exportUnitEvaluation(c.get('ctx'), c.req.valid('param').id, year), {
      'zh-CN': `${year}年度晾晒明细.xlsx`,
      en: `evaluation-${year}.xlsx`,
    });
  })
  .openapi(r.summary, async (c) => {
    const { year } = c.req.valid('query');
    const bytes = await exportYearSummary(c.get('ctx'), year);
    return xlsxResponse(c, bytes, summaryFileName(year));
  });
