import { createRoute } from '@hono/zod-openapi';
import {
  errors,
  IdParam,
  jsonBody,
  jsonOk,
  NoContent,
  Page,
  signedInRouter,
  z,
} from '../../../http/route-helpers.js';
import { readXlsxUpload, xlsxBody, xlsxContent, xlsxResponse } from '../../../http/upload.js';
import { createIndicator } from '../commands/createIndicator.js';
import { createRegion } from '../commands/createRegion.js';
import { importBenchmarks } from '../commands/importBenchmarks.js';
import { importIndicators } from '../commands/importIndicators.js';
import { setBenchmark } from '../commands/setBenchmark.js';
import { updateIndicator } from '../commands/updateIndicator.js';
import { updateSettings } from '../commands/updateSettings.js';
import {
  Benchmark,
  BenchmarkInput,
  BenchmarkQuery,
  Indicator,
  IndicatorInput,
  IndicatorPatch,
  IndicatorQuery,
  Region,
  RegionInput,
  Settings,
} from '../contracts/library.js';
import { indicatorTemplate } from '../excel.js';
import { exportBenchmarks, exportBenchmarkTemplate } from '../queries/benchmark-export.js';
import { readSettings } from '../queries/deadline.js';
import { exportIndicators, listIndicators } from '../queries/indicators.js';
import { listBenchmarks, listRegions } from '../queries/regions.js';

const tags = ['targets'];
const ImportReport = z
  .object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int() })
  .openapi('IndicatorImportReport');

const r = {
  list: createRoute({
    method: 'get',
    path: '/targets/indicators',
    operationId: 'indicator.list',
    tags,
    request: { query: IndicatorQuery },
    responses: { 200: jsonOk(Page(Indicator, 'IndicatorPage')), ...errors },
  }),
  create: createRoute({
    method: 'post',
    path: '/targets/indicators',
    operationId: 'indicator.create',
    tags,
    request: jsonBody(IndicatorInput),
    responses: { 201: jsonOk(Indicator, 'Created'), ...errors },
  }),
  update: createRoute({
    method: 'patch',
    path: '/targets/indicators/{id}',
    operationId: 'indicator.update',
    tags,
    request: { params: IdParam, ...jsonBody(IndicatorPatch) },
    responses: { 200: jsonOk(Indicator), ...errors },
  }),
  export: createRoute({
    method: 'get',
    path: '/targets/indicators/export',
    operationId: 'indicator.export',
    tags,
    responses: { 200: xlsxContent, ...errors },
  }),
  template: createRoute({
    method: 'get',
    path: '/targets/indicators/template',
    operationId: 'indicator.template',
    tags,
    responses: { 200: xlsxContent, ...errors },
  }),
  import: createRoute({
    method: 'post',
    path: '/targets/indicators/import',
    operationId: 'indicator.import',
    tags,
    request: xlsxBody,
    responses: { 200: jsonOk(ImportReport), ...errors },
  }),
  regions: createRoute({
    method: 'get',
    path: '/targets/regions',
    operationId: 'region.list',
    tags,
    responses: { 200: jsonOk(z.array(Region)), ...errors },
  }),
  createRegion: createRoute({
    method: 'post',
    path: '/targets/regions',
    operationId: 'region.create',
    tags,
    request: jsonBody(RegionInput),
    responses: { 201: jsonOk(Region, 'Created'), ...errors },
  }),
  benchmarks: createRoute({
    method: 'get',
    path: '/targets/benchmarks',
    operationId: 'benchmark.list',
    tags,
    request: { query: BenchmarkQuery },
    responses: { 200: jsonOk(z.array(Benchmark)), ...errors },
  }),
  setBenchmark: createRoute({
    method: 'put',
    path: '/targets/benchmarks',
    operationId: 'benchmark.set',
    tags,
    request: jsonBody(BenchmarkInput),
    responses: { 204: NoContent, ...errors },
  }),
  exportBenchmarks: createRoute({
    method: 'get',
    path: '/targets/benchmarks/export',
    operationId: 'benchmark.export',
    tags,
    responses: { 200: xlsxContent, ...errors },
  }),
  benchmarkTemplate: createRoute({
    method: 'get',
    path: '/targets/benchmarks/template',
    operationId: 'benchmark.template',
    tags,
    responses: { 200: xlsxContent, ...errors },
  }),
  importBenchmarks: createRoute({
    method: 'post',
    path: '/targets/benchmarks/import',
    operationId: 'benchmark.import',
    tags,
    request: xlsxBody,
    responses: {
      200: jsonOk(z.object({ imported: z.number().int() }).openapi('BenchmarkImportReport')),
      ...errors,
    },
  }),
  settings: createRoute({
    method: 'get',
    path: '/targets/settings',
    operationId: 'targetSettings.read',
    tags,
    responses: { 200: jsonOk(Settings), ...errors },
  }),
  setSettings: createRoute({
    method: 'put',
    path: '/targets/settings',
    operationId: 'targetSettings.update',
    tags,
    request: jsonBody(Settings),
    responses: { 200: jsonOk(Settings), ...errors },
  }),
};

