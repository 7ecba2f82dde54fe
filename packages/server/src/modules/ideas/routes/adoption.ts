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
import {
  InboxItem,
  MarkAllReadInput,
  markAllRead,
  markRead,
  myInbox,
} from '../../../kernel/notifications.js';
import { adoptIdea } from '../commands/adoptIdea.js';
import { publishList } from '../commands/publishList.js';
import { reportProgress } from '../commands/reportProgress.js';
import { saveList } from '../commands/saveList.js';
import { withdrawListEntry } from '../commands/withdrawListEntry.js';
import { ActionView, AdoptedActionList, ListKind } from '../contracts.js';
import {
  AdoptInput,
  Candidate,
  ProgressInput,
  SaveListInput,
  StaffHonourList,
  WithdrawEntryInput,
} from '../contracts-adoption.js';
import { adoptedActions } from '../queries/actions.js';
import { listCandidates, staffLists } from '../queries/lists.js';
import { OfficeList } from '../queries/lists-public.js';

const tags = ['ideas (selection)'];
const KindParam = z.object({ kind: ListKind.openapi({ param: { name: 'kind', in: 'path' } }) });
const EntryParams = KindParam.extend({
  entryId: z.uuid().openapi({ param: { name: 'entryId', in: 'path' } }),
});

const r = {
  lists: createRoute({
    method: 'get',
    path: '/ideas/lists',
    operationId: 'list.list',
    tags,
    responses: { 200: jsonOk(z.array(StaffHonourList)), ...errors },
  }),
  candidates: createRoute({
    method: 'get',
    path: '/ideas/lists/{kind}/candidates',
    operationId: 'list.candidates',
    tags,
    request: { params: KindParam },
    responses: { 200: jsonOk(z.array(Candidate)), ...errors },
  }),
  save: createRoute({
    method: 'put',
    path: '/ideas/lists/{kind}',
    operationId: 'list.save',
    tags,
    request: { params: KindParam, ...jsonBody(SaveListInput) },
    responses: { 200: jsonOk(OfficeList), ...errors },
  }),
  publish: createRoute({
    method: 'post',
    path: '/ideas/lists/{kind}/publish',
    operationId: 'list.publish',
    tags,
    request: { params: KindParam },
    responses: { 200: jsonOk(OfficeList), ...errors },
  }),
  withdrawEntry: createRoute({
    method: 'post',
    path: '/ideas/lists/{kind}/entries/{entryId}/withdraw',
    operationId: 'list.withdrawEntry',
    tags,
    request: { params: EntryParams, ...jsonBody(WithdrawEntryInput) },
    responses: { 200: jsonOk(OfficeList), ...errors },
  }),
  adopted: createRoute({
    method: 'get',
    path: '/ideas/actions',
    operationId: 'action.list',
    tags,
    responses: { 200: jsonOk(AdoptedActionList), ...errors },
  }),
  adopt: createRoute({
    method: 'post',
    path: '/ideas/actions',
    operationId: 'action.adopt',
    tags,
    request: jsonBody(AdoptInput),
    responses: { 201: jsonOk(ActionView, 'Created'), ...errors },
  }),
  progress: createRoute({
    method: 'post',
    path: '/ideas/actions/{id}/progress',
    operationId: 'action.progress',
    tags,
    request: { params: IdParam, ...jsonBody(ProgressInput) },
    responses: { 200: jsonOk(ActionView), ...errors },
  }),
  inbox: createRoute({
    method: 'get',
    path: '/inbox',
    operationId: 'inbox.list',
    tags,
    responses: { 200: jsonOk(z.array(InboxItem)), ...errors },
  }),
  readAll: createRoute({
    method: 'post',
    path: '/inbox/read-all',
    operationId: 'inbox.readAll',
    tags,
    request: jsonBody(MarkAllReadInput),
    responses: { 200: jsonOk(z.object({ marked: z.number().int() }).openapi('InboxMarked')), ...errors },
  }),
  read: createRoute({
    method: 'post',
    path: '/inbox/{id}/read',
    operationId: 'inbox.read',
    tags,
    request: { params: IdParam },
    responses: { 204: NoContent, ...errors },
  }),
};

/** Honour lists, adoption into actions, and the signed-in inbox. */
export const ideasAdoptionRouter = signedInRouter([
  '/ideas/actions',
  '/ideas/actions/:id/progress',
  '/ideas/lists',
  '/ideas/lists/:kind',
  '/ideas/lists/:kind/candidates',
  '/ideas/lists/:kind/publish',
  '/ideas/lists/:kind/entries/:entryId/withdraw',
  '/inbox',
  '/inbox/read-all',
  '/inbox/:id/read',
])
  .openapi(r.lists, async (c) => c.json(await staffLists(c.get('ctx')), 200))
  .openapi(r.candidates, async (c) =>
    c.json(await listCandidates(c.get('ctx'), c.req.valid('param').kind), 200),
  )
  .openapi(r.save, async (c) =>
    c.json(await saveList(c.get('ctx'), c.req.valid('param').kind, c.req.valid('json')), 200),
  )
  .openapi(r.publish, async (c) => c.json(await publishList(c.get('ctx'), c.req.valid('param').kind), 200))
  .openapi(r.withdrawEntry, async (c) => {
    const { kind, entryId } = c.req.valid('param');
    return c.json(await withdrawListEntry(c.get('ctx'), kind, entryId, c.req.valid('json')), 200);
  })
  .openapi(r.adopted, async (c) => c.json(await adoptedActions(c.get('ctx')), 200))
  .openapi(r.adopt, async (c) => c.json(await adoptIdea(c.get('ctx'), c.req.valid('json')), 201))
  .openapi(r.progress, async (c) =>
    c.json(await reportProgress(c.get('ctx'), c.req.valid('param').id, c.req.valid('json')), 200),
  )
  .openapi(r.inbox, async (c) => c.json(await myInbox(c.get('ctx')), 200))
  .openapi(r.readAll, async (c) => c.json(await markAllRead(c.get('ctx'), c.req.valid('json')), 200))
  .openapi(r.read, async (c) => {
    await markRead(c.get('ctx'), c.req.valid('param').id);
    return c.body(null, 204);
  });
