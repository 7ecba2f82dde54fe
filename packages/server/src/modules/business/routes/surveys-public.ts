import { createRoute } from '@hono/zod-openapi';
import { errors, IdParam, jsonBody, jsonOk, newRouter, z } from '../../../http/route-helpers.js';
import { answerSurveyAsPublic, requestSurveyCode } from '../commands/answerSurvey.js';
import {
  PublicSurveyAnswer,
  PublicSurveys,
  Survey,
  SurveyAnswered,
  SurveyCodeInput,
  SurveyResults,
} from '../contracts-surveys.js';
import { answerableSurvey, publicSurveyResults, publicSurveys } from '../queries/surveys.js';

const tags = ['business (public)'];
const path = '/public/business/surveys/{id}';

const r = {
  list: createRoute({
    method: 'get',
    path: '/public/business/surveys',
    operationId: 'businessPublic.surveys',
    tags,
    responses: { 200: jsonOk(PublicSurveys), ...errors },
  }),
  form: createRoute({
    method: 'get',
    path,
    operationId: 'businessPublic.survey',
    tags,
    request: { params: IdParam },
    responses: { 200: jsonOk(Survey), ...errors },
  }),
  results: createRoute({
    method: 'get',
    path: `${path}/results`,
    operationId: 'businessPublic.surveyResults',
    tags,
    request: { params: IdParam },
    responses: { 200: jsonOk(SurveyResults), ...errors },
  }),
  code: createRoute({
    method: 'post',
    path: `${path}/code`,
    operationId: 'businessPublic.surveyCode',
    tags,
    request: { params: IdParam, ...jsonBody(SurveyCodeInput) },
    responses: {
      200: jsonOk(z.object({ expiresInSeconds: z.number().int(), resendInSeconds: z.number().int() })),
      ...errors,
    },
  }),
  answer: createRoute({
    method: 'post',
    path: `${path}/answers`,
    operationId: 'businessPublic.surveyAnswer',
    tags,
    request: { params: IdParam, ...jsonBody(PublicSurveyAnswer) },
    responses: { 201: jsonOk(SurveyAnswered, 'Created'), ...errors },
  }),
};

/** 千企万众评效能 for anyone: the surveys, a verified phone's answer, and closed surveys' results. */
export const surveysPublicRouter = newRouter()
  .openapi(r.list, async (c) => c.json(await publicSurveys(c.get('ctx')), 200))
  .openapi(r.form, async (c) => c.json(await answerableSurvey(c.get('ctx'), c.req.valid('param').id), 200))
  .openapi(r.results, async (c) =>
    c.json(await publicSurveyResults(c.get('ctx'), c.req.valid('param').id), 200),
  )
  .openapi(r.code, async (c) =>
    c.json(await requestSurveyCode(c.get('ctx'), c.req.valid('param').id, c.req.valid('json').phone), 200),
  )
  .openapi(r.answer, async (c) => {
    const input = { id: c.req.valid('param').id, answer: c.req.valid('json') };
    return c.json(await answerSurveyAsPublic.run(c.get('ctx'), input), 201);
  });
