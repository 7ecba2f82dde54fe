import { createRoute } from '@hono/zod-openapi';
import { pickLocale } from '../../../http/problem.js';
import {
  errors,
  IdParam,
  jsonBody,
  jsonOk,
  newRouter,
  signedInRouter,
  z,
} from '../../../http/route-helpers.js';
import { xlsxContent, xlsxResponse } from '../../../http/upload.js';
import { browserId } from '../browser-id.js';
import { addComment } from '../commands/addComment.js';
import { answerSurvey } from '../commands/answerSurvey.js';
import { moderateComment } from '../commands/moderateComment.js';
import {
  CommentInput,
  CommentQuery,
  CommentStatus,
  ModerateInput,
  PublicComment,
  StaffComment,
  StaffCommentPage,
  SurveyAnswerInput,
  SurveyAnswerResult,
  SurveyResults,
} from '../contracts-engage.js';
import { commentQueue, publicComments } from '../queries/comments.js';
import { surveyResults } from '../queries/survey.js';
import { surveyWorkbook } from '../queries/survey-export.js';

const publicTags = ['ideas (public)'];
const staffTags = ['ideas (staff)'];

const r = {
  comment: createRoute({
    method: 'post',
    path: '/public/suggestions/{id}/comments',
    operationId: 'ideasPublic.comment',
    tags: publicTags,
    request: { params: IdParam, ...jsonBody(CommentInput) },
    responses: { 201: jsonOk(z.object({ id: z.uuid(), status: CommentStatus }), 'Created'), ...errors },
  }),
  comments: createRoute({
    method: 'get',
    path: '/public/suggestions/{id}/comments',
    operationId: 'ideasPublic.comments',
    tags: publicTags,
    request: { params: IdParam },
    responses: { 200: jsonOk(z.array(PublicComment)), ...errors },
  }),
  answer: createRoute({
    method: 'post',
    path: '/public/survey',
    operationId: 'ideasPublic.answerSurvey',
    tags: publicTags,
    request: jsonBody(SurveyAnswerInput),
    responses: { 200: jsonOk(SurveyAnswerResult), ...errors },
  }),
  queue: createRoute({
    method: 'get',
    path: '/ideas/comments',
    operationId: 'ideaComments.queue',
    tags: staffTags,
    request: { query: CommentQuery },
    responses: { 200: jsonOk(StaffCommentPage), ...errors },
  }),
  moderate: createRoute({
    method: 'post',
    path: '/ideas/comments/{id}/moderate',
    operationId: 'ideaComments.moderate',
    tags: staffTags,
    request: { params: IdParam, ...jsonBody(ModerateInput) },
    responses: { 200: jsonOk(StaffComment), ...errors },
  }),
  results: createRoute({
    method: 'get',
    path: '/ideas/survey/results',
    operationId: 'ideaSurvey.results',
    tags: staffTags,
    responses: { 200: jsonOk(SurveyResults), ...errors },
  }),
  export: createRoute({
    method: 'get',
    path: '/ideas/survey/results/export',
    operationId: 'ideaSurvey.export',
    tags: staffTags,
    responses: { 200: xlsxContent, ...errors },
  }),
};

/** Comments on suggestions and answers to the campaign's survey: each one a participation. */
export const ideasEngagePublicRouter = newRouter()
  .openapi(r.comment, async (c) =>
    c.json(await addComment(c.get('ctx'), c.req.valid('param').id, c.req.valid('json')), 201),
  )
  .openapi(r.comments, async (c) => c.json(await publicComments(c.get('ctx'), c.req.valid('param').id), 200))
  .openapi(r.answer, async (c) =>
    c.json(await answerSurvey(c.get('ctx'), c.req.valid('json'), browserId(c)), 200),
  );

/** Moderating comments and reading the survey's results. */
export const ideasEngageStaffRouter = signedInRouter([
  '/ideas/comments',
  '/ideas/comments/*',
  '/ideas/survey/*',
])
  .openapi(r.queue, async (c) => c.json(await commentQueue(c.get('ctx'), c.req.valid('query')), 200))
  .openapi(r.moderate, async (c) =>
    c.json(await moderateComment(c.get('ctx'), c.req.valid('param').id, c.req.valid('json')), 200),
  )
  .openapi(r.results, async (c) => c.json(await surveyResults(c.get('ctx')), 200))
  .openapi(r.export, async (c) =>
    xlsxResponse(c, await surveyWorkbook(c.get('ctx'), pickLocale(c.req.header('accept-language'))), {
      'zh-CN': '问卷结果.xlsx',
      en: 'survey-results.xlsx',
    }),
  );
