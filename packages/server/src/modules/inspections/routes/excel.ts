import { createRoute } from '@hono/zod-openapi';
import { errors, jsonOk, signedInRouter } from '../../../http/route-helpers.js';
import { readXlsxUpload, xlsxBody, xlsxContent, xlsxResponse } from '../../../http/upload.js';
import { importInspectors } from '../commands/importInspectors.js';
import { importItems } from '../commands/importItems.js';
import { ImportReport } from '../contracts.js';
import { inspectionFileName, inspectorTemplate, itemTemplate } from '../excel.js';
import { exportInspectors, exportItems } from '../queries/export.js';

const tags = ['inspections'];
const sheetRoutes = (what: 'items' | 'inspectors', op: string) => ({
  export: createRoute({
    method: 'get',
    path: `/inspections/${what}/export`,
    operationId: `${op}.export`,
    tags,
    responses: { 200: xlsxContent, ...errors },
  }),
  template: createRoute({
    method: 'get',
    path: `/inspections/${what}/template`,
    operationId: `${op}.template`,
    tags,
    responses: { 200: xlsxContent, ...errors },
  }),
  import: createRoute({
    method: 'post',
    path: `/inspections/${what}/import`,
    operationId: `${op}.import`,
    tags,
    request: xlsxBody,
    responses: { 200: jsonOk(ImportReport), ...errors },
  }),
});
const items = sheetRoutes('items', 'inspectionItem');
const inspectors = sheetRoutes('inspectors', 'inspector');

/** The inspection lists and the inspectors in and out of Excel (the kernel's one import). */
export const excelRouter = signedInRouter([
  '/inspections/items/export',
  '/inspections/items/template',
  '/inspections/items/import',
  '/inspections/inspectors/export',
  '/inspections/inspectors/template',
  '/inspections/inspectors/import',
])
  .openapi(items.export, async (c) =>
    xlsxResponse(c, await exportItems(c.get('ctx')), inspectionFileName('items', 'export')),
  )
  .openapi(items.template, async (c) =>
    xlsxResponse(c, await itemTemplate(c.get('ctx')), inspectionFileName('items', 'template')),
  )
  .openapi(items.import, async (c) => c.json(await importItems(c.get('ctx'), () => readXlsxUpload(c)), 200))
  .openapi(inspectors.export, async (c) =>
    xlsxResponse(c, await exportInspectors(c.get('ctx')), inspectionFileName('inspectors', 'export')),
  )
  .openapi(inspectors.template, async (c) =>
    xlsxResponse(c, await inspectorTemplate(c.get('ctx')), inspectionFileName('inspectors', 'template')),
  )
  .openapi(inspectors.import, async (c) =>
    c.json(await importInspectors(c.get('ctx'), () => readXlsxUpload(c)), 200),
  );
