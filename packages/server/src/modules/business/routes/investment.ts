import { createRoute } from '@hono/zod-openapi';
import { errors, jsonBody, jsonOk, newRouter, z } from '../../../http/route-helpers.js';
import { readXlsxUpload, xlsxMediaType, xlsxResponse } from '../../../http/upload.js';
import { createChain, updateChain } from '../commands/chains.js';
import { importEntities } from '../commands/importEntities.js';
import { setMarketEntities, updateProjectSettings } from '../commands/investment-figures.js';
import {
  ChainInput,
  ChainParam,
  ChainUpdate,
  DashboardQuery,
  EntitiesImportReport,
  EntitiesInput,
  IndustrialChain,
  InvestmentDashboard,
  MonthParam,
  ProjectSettings,
} from '../contracts-projects.js';
import { entitiesTemplate } from '../entities-sheet.js';
import { listChains } from '../queries/industrial-chains.js';
import { dashboard } from '../queries/investment-dashboard.js';
import { projectSettings } from '../queries/project-settings.js';

const tags = ['business'];
const binary = z.string().openapi({ format: 'binary' });
const xlsx = { description: 'An .xlsx workbook', content: { [xlsxMediaType]: { schema: binary } } };

const r = {
  chains: createRoute({
    method: 'get',
    path: '/business/industrial-chains',
    operationId: 'chain.list',
    tags,
    responses: { 200: jsonOk(z.array(IndustrialChain)), ...errors },
  }),
  createChain: createRoute({
    method: 'post',
    path: '/business/industrial-chains',
    operationId: 'chain.create',
    tags,
    request: jsonBody(ChainInput),
    responses: { 201: jsonOk(IndustrialChain, 'Created'), ...errors },
  }),
  updateChain: createRoute({
    method: 'patch',
    path: '/business/industrial-chains/{code}',
    operationId: 'chain.update',
    tags,
    request: { params: ChainParam, ...jsonBody(ChainUpdate) },
    responses: { 200: jsonOk(IndustrialChain), ...errors },
  }),
  dashboard: createRoute({
    method: 'get',
    path: '/business/investment-dashboard',
    operationId: 'project.dashboard',
    tags,
    request: { query: DashboardQuery },
    responses: { 200: jsonOk(InvestmentDashboard), ...errors },
  }),
  entities: createRoute({
    method: 'put',
    path: '/business/market-entities/{month}',
    operationId: 'entities.set',
    tags,
    request: { params: MonthParam, ...jsonBody(EntitiesInput) },
    responses: {
      200: jsonOk(z.object({ month: z.string(), count: z.number().int() }).openapi('MarketEntities')),
      ...errors,
    },
  }),
  entitiesTemplate: createRoute({
    method: 'get',
    path: '/business/market-entities/template',
    operationId: 'entities.template',
    tags,
    responses: { 200: xlsx, ...errors },
  }),
  entitiesImport: createRoute({
    method: 'post',
    path: '/business/market-entities/import',
    operationId: 'entities.import',
    tags,
    request: { body: { content: { [xlsxMediaType]: { schema: binary } }, required: true } },
    responses: { 200: jsonOk(EntitiesImportReport), ...errors },
  }),
  settings: createRoute({
    method: 'get',
    path: '/business/project-settings',
    operationId: 'projectSettings.read',
    tags,
    responses: { 200: jsonOk(ProjectSettings), ...errors },
  }),
  updateSettings: createRoute({
    method: 'put',
    path: '/business/project-settings',
    operationId: 'projectSettings.update',
    tags,
    request: jsonBody(ProjectSettings),
    responses: { 200: jsonOk(ProjectSettings), ...errors },
  }),
};

/**
 * 招商引资 figures: the industrial chains (read by every account), the dashboard (office and
 * commission), the monthly new market entities and the stall limits (kept by the district office).
 */
export const investmentRouter = newRouter()
  .openapi(r.chains, async (c) => c.json(await listChains(c.get('ctx').db), 200))
  .openapi(r.createChain, async (c) => c.json(await createChain.run(c.get('ctx'), c.req.valid('json')), 201))
  .openapi(r.updateChain, async (c) =>
    c.json(
      await updateChain.run(c.get('ctx'), { code: c.req.valid('param').code, changes: c.req.valid('json') }),
      200,
    ),
  )
  .openapi(r.dashboard, async (c) => c.json(await dashboard(c.get('ctx'), c.req.valid('query')), 200))
  .openapi(r.entities, async (c) =>
    c.json(
      await setMarketEntities.run(c.get('ctx'), {
        month: c.req.valid('param').month,
        entry: c.req.valid('json'),
      }),
      200,
    ),
  )
  .openapi(r.entitiesTemplate, async (c) =>
    xlsxResponse(c, await entitiesTemplate(), {
      'zh-CN': '市场主体导入模板.xlsx',
      en: 'market-entities-template.xlsx',
    }),
  )
  .openapi(r.entitiesImport, async (c) =>
    c.json(await importEntities(c.get('ctx'), () => readXlsxUpload(c)), 200),
  )
  .openapi(r.settings, async (c) => c.json(await projectSettings(c.get('ctx').db), 200))
  .openapi(r.updateSettings, async (c) =>
    c.json(await updateProjectSettings.run(c.get('ctx'), c.req.valid('json')), 200),
  );
