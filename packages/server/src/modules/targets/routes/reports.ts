import { createRoute } from '@hono/zod-openapi';
import { errors, IdParam, jsonBody, jsonOk, signedInRouter } from '../../../http/route-helpers.js';
import { readXlsxUpload, xlsxBody, xlsxContent, xlsxResponse } from '../../../http/upload.js';
import { attachmentRouter } from '../../../kernel/attachment-routes.js';
import { addEvidence } from '../commands/addEvidence.js';
import { approveReport } from '../commands/approveReport.js';
import { createReport } from '../commands/createReport.js';
import { importReportValues } from '../commands/importReportValues.js';
import { removeEvidence } from '../commands/removeEvidence.js';
import { returnReport } from '../commands/returnReport.js';
import { submitReport } from '../commands/submitReport.js';
import { updateReport } from '../commands/updateReport.js';
import { ReturnInput } from '../contracts/common.js';
import {
  Evidence,
  Report,
  ReportInput,
  ReportList,
  ReportQuery,
  ReportUpdate,
} from '../contracts/reports.js';
import { readEvidence } from '../queries/evidence.js';
import { getReport, listReports, reportWorkbook } from '../queries/reports.js';

const tags = ['targets'];
const action = (path: string, operationId: string) =>
  createRoute({
    method: 'post',
    path,
    operationId,
    tags,
    request: { params: IdParam },
    responses: { 200: jsonOk(Report), ...errors },
  });

const r = {
  list: createRoute({
    method: 'get',
    path: '/targets/reports',
    operationId: 'report.list',
    tags,
    request: { query: ReportQuery },
    responses: { 200: jsonOk(ReportList), ...errors },
  }),
  create: createRoute({
    method: 'post',
    path: '/targets/reports',
    operationId: 'report.create',
    tags,
    request: jsonBody(ReportInput),
    responses: { 201: jsonOk(Report, 'Created'), ...errors },
  }),
  read: createRoute({
    method: 'get',
    path: '/targets/reports/{id}',
    operationId: 'report.read',
    tags,
    request: { params: IdParam },
    responses: { 200: jsonOk(Report), ...errors },
  }),
  update: createRoute({
    method: 'put',
    path: '/targets/reports/{id}',
    operationId: 'report.update',
    tags,
    request: { params: IdParam, ...jsonBody(ReportUpdate) },
    responses: { 200: jsonOk(Report), ...errors },
  }),
  submit: action('/targets/reports/{id}/submit', 'report.submit'),
  approve: action('/targets/reports/{id}/approve', 'report.approve'),
  return: createRoute({
    method: 'post',
    path: '/targets/reports/{id}/return',
    operationId: 'report.return',
    tags,
    request: { params: IdParam, ...jsonBody(ReturnInput) },
    responses: { 200: jsonOk(Report), ...errors },
  }),
  workbook: createRoute({
    method: 'get',
    path: '/targets/reports/{id}/workbook',
    operationId: 'report.workbook',
    tags,
    request: { params: IdParam },
    responses: { 200: xlsxContent, ...errors },
  }),
  import: createRoute({
    method: 'post',
    path: '/targets/reports/{id}/import',
    operationId: 'report.import',
    tags,
    request: { params: IdParam, ...xlsxBody },
    responses: { 200: jsonOk(Report), ...errors },
  }),
};

/** Evidence files of a report: the kernel's file routes, with this module's checks. */
const evidenceRouter = attachmentRouter({
  tags,
  ownerPath: '/targets/reports/{id}/evidence',
  filePath: '/targets/evidence/{id}',
  operations: 'evidence',
  view: Evidence,
  add: addEvidence,
  read: readEvidence,
  remove: removeEvidence,
});

export const reportsRouter = signedInRouter([
  '/targets/reports',
  '/targets/reports/:id',
  '/targets/reports/:id/approve',
  '/targets/reports/:id/import',
  '/targets/reports/:id/return',
  '/targets/reports/:id/submit',
  '/targets/reports/:id/workbook',
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
  .openapi(r.workbook, async (c) => {
    const { bytes, names } = await reportWorkbook(c.get('ctx'), c.req.valid('param').id);
    return xlsxResponse(c, bytes, names);
  })
  .openapi(r.import, async (c) => {
    return c.json(
      await importReportValues(c.get('ctx'), c.req.valid('param').id, () => readXlsxUpload(c)),
      200,
    );
  })
  .route('/', evidenceRouter);
