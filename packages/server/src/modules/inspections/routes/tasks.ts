import { createRoute } from '@hono/zod-openapi';
import {
  errors,
  IdParam,
  jsonBody,
  jsonOk,
  NoContent,
  Page,
  signedInRouter,
} from '../../../http/route-helpers.js';
import { announceTask } from '../commands/announceTask.js';
import { createTask } from '../commands/createTask.js';
import { deleteTask } from '../commands/deleteTask.js';
import { drawTask } from '../commands/drawTask.js';
import { InspectionTask, TaskInput, TaskQuery } from '../contracts.js';
import { getTask, listTasks } from '../queries/tasks.js';

const tags = ['inspections'];
const r = {
  list: createRoute({
    method: 'get',
    path: '/inspections/tasks',
    operationId: 'inspectionTask.list',
    tags,
    request: { query: TaskQuery },
    responses: { 200: jsonOk(Page(InspectionTask, 'InspectionTaskPage')), ...errors },
  }),
  create: createRoute({
    method: 'post',
    path: '/inspections/tasks',
    operationId: 'inspectionTask.create',
    tags,
    request: jsonBody(TaskInput),
    responses: { 201: jsonOk(InspectionTask, 'Created'), ...errors },
  }),
  read: createRoute({
    method: 'get',
    path: '/inspections/tasks/{id}',
    operationId: 'inspectionTask.read',
    tags,
    request: { params: IdParam },
    responses: { 200: jsonOk(InspectionTask), ...errors },
  }),
  remove: createRoute({
    method: 'delete',
    path: '/inspections/tasks/{id}',
    operationId: 'inspectionTask.delete',
    tags,
    request: { params: IdParam },
    responses: { 204: NoContent, ...errors },
  }),
  announce: createRoute({
    method: 'post',
    path: '/inspections/tasks/{id}/announce',
    operationId: 'inspectionTask.announce',
    tags,
    request: { params: IdParam },
    responses: { 200: jsonOk(InspectionTask), ...errors },
  }),
  draw: createRoute({
    method: 'post',
    path: '/inspections/tasks/{id}/draw',
    operationId: 'inspectionTask.draw',
    tags,
    request: { params: IdParam },
    responses: { 200: jsonOk(InspectionTask), ...errors },
  }),
};

/** Random-draw tasks (双随机): defined, announced (the seed's hash published), drawn (the seed revealed). */
export const tasksRouter = signedInRouter(['/inspections/tasks', '/inspections/tasks/*'])
  .openapi(r.list, async (c) => c.json(await listTasks(c.get('ctx'), c.req.valid('query')), 200))
  .openapi(r.create, async (c) => c.json(await createTask(c.get('ctx'), c.req.valid('json')), 201))
  .openapi(r.read, async (c) => c.json(await getTask(c.get('ctx'), c.req.valid('param').id), 200))
  .openapi(r.remove, async (c) => {
    await deleteTask(c.get('ctx'), c.req.valid('param').id);
    return c.body(null, 204);
  })
  .openapi(r.announce, async (c) => c.json(await announceTask(c.get('ctx'), c.req.valid('param').id), 200))
  .openapi(r.draw, async (c) => c.json(await drawTask(c.get('ctx'), c.req.valid('param').id), 200));
