import { createRoute } from '@hono/zod-openapi';
import { AppError } from '../../../errors.js';
import { errors, jsonOk, signedInRouter, z } from '../../../http/route-helpers.js';
import { xlsxContent, xlsxResponse } from '../../../http/upload.js';
import { enterSelfValues } from '../commands/enterSelfValues.js';
import { importRegional } from '../commands/importRegional.js';
import { RegionalReport, RegionalReportQuery, RegionalSelfValues } from '../contracts/regional.js';
import { regionalReport } from '../queries/regional.js';
import { regionalHtml } from '../queries/regional-export.js';
import { regionalWorkbook } from '../queries/regional-workbook.js';

const tags = ['targets'];
const maxCsvBytes = 5 * 1024 * 1024;
const r = {
  import: createRoute({
    method: 'post',
    path: '/targets/regional/import',
    operationId: 'regional.import',
    tags,
    request: {
      query: z.object({ source: z.string().trim().max(200).optional() }),
      body: { content: { 'text/csv': { schema: z.string() } }, required: true },
    },
    responses: {
      200: jsonOk(
        z.object({ regions: z.number().int(), values: z.number().int() }).openapi('RegionalImportReport'),
      ),
      ...errors,
    },
  }),
  enter: createRoute({
    method: 'put',
    path: '/targets/regional/self-values',
    operationId: 'regional.enter',
    tags,
    request: { body: { content: { 'application/json': { schema: RegionalSelfValues } }, required: true } },
    responses: {
      200: jsonOk(
        z.object({ year: z.number().int(), values: z.number().int() }).openapi('RegionalEnterReport'),
      ),
      ...errors,
    },
  }),
  report: createRoute({
    method: 'get',
    path: '/targets/regional/report',
    operationId: 'regional.report',
    tags,
    request: { query: RegionalReportQuery },
    responses: { 200: jsonOk(RegionalReport), ...errors },
  }),
  html: createRoute({
    method: 'get',
    path: '/targets/regional/report.html',
    operationId: 'regional.reportHtml',
    tags,
    request: { query: RegionalReportQuery },
    responses: {
      200: { description: 'Print-ready HTML', content: { 'text/html': { schema: z.string() } } },
      ...errors,
    },
  }),
  xlsx: createRoute({
    method: 'get',
    path: '/targets/regional/report.xlsx',
    operationId: 'regional.reportXlsx',
    tags,
    request: { query: RegionalReportQuery },
    responses: { 200: xlsxContent, ...errors },
  }),
};

export const regionalRouter = signedInRouter([
  '/targets/regional/import',
  '/targets/regional/self-values',
  '/targets/regional/report',
  '/targets/regional/report.html',
  '/targets/regional/report.xlsx',
])
  .openapi(r.import, async (c) => {
    const source = c.req.valid('query').source || 'import';
    const upload = async () => {
      const type = c.req.header('content-type') ?? '';
      if (!type.startsWith('text/csv') && !type.startsWith('text/plain'))
        throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'send a UTF-8 CSV file');
      const text = await c.req.text();
      if (text.length > maxCsvBytes) throw new AppError('PAYLOAD_TOO_LARGE', `at most ${maxCsvBytes} bytes`);
      return text;
    };
    return c.json(await importRegional(c.get('ctx'), upload, source), 200);
  })
  .openapi(r.enter, async (c) => c.json(await enterSelfValues(c.get('ctx'), c.req.valid('json')), 200))
  .openapi(r.report, async (c) => c.json(await regionalReport(c.get('ctx'), c.req.valid('query')), 200))
  .openapi(r.html, async (c) => {
    const report = await regionalReport(c.get('ctx'), c.req.valid('query'));
    c.header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'");
    return c.html(regionalHtml(report, c.get('ctx').locale ?? 'zh-CN'), 200);
  })
  .openapi(r.xlsx, async (c) => {
    const report = await regionalReport(c.get('ctx'), c.req.valid('query'));
    const locale = c.get('ctx').locale ?? 'zh-CN';
    return xlsxResponse(c, await regionalWorkbook(report, locale), {
      'zh-CN': `区域比较-${report.year}.xlsx`,
      en: `regional-${report.year}.xlsx`,
    });
  });
