import { createRoute, z } from '@hono/zod-openapi';
import { errors, IdParam, jsonBody, jsonOk, signedInRouter } from '../../../http/route-helpers.js';
import { attachmentRouter } from '../../../kernel/attachment-routes.js';
import { AttachmentView } from '../../../kernel/attachments.js';
import { completeVisit } from '../commands/completeVisit.js';
import { addPhoto, readPhoto, removePhoto } from '../commands/photos.js';
import { rescheduleVisit } from '../commands/rescheduleVisit.js';
import { saveFinding } from '../commands/saveFinding.js';
import { startVisit } from '../commands/startVisit.js';
import { FindingInput, FindingParams, RescheduleInput, Visit, VisitBrief } from '../contracts-visits.js';
import { getVisit, myInspections } from '../queries/visits.js';

const tags = ['inspections'];
const r = {
  list: createRoute({
    method: 'get',
    path: '/inspections/visits',
    operationId: 'inspectionVisit.list',
    tags,
    responses: { 200: jsonOk(z.array(VisitBrief)), ...errors },
  }),
  read: createRoute({
    method: 'get',
    path: '/inspections/visits/{id}',
    operationId: 'inspectionVisit.read',
    tags,
    request: { params: IdParam },
    responses: { 200: jsonOk(Visit), ...errors },
  }),
  start: createRoute({
    method: 'post',
    path: '/inspections/visits/{id}/start',
    operationId: 'inspectionVisit.start',
    tags,
    request: { params: IdParam },
    responses: { 200: jsonOk(Visit), ...errors },
  }),
  finding: createRoute({
    method: 'put',
    path: '/inspections/visits/{id}/findings/{itemId}',
    operationId: 'inspectionFinding.save',
    tags,
    request: { params: FindingParams, ...jsonBody(FindingInput) },
    responses: { 200: jsonOk(Visit), ...errors },
  }),
  complete: createRoute({
    method: 'post',
    path: '/inspections/visits/{id}/complete',
    operationId: 'inspectionVisit.complete',
    tags,
    request: { params: IdParam },
    responses: { 200: jsonOk(Visit), ...errors },
  }),
  reschedule: createRoute({
    method: 'post',
    path: '/inspections/visits/{id}/reschedule',
    operationId: 'inspectionVisit.reschedule',
    tags,
    request: { params: IdParam, ...jsonBody(RescheduleInput) },
    responses: { 200: jsonOk(Visit), ...errors },
  }),
};

/** The photos of a finding, taken by the team on its phones. */
const photosRouter = attachmentRouter({
  tags,
  ownerPath: '/inspections/findings/{id}/photos',
  filePath: '/inspections/photos/{id}',
  operations: 'inspectionPhoto',
  view: AttachmentView,
  add: addPhoto,
  read: readPhoto,
  remove: removePhoto,
});

/** An inspector's visits (检查): the checklist on a phone, started and completed by its team. */
export const visitsRouter = signedInRouter(['/inspections/visits', '/inspections/visits/*'])
  .openapi(r.list, async (c) => c.json(await myInspections(c.get('ctx')), 200))
  .openapi(r.read, async (c) => c.json(await getVisit(c.get('ctx'), c.req.valid('param').id), 200))
  .openapi(r.start, async (c) => c.json(await startVisit(c.get('ctx'), c.req.valid('param').id), 200))
  .openapi(r.finding, async (c) => {
    const { id, itemId } = c.req.valid('param');
    return c.json(
      await saveFinding(c.get('ctx'), { visitId: id, itemId, finding: c.req.valid('json') }),
      200,
    );
  })
  .openapi(r.complete, async (c) => c.json(await completeVisit(c.get('ctx'), c.req.valid('param').id), 200))
  .openapi(r.reschedule, async (c) =>
    c.json(
      await rescheduleVisit(c.get('ctx'), { visitId: c.req.valid('param').id, ...c.req.valid('json') }),
      200,
    ),
  )
  .route('/', photosRouter);