export const libraryRouter = signedInRouter([
  '/targets/benchmarks',
  '/targets/benchmarks/export',
  '/targets/benchmarks/import',
  '/targets/benchmarks/template',
  '/targets/indicators',
  '/targets/indicators/:id',
  '/targets/indicators/export',
  '/targets/indicators/import',
  '/targets/indicators/template',
  '/targets/regions',
  '/targets/settings',
])
  .openapi(r.export, async (c) =>
    xlsxResponse(c, await exportIndicators(c.get('ctx'), c.get('ctx').locale ?? 'zh-CN'), {
      'zh-CN': '指标库.xlsx',
      en: 'indicators.xlsx',
    }),
  )
  .openapi(r.template, async (c) =>
    xlsxResponse(c, await indicatorTemplate(c.get('ctx').locale ?? 'zh-CN'), {
      'zh-CN': '指标库导入模板.xlsx',
      en: 'indicators-template.xlsx',
    }),
  )
  .openapi(r.import, async (c) => c.json(await importIndicators(c.get('ctx'), () => readXlsxUpload(c)), 200))
  .openapi(r.list, async (c) => c.json(await listIndicators(c.get('ctx'), c.req.valid('query')), 200))
  .openapi(r.create, async (c) => c.json(await createIndicator(c.get('ctx'), c.req.valid('json')), 201))
  .openapi(r.update, async (c) =>
    c.json(await updateIndicator(c.get('ctx'), c.req.valid('param').id, c.req.valid('json')), 200),
  )
  .openapi(r.regions, async (c) => c.json(await listRegions(c.get('ctx')), 200))
  .openapi(r.createRegion, async (c) => c.json(await createRegion(c.get('ctx'), c.req.valid('json')), 201))
  .openapi(r.benchmarks, async (c) => c.json(await listBenchmarks(c.get('ctx'), c.req.valid('query')), 200))
  .openapi(r.setBenchmark, async (c) => {
    await setBenchmark(c.get('ctx'), c.req.valid('json'));
    return c.body(null, 204);
  })
  .openapi(r.exportBenchmarks, async (c) =>
    xlsxResponse(c, await exportBenchmarks(c.get('ctx'), c.get('ctx').locale ?? 'zh-CN'), {
      'zh-CN': '标杆值.xlsx',
      en: 'benchmarks.xlsx',
    }),
  )
  .openapi(r.benchmarkTemplate, async (c) =>
    xlsxResponse(c, await exportBenchmarkTemplate(c.get('ctx'), c.get('ctx').locale ?? 'zh-CN'), {
      'zh-CN': '标杆值导入模板.xlsx',
      en: 'benchmarks-template.xlsx',
    }),
  )
  .openapi(r.importBenchmarks, async (c) =>
    c.json(await importBenchmarks(c.get('ctx'), () => readXlsxUpload(c)), 200),
  )
  .openapi(r.settings, async (c) => c.json(await readSettings(c.get('ctx')), 200))
  .openapi(r.setSettings, async (c) => c.json(await updateSettings(c.get('ctx'), c.req.valid('json')), 200));
