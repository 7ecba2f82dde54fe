import { createRoute } from '@hono/zod-openapi';
import { errors, IdParam, jsonBody, jsonOk, signedInRouter } from '../../../http/route-helpers.js';
import { attachmentRouter } from '../../../kernel/attachment-routes.js';
import { AttachmentView } from '../../../kernel/attachments.js';
import { addEvidence } from '../commands/addEvidence.js';
import { approveReport } from '../commands/approveReport.js';
import { createReport } from '../commands/createReport.js';
import { removeEvidence } from '../commands/removeEvidence.js';
import { returnReport } from '../commands/returnReport.js';
import { submitReport } from '../commands/submitReport.js';
import { updateReport } from '../commands/updateReport.js';
import {
  ReformReport,
  ReformReportInput,
  ReformReportList,
  ReformReportQuery,
  ReformReportUpdate,
  ReformReturnInput,
} from '../contracts.js';
import { readEvidence } from '../queries/evidence.js';
import { getReport, listReports } from '../queries/reports.js';

const tags = ['reforms'];
const step = (path: string, operationId: string) =>
  createRoute({
    method: 'post',
    path,
    operationId,
    tags,
    request: { params: IdParam },
    responses: { 200: jsonOk(ReformReport), ...errors },
  });

const r = {
  list: createRoute({
    method: 'get',
    path: '/reforms/reports',
    operationId: 'reformReport.list',
    tags,
    request: { query: ReformReportQuery },
    responses: { 200: jsonOk(ReformReportList), ...errors },
  }),
  create: createRoute({
    method: 'post',
    path: '/reforms/reports',
    operationId: 'reformReport.create',
    tags,
    request: jsonBody(ReformReportInput),
    responses: { 201: jsonOk(ReformReport, 'Created'), ...errors },
  }),
  read: createRoute({
    method: 'get',
    path: '/reforms/reports/{id}',
    operationId: 'reformReport.read',
    tags,
    request: { params: IdParam },
    responses: { 200: jsonOk(ReformReport), ...errors },
  }),
  update: createRoute({
    method: 'put',
    path: '/reforms/reports/{id}',
    operationId: 'reformReport.update',
    tags,
    request: { params: IdParam, ...jsonBody(ReformReportUpdate) },
    responses: { 200: jsonOk(ReformReport), ...errors },
  }),
  submit: step('/reforms/reports/{id}/submit', 'reformReport.submit'),
  approve: step('/reforms/reports/{id}/approve', 'reformReport.approve'),
  return: createRoute({
    method: 'post',
    path: '/reforms/reports/{id}/return',
    operationId: 'reformReport.return',
    tags,
    request: { params: IdParam, ...jsonBody(ReformReturnInput) },
    responses: { 200: jsonOk(ReformReport), ...errors },
  }),
};

/** Evidence files of a report: the kernel's file routes, with this module's checks. */
const evidenceRouter = attachmentRouter({
  tags,
  ownerPath: '/reforms/reports/{id}/evidence',
  filePath: '/reforms/evidence/{id}',
  operations: 'reformEvidence',
  view: AttachmentView,
  add: addEvidence,
  read: readEvidence,
  remove: removeEvidence,
});

/** Monthly progress reports: the lead unit writes and submits, the reform office approves or returns. */
export const reportsRouter = signedInRouter([
  '/reforms/reports',
  '/reforms/reports/:id',
  '/reforms/reports/:id/*',
])
  .openapi(r.list, async (c) => c.json(await listReports(c.get('ctx'), c.req.valid('query')), 200))
  .openapi(r.create, async (c) => c.json(await createReport(c.get('ctx'), c.req.valid('json')), 201))
  .openapi(r.read, async (c) => c.json(await getReport(c.get('ctx'), c.req.valid('param').id), 200))
  .openapi(r.update, async (c) =>
    c.json(await updateReport(c.get('ctx'), c.req.valid('param').id, c.req.valid('json')), 200),
  )
  .openapi(r.submit, async (c) => c.json(await submitReport(c.get('ctx'), c.req.valid('param').id), 200))
  .openapi(r.approve, async (c) => c.json(await approveReport(c.get('ctx'), c.req.valid('param').id), 200))
  .openapi(r.return, async (c) =>
    c.json(await returnReport(c.get('ctx'), c.req.valid('param').id, c.req.valid('json').reason), 200),
  )
  .route('/', evidenceRouter);
