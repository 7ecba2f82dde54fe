import { createRoute, z } from '@hono/zod-openapi';
import { errors, IdParam, jsonBody, jsonOk, signedInRouter } from '../../../http/route-helpers.js';
import { attachmentRouter } from '../../../kernel/attachment-routes.js';
import { AttachmentView } from '../../../kernel/attachments.js';
import { confirmRectification } from '../commands/confirmRectification.js';
import {
  addRectificationPhoto,
  readRectificationPhoto,
  removeRectificationPhoto,
} from '../commands/photos.js';
import { rateVisit } from '../commands/rateVisit.js';
import { RatingInput, RectificationInput, VisitResult, VisitResultBrief } from '../contracts-visits.js';
import { getResult, myResults } from '../queries/results.js';

const tags = ['inspections'];
const r = {
  list: createRoute({
    method: 'get',
    path: '/inspections/my-results',
    operationId: 'inspectionResult.list',
    tags,
    responses: { 200: jsonOk(z.array(VisitResultBrief)), ...errors },
  }),
  read: createRoute({
    method: 'get',
    path: '/inspections/my-results/{id}',
    operationId: 'inspectionResult.read',
    tags,
    request: { params: IdParam },
    responses: { 200: jsonOk(VisitResult), ...errors },
  }),
  rate: createRoute({
    method: 'post',
    path: '/inspections/my-results/{id}/rating',
    operationId: 'inspectionVisit.rate',
    tags,
    request: { params: IdParam, ...jsonBody(RatingInput) },
    responses: { 200: jsonOk(VisitResult), ...errors },
  }),
  confirm: createRoute({
    method: 'post',
    path: '/inspections/findings/{id}/rectification',
    operationId: 'inspectionRectification.confirm',
    tags,
    request: { params: IdParam, ...jsonBody(RectificationInput) },
    responses: { 200: jsonOk(VisitResult), ...errors },
  }),
};

/** The photos a firm sends with its rectification. */
const rectificationPhotosRouter = attachmentRouter({
  tags,
  ownerPath: '/inspections/findings/{id}/rectification-photos',
  filePath: '/inspections/rectification-photos/{id}',
  operations: 'inspectionRectificationPhoto',
  view: AttachmentView,
  add: addRectificationPhoto,
  read: readRectificationPhoto,
  remove: removeRectificationPhoto,
});

/** A firm's results of its visits: read them, confirm rectifications, rate each visit once. */
export const resultsRouter = signedInRouter([
  '/inspections/my-results',
  '/inspections/my-results/*',
  '/inspections/findings/*',
])
  .openapi(r.list, async (c) => c.json(await myResults(c.get('ctx')), 200))
  .openapi(r.read, async (c) => c.json(await getResult(c.get('ctx'), c.req.valid('param').id), 200))
  .openapi(r.rate, async (c) =>
    c.json(await rateVisit(c.get('ctx'), { visitId: c.req.valid('param').id, ...c.req.valid('json') }), 200),
  )
  .openapi(r.confirm, async (c) =>
    c.json(
      await confirmRectification(c.get('ctx'), {
        findingId: c.req.valid('param').id,
        ...c.req.valid('json'),
      }),
      200,
    ),
  )
  .route('/', rectificationPhotosRouter);
