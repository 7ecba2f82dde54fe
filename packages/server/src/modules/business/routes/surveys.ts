import { createRoute } from '@hono/zod-openapi';
import { errors, IdParam, jsonBody, jsonOk, newRouter, z } from '../../../http/route-helpers.js';
import { answerSurveyAsFirm } from '../commands/answerSurvey.js';
import { closeSurvey, createSurvey, openSurvey, setSurveyEnd, updateSurvey } from '../commands/surveys.js';
import {
  FirmSurvey,
  Survey,
  SurveyAnswer,
  SurveyAnswered,
  SurveyBrief,
  SurveyEndInput,
  SurveyInput,
  SurveyQuestion,
  SurveyResults,
} from '../contracts-surveys.js';
import {
  answerableSurvey,
  firmSurveys,
  getSurvey,
  getSurveyResults,
  listSurveys,
} from '../queries/surveys.js';
import { defaultSurveyQuestions } from '../surveys/lookup.js';

const tags = ['business'];
const path = '/business/surveys/{id}';

const r = {
  list: createRoute({
    method: 'get',
    path: '/business/surveys',
    operationId: 'survey.list',
    tags,
    responses: { 200: jsonOk(z.array(SurveyBrief)), ...errors },
  }),
  defaults: createRoute({
    method: 'get',
    path: '/business/survey-questions',
    operationId: 'survey.defaultQuestions',
    tags,
    responses: { 200: jsonOk(z.array(SurveyQuestion)), ...errors },
  }),
  create: createRoute({
    method: 'post',
    path: '/business/surveys',
    operationId: 'survey.create',
    tags,
    request: jsonBody(SurveyInput),
    responses: { 201: jsonOk(Survey, 'Created'), ...errors },
  }),
  read: createRoute({
    method: 'get',
    path,
    operationId: 'survey.read',
    tags,
    request: { params: IdParam },
    responses: { 200: jsonOk(Survey), ...errors },
  }),
  update: createRoute({
    method: 'put',
    path,
    operationId: 'survey.update',
    tags,
    request: { params: IdParam, ...jsonBody(SurveyInput) },
    responses: { 200: jsonOk(Survey), ...errors },
  }),
  open: createRoute({
    method: 'post',
    path: `${path}/open`,
    operationId: 'survey.open',
    tags,
    request: { params: IdParam },
    responses: { 200: jsonOk(Survey), ...errors },
  }),
  setEnd: createRoute({
    method: 'post',
    path: `${path}/end`,
    operationId: 'survey.setEnd',
    tags,
    request: { params: IdParam, ...jsonBody(SurveyEndInput) },
    responses: { 200: jsonOk(Survey), ...errors },
  }),
  close: createRoute({
    method: 'post',
    path: `${path}/close`,
    operationId: 'survey.close',
    tags,
    request: { params: IdParam },
    responses: { 200: jsonOk(Survey), ...errors },
  }),
  results: createRoute({
    method: 'get',
    path: `${path}/results`,
    operationId: 'survey.results',
    tags,
    request: { params: IdParam },
    responses: { 200: jsonOk(SurveyResults), ...errors },
  }),
  firmList: createRoute({
    method: 'get',
    path: '/business/firm-surveys',
    operationId: 'survey.firmList',
    tags,
    responses: { 200: jsonOk(z.array(FirmSurvey)), ...errors },
  }),
  firmForm: createRoute({
    method: 'get',
    path: '/business/firm-surveys/{id}',
    operationId: 'survey.firmForm',
    tags,
    request: { params: IdParam },
    responses: { 200: jsonOk(Survey), ...errors },
  }),
  firmAnswer: createRoute({
    method: 'post',
    path: '/business/firm-surveys/{id}/answer',
    operationId: 'survey.answerFirm',
    tags,
    request: { params: IdParam, ...jsonBody(SurveyAnswer) },
    responses: { 201: jsonOk(SurveyAnswered, 'Created'), ...errors },
  }),
};

/** 千企万众评效能: the office drafts, opens and closes surveys; a firm's staff answer for their firm. */
export const surveysRouter = newRouter()
  .openapi(r.list, async (c) => c.json(await listSurveys(c.get('ctx')), 200))
  .openapi(r.defaults, async (c) => c.json(defaultSurveyQuestions, 200))
  .openapi(r.create, async (c) => {
    const { id } = await createSurvey.run(c.get('ctx'), c.req.valid('json'));
    return c.json(await getSurvey(c.get('ctx'), id), 201);
  })
  .openapi(r.read, async (c) => c.json(await getSurvey(c.get('ctx'), c.req.valid('param').id), 200))
  .openapi(r.update, async (c) => {
    const { id } = c.req.valid('param');
    await updateSurvey.run(c.get('ctx'), { id, survey: c.req.valid('json') });
    return c.json(await getSurvey(c.get('ctx'), id), 200);
  })
  .openapi(r.open, async (c) => {
    const { id } = await openSurvey.run(c.get('ctx'), c.req.valid('param'));
    return c.json(await getSurvey(c.get('ctx'), id), 200);
  })
  .openapi(r.setEnd, async (c) => {
    const { id } = c.req.valid('param');
    await setSurveyEnd.run(c.get('ctx'), { id, ...c.req.valid('json') });
    return c.json(await getSurvey(c.get('ctx'), id), 200);
  })
  .openapi(r.close, async (c) => {
    const { id } = await closeSurvey.run(c.get('ctx'), c.req.valid('param'));
    return c.json(await getSurvey(c.get('ctx'), id), 200);
  })
  .openapi(r.results, async (c) => c.json(await getSurveyResults(c.get('ctx'), c.req.valid('param').id), 200))
  .openapi(r.firmList, async (c) => c.json(await firmSurveys(c.get('ctx')), 200))
  .openapi(r.firmForm, async (c) => {
    await firmSurveys(c.get('ctx'));
    return c.json(await answerableSurvey(c.get('ctx'), c.req.valid('param').id), 200);
  })
  .openapi(r.firmAnswer, async (c) => {
    const input = { id: c.req.valid('param').id, answer: c.req.valid('json') };
    return c.json(await answerSurveyAsFirm.run(c.get('ctx'), input), 201);
  });
