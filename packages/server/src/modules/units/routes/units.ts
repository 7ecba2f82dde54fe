import { createRoute } from '@hono/zod-openapi';
import {
  errors,
  IdParam,
  jsonBody,
  jsonOk,
  NoContent,
  newRouter,
  requireUser,
  z,
} from '../../../http/route-helpers.js';
import { readXlsxUpload, xlsxMediaType, xlsxResponse } from '../../../http/upload.js';
import { createUnit } from '../commands/createUnit.js';
import { deleteUnit } from '../commands/deleteUnit.js';
import { importUnits } from '../commands/importUnits.js';
import { updateUnit } from '../commands/updateUnit.js';
import { CreateUnitInput, Unit, UpdateUnitInput } from '../contracts.js';
import { unitTemplate } from '../excel.js';
import { exportUnits, listUnits } from '../queries/units.js';

const tags = ['units'];
const xlsx = {
  description: 'An .xlsx workbook',
  content: { [xlsxMediaType]: { schema: z.string().openapi({ format: 'binary' }) } },
};

const list = createRoute({
  method: 'get',
  path: '/units',
  operationId: 'unit.list',
  tags,
  responses: { 200: jsonOk(z.array(Unit)) },
});
const create = createRoute({
  method: 'post',
  path: '/units',
  operationId: 'unit.create',
  tags,
  request: jsonBody(CreateUnitInput),
  responses: { 201: jsonOk(Unit, 'Created'), ...errors },
});
const update = createRoute({
  method: 'patch',
  path: '/units/{id}',
  operationId: 'unit.update',
  tags,
  request: { params: IdParam, ...jsonBody(UpdateUnitInput) },
  responses: { 200: jsonOk(Unit), ...errors },
});
const remove = createRoute({
  method: 'delete',
  path: '/units/{id}',
  operationId: 'unit.delete',
  tags,
  request: { params: IdParam },
  responses: { 204: NoContent, ...errors },
});
const importRoute = createRoute({
  method: 'post',
  path: '/units/import',
  operationId: 'unit.import',
  tags,
  request: {
    body: {
      content: { [xlsxMediaType]: { schema: z.string().openapi({ format: 'binary' }) } },
      required: true,
    },
  },
  responses: {
    200: jsonOk(
      z
        .object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int() })
        .openapi('ImportReport'),
    ),
    ...errors,
  },
});
const exportRoute = createRoute({
  method: 'get',
  path: '/units/export',
  operationId: 'unit.export',
  tags,
  responses: { 200: xlsx, ...errors },
});
const template = createRoute({
  method: 'get',
  path: '/units/template',
  operationId: 'unit.template',
  tags,
  responses: { 200: xlsx },
});

export const unitsRouter = newRouter()
  .openapi(list, async (c) => c.json(await listUnits(c.get('ctx').db), 200))
  .openapi(template, async (c) =>
    xlsxResponse(c, await unitTemplate(c.get('ctx').locale ?? 'zh-CN'), {
      'zh-CN': '单位导入模板.xlsx',
      en: 'units-template.xlsx',
    }),
  )
  .openapi(exportRoute, async (c) => {
    requireUser(c.get('principal'));
    return xlsxResponse(c, await exportUnits(c.get('ctx')), { 'zh-CN': '单位.xlsx', en: 'units.xlsx' });
  })
  .openapi(importRoute, async (c) => {
    requireUser(c.get('principal'));
    return c.json(await importUnits(c.get('ctx'), () => readXlsxUpload(c)), 200);
  })
  .openapi(create, async (c) => {
    requireUser(c.get('principal'));
    return c.json(await createUnit(c.get('ctx'), c.req.valid('json')), 201);
  })
  .openapi(update, async (c) => {
    requireUser(c.get('principal'));
    return c.json(await updateUnit(c.get('ctx'), c.req.valid('param').id, c.req.valid('json')), 200);
  })
  .openapi(remove, async (c) => {
    requireUser(c.get('principal'));
    await deleteUnit(c.get('ctx'), c.req.valid('param').id);
    return c.body(null, 204);
  });
