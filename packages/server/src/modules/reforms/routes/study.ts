import { createRoute } from '@hono/zod-openapi';
import { errors, IdParam, jsonBody, jsonOk, signedInRouter } from '../../../http/route-helpers.js';
import { attachmentRouter } from '../../../kernel/attachment-routes.js';
import { AttachmentView } from '../../../kernel/attachments.js';
import { createStudyVisit } from '../commands/createStudyVisit.js';
import { linkStudyPractice } from '../commands/linkStudyPractice.js';
import { completeStudyVisit, reportStudyVisit } from '../commands/moveStudyVisit.js';
import { saveStudyLearning } from '../commands/saveStudyLearning.js';
import { addStudyReport, readStudyReport, removeStudyReport } from '../commands/studyReportFile.js';
import { updateStudyVisit } from '../commands/updateStudyVisit.js';
import {
  StudyLearningInput,
  StudyLinkInput,
  StudyProjectPractices,
  StudyVisit,
  StudyVisitInput,
  StudyVisitList,
  StudyVisitPatch,
} from '../contracts-study.js';
import { getVisit, listVisits, projectPractices } from '../queries/study-visits.js';

const tags = ['reforms'];
const visit = (operationId: string, path: string, method: 'post' | 'put' | 'patch' = 'post') => ({
  method,
  path,
  operationId,
  tags,
  request: { params: IdParam },
  responses: { 200: jsonOk(StudyVisit), ...errors },
});
const r = {
  list: createRoute({
    method: 'get',
    path: '/reforms/study/visits',
    operationId: 'reformStudy.list',
    tags,
    responses: { 200: jsonOk(StudyVisitList), ...errors },
  }),
  create: createRoute({
    method: 'post',
    path: '/reforms/study/visits',
    operationId: 'reformStudy.create',
    tags,
    request: jsonBody(StudyVisitInput),
    responses: { 201: jsonOk(StudyVisit, 'Created'), ...errors },
  }),
  read: createRoute({ ...visit('reformStudy.read', '/reforms/study/visits/{id}'), method: 'get' }),
  update: createRoute({
    ...visit('reformStudy.update', '/reforms/study/visits/{id}', 'patch'),
    request: { params: IdParam, ...jsonBody(StudyVisitPatch) },
  }),
  complete: createRoute(visit('reformStudy.complete', '/reforms/study/visits/{id}/complete')),
  saveLearning: createRoute({
    ...visit('reformStudy.saveLearning', '/reforms/study/visits/{id}/learning', 'put'),
    request: { params: IdParam, ...jsonBody(StudyLearningInput) },
  }),
  report: createRoute(visit('reformStudy.report', '/reforms/study/visits/{id}/report')),
  linkProjects: createRoute({
    ...visit('reformStudy.linkProjects', '/reforms/study/practices/{id}/projects', 'put'),
    request: { params: IdParam, ...jsonBody(StudyLinkInput) },
  }),
  projectPractices: createRoute({
    method: 'get',
    path: '/reforms/projects/{id}/study-practices',
    operationId: 'reformStudy.projectPractices',
    tags,
    request: { params: IdParam },
    responses: { 200: jsonOk(StudyProjectPractices), ...errors },
  }),
};

/** The learning report's file: the kernel's file routes, with this module's checks. */
const reportFileRouter = attachmentRouter({
  tags,
  ownerPath: '/reforms/study/visits/{id}/report-file',
  filePath: '/reforms/study/report-files/{id}',
  operations: 'reformStudyReport',
  view: AttachmentView,
  add: addStudyReport,
  read: readStudyReport,
  remove: removeStudyReport,
});

/** Study visits (跳出黔江看黔江): the office plans them, the organising unit records what they brought back. */
export const studyRouter = signedInRouter([
  '/reforms/study/visits',
  '/reforms/study/visits/*',
  '/reforms/study/practices/*',
  '/reforms/projects/:id/study-practices',
])
  .openapi(r.list, async (c) => c.json(await listVisits(c.get('ctx')), 200))
  .openapi(r.create, async (c) => c.json(await createStudyVisit(c.get('ctx'), c.req.valid('json')), 201))
  .openapi(r.read, async (c) => c.json(await getVisit(c.get('ctx'), c.req.valid('param').id), 200))
  .openapi(r.update, async (c) =>
    c.json(await updateStudyVisit(c.get('ctx'), c.req.valid('param').id, c.req.valid('json')), 200),
  )
  .openapi(r.complete, async (c) =>
    c.json(await completeStudyVisit(c.get('ctx'), c.req.valid('param').id), 200),
  )
  .openapi(r.saveLearning, async (c) =>
    c.json(await saveStudyLearning(c.get('ctx'), c.req.valid('param').id, c.req.valid('json')), 200),
  )
  .openapi(r.report, async (c) => c.json(await reportStudyVisit(c.get('ctx'), c.req.valid('param').id), 200))
  .openapi(r.linkProjects, async (c) =>
    c.json(await linkStudyPractice(c.get('ctx'), c.req.valid('param').id, c.req.valid('json')), 200),
  )
  .openapi(r.projectPractices, async (c) =>
    c.json(await projectPractices(c.get('ctx'), c.req.valid('param').id), 200),
  )
  .route('/', reportFileRouter);
