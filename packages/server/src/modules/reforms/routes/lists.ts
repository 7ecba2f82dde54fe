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
    operationId: 'reformList.create',
    tags,
    request: jsonBody(ReformListInput),
    responses: { 201: jsonOk(ReformList, 'Created'), ...errors },
  }),
  update: createRoute({
    method: 'patch',
    path: '/reforms/lists/{id}',
    operationId: 'reformList.update',
    tags,
    request: { params: IdParam, ...jsonBody(ReformListPatch) },
    responses: { 200: jsonOk(ReformList), ...errors },
  }),
  remove: createRoute({
    method: 'delete',
    path: '/reforms/lists/{id}',
    operationId: 'reformList.delete',
    tags,
    request: { params: IdParam },
    responses: { 204: NoContent, ...errors },
  }),
};

/** The reform lists (清单): every member of staff reads them, the district's reform office keeps them. */
export const listsRouter = signedInRouter(['/reforms/lists', '/reforms/lists/:id'])
  .openapi(r.list, async (c) => c.json(await listLists(c.get('ctx')), 200))
  .openapi(r.create, async (c) => c.json(await createList(c.get('ctx'), c.req.valid('json')), 201))
  .openapi(r.update, async (c) =>
    c.json(await updateList(c.get('ctx'), c.req.valid('param').id, c.req.valid('json')), 200),
  )
  .openapi(r.remove, async (c) => {
    await deleteList(c.get('ctx'), c.req.valid('param').id);
    return c.body(null, 204);
  });
