import { createRoute } from '@hono/zod-openapi';
import { errors, IdParam, jsonBody, jsonOk, signedInRouter } from '../../../http/route-helpers.js';
import { attachmentRouter } from '../../../kernel/attachment-routes.js';
import { AttachmentView } from '../../../kernel/attachments.js';
import { createStudySession, updateStudySession } from '../commands/createStudySession.js';
import { attendStudySession, saveStudyAttendance } from '../commands/studyAttendance.js';
import { addStudyMaterial, readStudyMaterial, removeStudyMaterial } from '../commands/studyMaterials.js';
import {
  StudyAttendanceInput,
  StudyAttendInput,
  StudyCadres,
  StudySession,
  StudySessionInput,
  StudySessionList,
  StudySessionPatch,
} from '../contracts-study.js';
import { getSession, listSessions, studyCadres } from '../queries/study-sessions.js';

const tags = ['reforms'];
const r = {
  list: createRoute({
    method: 'get',
    path: '/reforms/study/sessions',
    operationId: 'reformStudySession.list',
    tags,
    responses: { 200: jsonOk(StudySessionList), ...errors },
  }),
  create: createRoute({
    method: 'post',
    path: '/reforms/study/sessions',
    operationId: 'reformStudySession.create',
    tags,
    request: jsonBody(StudySessionInput),
    responses: { 201: jsonOk(StudySession, 'Created'), ...errors },
  }),
  read: createRoute({
    method: 'get',
    path: '/reforms/study/sessions/{id}',
    operationId: 'reformStudySession.read',
    tags,
    request: { params: IdParam },
    responses: { 200: jsonOk(StudySession), ...errors },
  }),
  update: createRoute({
    method: 'patch',
    path: '/reforms/study/sessions/{id}',
    operationId: 'reformStudySession.update',
    tags,
    request: { params: IdParam, ...jsonBody(StudySessionPatch) },
    responses: { 200: jsonOk(StudySession), ...errors },
  }),
  saveAttendance: createRoute({
    method: 'put',
    path: '/reforms/study/sessions/{id}/attendance',
    operationId: 'reformStudySession.saveAttendance',
    tags,
    request: { params: IdParam, ...jsonBody(StudyAttendanceInput) },
    responses: { 200: jsonOk(StudySession), ...errors },
  }),
  attend: createRoute({
    method: 'post',
    path: '/reforms/study/sessions/{id}/attend',
    operationId: 'reformStudySession.attend',
    tags,
    request: { params: IdParam, ...jsonBody(StudyAttendInput) },
    responses: { 200: jsonOk(StudySession), ...errors },
  }),
  cadres: createRoute({
    method: 'get',
    path: '/reforms/study/cadres',
    operationId: 'reformStudySession.cadres',
    tags,
    responses: { 200: jsonOk(StudyCadres), ...errors },
  }),
};

/** A session's materials: the kernel's file routes, with this module's checks. */
const materialsRouter = attachmentRouter({
  tags,
  ownerPath: '/reforms/study/sessions/{id}/materials',
  filePath: '/reforms/study/materials/{id}',
  operations: 'reformStudyMaterial',
  view: AttachmentView,
  add: addStudyMaterial,
  read: readStudyMaterial,
  remove: removeStudyMaterial,
});

/** Learning sessions for cadres: the office plans them, the organiser keeps the register, cadres mark their own. */
export const studySessionsRouter = signedInRouter([
  '/reforms/study/sessions',
  '/reforms/study/sessions/*',
  '/reforms/study/cadres',
])
  .openapi(r.list, async (c) => c.json(await listSessions(c.get('ctx')), 200))
  .openapi(r.create, async (c) => c.json(await createStudySession(c.get('ctx'), c.req.valid('json')), 201))
  .openapi(r.read, async (c) => c.json(await getSession(c.get('ctx'), c.req.valid('param').id), 200))
  .openapi(r.update, async (c) =>
    c.json(await updateStudySession(c.get('ctx'), c.req.valid('param').id, c.req.valid('json')), 200),
  )
  .openapi(r.saveAttendance, async (c) =>
    c.json(
      await saveStudyAttendance(c.get('ctx'), c.req.valid('param').id, c.req.valid('json').userIds),
      200,
    ),
  )
  .openapi(r.attend, async (c) =>
    c.json(
      await attendStudySession(c.get('ctx'), c.req.valid('param').id, c.req.valid('json').attended),
      200,
    ),
  )
  .openapi(r.cadres, async (c) => c.json(await studyCadres(c.get('ctx')), 200))
  .route('/', materialsRouter);
