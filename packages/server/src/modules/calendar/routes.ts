import { createRoute } from '@hono/zod-openapi';
import { errors, jsonBody, jsonOk, NoContent, newRouter, requireUser, z } from '../../http/route-helpers.js';
import { loadCalendarYear } from './commands/loadYear.js';
import { unloadCalendarYear } from './commands/unloadYear.js';
import { CalendarYear, YearArrangement, YearParam } from './contracts.js';
import { listCalendarYears } from './queries/years.js';

const tags = ['calendar'];

const list = createRoute({
  method: 'get',
  path: '/calendar/years',
  operationId: 'calendar.list',
  tags,
  responses: { 200: jsonOk(z.array(CalendarYear)), ...errors },
});
const load = createRoute({
  method: 'put',
  path: '/calendar/years/{year}',
  operationId: 'calendar.load',
  tags,
  request: { params: YearParam, ...jsonBody(YearArrangement) },
  responses: { 200: jsonOk(CalendarYear), ...errors },
});
const unload = createRoute({
  method: 'delete',
  path: '/calendar/years/{year}',
  operationId: 'calendar.unload',
  tags,
  request: { params: YearParam },
  responses: { 204: NoContent, ...errors },
});

export const calendarRouter = newRouter()
  .openapi(list, async (c) => {
    requireUser(c.get('principal'));
    return c.json(await listCalendarYears(c.get('ctx')), 200);
  })
  .openapi(load, async (c) => {
    requireUser(c.get('principal'));
    return c.json(await loadCalendarYear(c.get('ctx'), c.req.valid('param').year, c.req.valid('json')), 200);
  })
  .openapi(unload, async (c) => {
    requireUser(c.get('principal'));
    await unloadCalendarYear(c.get('ctx'), c.req.valid('param').year);
    return c.body(null, 204);
  });
