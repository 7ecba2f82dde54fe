import { createRoute } from '@hono/zod-openapi';
import { pickLocale } from '../../../http/problem.js';
import { errors, jsonOk, signedInRouter } from '../../../http/route-helpers.js';
import { xlsxContent, xlsxResponse } from '../../../http/upload.js';
import { statsWorkbook } from '../queries/stats-export.js';
import { StaffStats, staffStats } from '../queries/stats-staff.js';

const tags = ['ideas (staff)'];

const r = {
  stats: createRoute({
    method: 'get',
    path: '/ideas/stats',
    operationId: 'ideaStats.read',
    tags,
    responses: { 200: jsonOk(StaffStats), ...errors },
  }),
  export: createRoute({
    method: 'get',
    path: '/ideas/stats/export',
    operationId: 'ideaStats.export',
    tags,
    responses: { 200: xlsxContent, ...errors },
  }),
};

/** The staff dashboard: the whole district for the office, an organiser's own towns for them. */
export const ideasStatsRouter = signedInRouter(['/ideas/stats', '/ideas/stats/*'])
  .openapi(r.stats, async (c) => c.json(await staffStats(c.get('ctx')), 200))
  .openapi(r.export, async (c) =>
    xlsxResponse(c, await statsWorkbook(c.get('ctx'), pickLocale(c.req.header('accept-language'))), {
      'zh-CN': '大讨论统计.xlsx',
      en: 'campaign-stats.xlsx',
    }),
  );
