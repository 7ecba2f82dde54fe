import { createRoute } from '@hono/zod-openapi';
import {
  errors,
  IdParam,
  jsonBody,
  jsonOk,
  NoContent,
  signedInRouter,
  z,
} from '../../../http/route-helpers.js';
import { createList } from '../commands/createList.js';
import { deleteList } from '../commands/deleteList.js';
import { updateList } from '../commands/updateList.js';
import { ReformList, ReformListInput, ReformListPatch } from '../contracts.js';
import { listLists } from '../queries/lists.js';

const tags = ['reforms'];
const one = async (ctx: Parameters<typeof listLists>[0], id: string) =>
  (await listLists(ctx)).find((l) => l.id === id)!;

const r = {
  list: createRoute({
    method: 'get',
    path: '/reforms/lists',
    operationId: 'reformList.list',
    tags,
    responses: { 200: jsonOk(z.array(ReformList)), ...errors },
  }),
  create: createRoute({
    method: 'post',
    path: '/reforms/lists',
    operationId: createList.name,
    tags,
    request: jsonBody(ReformListInput),
    responses: { 201: jsonOk(ReformList, 'Created'), ...errors },
  }),
  update: createRoute({
    method: 'patch',
    path: '/reforms/lists/{id}',
    operationId: updateList.name,
    tags,
    request: { params: IdParam, ...jsonBody(ReformListPatch) },
    responses: { 200: jsonOk(ReformList), ...errors },
  }),
  remove: createRoute({
    method: 'delete',
    path: '/reforms/lists/{id}',
    operationId: deleteList.name,
    tags,
    request: { params: IdParam },
    responses: { 204: NoContent, ...errors },
  }),
};

/** The reform lists (清单): every member of staff reads them, the district's reform office keeps them. */
export const listsRouter = signedInRouter(['/reforms/lists', '/reforms/lists/:id'])
  .openapi(r.list, async (c) => c.json(await listLists(c.get('ctx')), 200))
  .openapi(r.create, async (c) => {
    const ctx = c.get('ctx');
    return c.json(await one(ctx, await createList.run(ctx, c.req.valid('json'))), 201);
  })
  .openapi(r.update, async (c) => {
    const ctx = c.get('ctx');
    const id = await updateList.run(ctx, { id: c.req.valid('param').id, patch: c.req.valid('json') });
    return c.json(await one(ctx, id), 200);
  })
  .openapi(r.remove, async (c) => {
    await deleteList.run(c.get('ctx'), { id: c.req.valid('param').id });
    return c.body(null, 204);
  });
