import { createRoute } from '@hono/zod-openapi';
import { errors, IdParam, jsonBody, jsonOk, newRouter, z } from '../../../http/route-helpers.js';
import { readXlsxUpload, xlsxMediaType, xlsxResponse } from '../../../http/upload.js';
import { createFirm } from '../commands/createFirm.js';
import { importFirms } from '../commands/importFirms.js';
import { updateFirm } from '../commands/updateFirm.js';
import {
  Firm,
  FirmExportQuery,
  FirmImportReport,
  FirmInput,
  FirmPage,
  FirmQuery,
  FirmUpdate,
} from '../contracts.js';
import { exportFirms, firmTemplate } from '../firm-sheet.js';
import { getFirm, listFirms, myFirm } from '../queries/firms.js';

const tags = ['business'];
const binary = z.string().openapi({ format: 'binary' });
const xlsx = { description: 'An .xlsx workbook', content: { [xlsxMediaType]: { schema: binary } } };

const r = {
  list: createRoute({
    method: 'get',
    path: '/business/firms',
    operationId: 'firm.list',
    tags,
    request: { query: FirmQuery },
    responses: { 200: jsonOk(FirmPage), ...errors },
  }),
  create: createRoute({
    method: 'post',
    path: '/business/firms',
    operationId: 'firm.create',
    tags,
    request: jsonBody(FirmInput),
    responses: { 201: jsonOk(Firm, 'Created'), ...errors },
  }),
  template: createRoute({
    method: 'get',
    path: '/business/firms/template',
    operationId: 'firm.template',
    tags,
    responses: { 200: xlsx, ...errors },
  }),
  export: createRoute({
    method: 'get',
    path: '/business/firms/export',
    operationId: 'firm.export',
    tags,
    request: { query: FirmExportQuery },
    responses: { 200: xlsx, ...errors },
  }),
  import: createRoute({
    method: 'post',
    path: '/business/firms/import',
    operationId: 'firm.import',
    tags,
    request: { body: { content: { [xlsxMediaType]: { schema: binary } }, required: true } },
    responses: { 200: jsonOk(FirmImportReport), ...errors },
  }),
  mine: createRoute({
    method: 'get',
    path: '/business/my-firm',
    operationId: 'firm.mine',
    tags,
    responses: { 200: jsonOk(Firm), ...errors },
  }),
  read: createRoute({
    method: 'get',
    path: '/business/firms/{id}',
    operationId: 'firm.read',
    tags,
    request: { params: IdParam },
    responses: { 200: jsonOk(Firm), ...errors },
  }),
  update: createRoute({
    method: 'patch',
    path: '/business/firms/{id}',
    operationId: 'firm.update',
    tags,
    request: { params: IdParam, ...jsonBody(FirmUpdate) },
    responses: { 200: jsonOk(Firm), ...errors },
  }),
};

/** 企业库: the registry for the office and supervisors, and a firm's own page for its staff. */
export const firmsRouter = newRouter()
  .openapi(r.list, async (c) => c.json(await listFirms(c.get('ctx'), c.req.valid('query')), 200))
  .openapi(r.create, async (c) => c.json(await createFirm.run(c.get('ctx'), c.req.valid('json')), 201))
  .openapi(r.template, async (c) =>
    xlsxResponse(c, await firmTemplate(c.get('ctx').db, c.get('ctx').locale ?? 'zh-CN'), {
      'zh-CN': '企业导入模板.xlsx',
      en: 'firms-template.xlsx',
    }),
  )
  .openapi(r.export, async (c) =>
    xlsxResponse(c, await exportFirms(c.get('ctx'), c.req.valid('query')), {
      'zh-CN': '企业库.xlsx',
      en: 'firms.xlsx',
    }),
  )
  .openapi(r.import, async (c) => c.json(await importFirms(c.get('ctx'), () => readXlsxUpload(c)), 200))
  .openapi(r.mine, async (c) => c.json(await myFirm(c.get('ctx')), 200))
  .openapi(r.read, async (c) => c.json(await getFirm(c.get('ctx'), c.req.valid('param').id), 200))
  .openapi(r.update, async (c) =>
    c.json(
      await updateFirm.run(c.get('ctx'), { id: c.req.valid('param').id, changes: c.req.valid('json') }),
      200,
    ),
  );
