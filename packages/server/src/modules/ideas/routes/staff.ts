import { createRoute } from '@hono/zod-openapi';
import { AppError } from '../../../errors.js';
import { pickLocale } from '../../../http/problem.js';
import { errors, IdParam, jsonBody, jsonOk, signedInRouter, z } from '../../../http/route-helpers.js';
import { readXlsxUpload, xlsxContent, xlsxMediaType, xlsxResponse } from '../../../http/upload.js';
import { importSuggestions, importTemplate } from '../commands/importSuggestions.js';
import { type ScreenDecision, screenSuggestions } from '../commands/screenSuggestions.js';
import { submitSuggestion } from '../commands/submitSuggestion.js';
import {
  BulkScreenInput,
  ScreenInput,
  StaffSuggestionDetail,
  StaffSuggestionPage,
  SubmitResult,
  SuggestionExportQuery,
  SuggestionQuery,
  WrittenSuggestionInput,
} from '../contracts.js';
import { screeningItem, screeningQueue } from '../queries/screening.js';
import { suggestionsWorkbook } from '../queries/suggestions-export.js';

const tags = ['ideas (staff)'];
const maxCsvBytes = 5 * 1024 * 1024;
const Updated = z.object({ updated: z.number().int() }).openapi('ScreenResult');
const binary = z.string().openapi({ format: 'binary' });

const r = {
  queue: createRoute({
    method: 'get',
    path: '/ideas/suggestions',
    operationId: 'suggestion.queue',
    tags,
    request: { query: SuggestionQuery },
    responses: { 200: jsonOk(StaffSuggestionPage), ...errors },
  }),
  export: createRoute({
    method: 'get',
    path: '/ideas/suggestions/export',
    operationId: 'suggestion.export',
    tags,
    request: { query: SuggestionExportQuery },
    responses: { 200: xlsxContent, ...errors },
  }),
  item: createRoute({
    method: 'get',
    path: '/ideas/suggestions/{id}',
    operationId: 'suggestion.staffRead',
    tags,
    request: { params: IdParam },
    responses: { 200: jsonOk(StaffSuggestionDetail), ...errors },
  }),
  written: createRoute({
    method: 'post',
    path: '/ideas/suggestions',
    operationId: 'suggestion.submitWritten',
    tags,
    request: jsonBody(WrittenSuggestionInput),
    responses: { 201: jsonOk(SubmitResult, 'Created'), ...errors },
  }),
  screen: createRoute({
    method: 'post',
    path: '/ideas/suggestions/{id}/screen',
    operationId: 'suggestion.screen',
    tags,
    request: { params: IdParam, ...jsonBody(ScreenInput) },
    responses: { 200: jsonOk(Updated), ...errors },
  }),
  bulk: createRoute({
    method: 'post',
    path: '/ideas/screening/bulk',
    operationId: 'suggestion.screenBulk',
    tags,
    request: jsonBody(BulkScreenInput),
    responses: { 200: jsonOk(Updated), ...errors },
  }),
  template: createRoute({
    method: 'get',
    path: '/ideas/import/template',
    operationId: 'suggestion.importTemplate',
    tags,
    responses: {
      200: {
        description: "An .xlsx workbook in the request's language, with drop-down lists",
        content: { [xlsxMediaType]: { schema: binary } },
      },
      ...errors,
    },
  }),
  import: createRoute({
    method: 'post',
    path: '/ideas/import',
    operationId: 'suggestion.import',
    tags,
    request: {
      body: {
        content: { [xlsxMediaType]: { schema: binary }, 'text/csv': { schema: z.string() } },
        required: true,
      },
    },
    responses: {
      200: jsonOk(
        z
          .object({
            created: z.number().int(),
            skipped: z.number().int(),
            /** The file's rows skipped: the same as one imported before, or as an earlier row of the file. */
            skippedRows: z.array(z.number().int()),
          })
          .openapi('SuggestionImportReport'),
      ),
      ...errors,
    },
  }),
};

function decisionOf(b: z.infer<typeof BulkScreenInput>): ScreenDecision {
  const missing = (path: string) =>
    new AppError('VALIDATION', `${path} is required`, [{ path, message: 'required', code: 'required' }]);
  switch (b.decision) {
    case 'accept':
      return { decision: 'accept', domain: b.domain };
    case 'reject':
      if (!b.reason) throw missing('reason');
      return { decision: 'reject', reason: b.reason };
    case 'merge':
      if (!b.into) throw missing('into');
      return { decision: 'merge', into: b.into };
    default:
      if (!b.domain) throw missing('domain');
      return { decision: 'reclassify', domain: b.domain };
  }
}

/** Organisers, screeners and the office: written intake, screening and imports. */
export const ideasStaffRouter = signedInRouter([
  '/ideas/import',
  '/ideas/import/template',
  '/ideas/screening/bulk',
  '/ideas/suggestions',
  '/ideas/suggestions/:id',
  '/ideas/suggestions/:id/screen',
])
  .openapi(r.queue, async (c) => c.json(await screeningQueue(c.get('ctx'), c.req.valid('query')), 200))
  .openapi(r.template, async (c) =>
    xlsxResponse(c, await importTemplate(c.get('ctx')), {
      'zh-CN': '建议导入模板.xlsx',
      en: 'suggestions-template.xlsx',
    }),
  )
  // Before the item's route, which would take `export` for an id.
  .openapi(r.export, async (c) =>
    xlsxResponse(
      c,
      await suggestionsWorkbook(
        c.get('ctx'),
        c.req.valid('query'),
        pickLocale(c.req.header('accept-language')),
      ),
      { 'zh-CN': '建议清单.xlsx', en: 'suggestions.xlsx' },
    ),
  )
  .openapi(r.item, async (c) => c.json(await screeningItem(c.get('ctx'), c.req.valid('param').id), 200))
  .openapi(r.written, async (c) => c.json(await submitSuggestion(c.get('ctx'), c.req.valid('json')), 201))
  .openapi(r.screen, async (c) =>
    c.json(await screenSuggestions(c.get('ctx'), [c.req.valid('param').id], c.req.valid('json')), 200),
  )
  .openapi(r.bulk, async (c) => {
    const body = c.req.valid('json');
    return c.json(await screenSuggestions(c.get('ctx'), body.ids, decisionOf(body)), 200);
  })
  .openapi(r.import, async (c) => {
    const upload = async () => {
      const type = c.req.header('content-type') ?? '';
      if (type.startsWith('text/csv')) {
        const csv = await c.req.text();
        if (csv.length > maxCsvBytes) throw new AppError('PAYLOAD_TOO_LARGE', `at most ${maxCsvBytes} bytes`);
        return { csv };
      }
      return { xlsx: await readXlsxUpload(c) };
    };
    return c.json(await importSuggestions(c.get('ctx'), upload), 200);
  });
