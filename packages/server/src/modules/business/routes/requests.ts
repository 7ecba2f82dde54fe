import { createRoute } from '@hono/zod-openapi';
import { errors, IdParam, jsonBody, jsonOk, newRouter, z } from '../../../http/route-helpers.js';
import {
  fileResponse,
  multipartFileBody,
  readFileUpload,
  xlsxContent,
  xlsxResponse,
} from '../../../http/upload.js';
import { AttachmentView } from '../../../kernel/attachments.js';
import { answerRequest } from '../commands/answerRequest.js';
import { askExtension } from '../commands/extensions.js';
import { raiseRequest } from '../commands/raiseRequest.js';
import { routeRequest } from '../commands/routeRequest.js';
import {
  AnswerInput,
  ExtensionInput,
  RaiseRequestInput,
  RequestDetail,
  RequestExportQuery,
  RequestPage,
  RequestQuery,
  RouteRequestInput,
  RoutingAccuracy,
} from '../contracts-requests.js';
import { addRequestFile, getRequest, readRequestFile } from '../queries/request-detail.js';
import { listRequests, routingAccuracy } from '../queries/requests.js';
import { exportRequests, requestFileNames } from '../request-sheet.js';

const tags = ['business'];
const binary = z.string().openapi({ format: 'binary' });

/** A step on one request: its input in, the request as it now stands out. */
const post = <T extends z.ZodType>(path: string, operationId: string, body: T) =>
  createRoute({
    method: 'post',
    path,
    operationId,
    tags,
    request: { params: IdParam, ...jsonBody(body) },
    responses: { 200: jsonOk(RequestDetail), ...errors },
  });

const r = {
  list: createRoute({
    method: 'get',
    path: '/business/requests',
    operationId: 'request.list',
    tags,
    request: { query: RequestQuery },
    responses: { 200: jsonOk(RequestPage), ...errors },
  }),
  export: createRoute({
    method: 'get',
    path: '/business/requests/export',
    operationId: 'request.export',
    tags,
    request: { query: RequestExportQuery },
    responses: { 200: xlsxContent, ...errors },
  }),
  raise: createRoute({
    method: 'post',
    path: '/business/requests',
    operationId: 'request.raise',
    tags,
    request: jsonBody(RaiseRequestInput),
    responses: { 201: jsonOk(RequestDetail, 'Created'), ...errors },
  }),
  accuracy: createRoute({
    method: 'get',
    path: '/business/requests/routing-accuracy',
    operationId: 'request.routingAccuracy',
    tags,
    responses: { 200: jsonOk(RoutingAccuracy), ...errors },
  }),
  read: createRoute({
    method: 'get',
    path: '/business/requests/{id}',
    operationId: 'request.read',
    tags,
    request: { params: IdParam },
    responses: { 200: jsonOk(RequestDetail), ...errors },
  }),
  route: post('/business/requests/{id}/route', 'request.route', RouteRequestInput),
  answer: post('/business/requests/{id}/answer', 'request.answer', AnswerInput),
  extend: post('/business/requests/{id}/extensions', 'extension.ask', ExtensionInput),
  upload: createRoute({
    method: 'post',
    path: '/business/requests/{id}/files',
    operationId: 'requestFile.add',
    tags,
    request: { params: IdParam, body: multipartFileBody },
    responses: { 201: jsonOk(AttachmentView, 'Created'), 413: errors[400], 415: errors[400], ...errors },
  }),
  download: createRoute({
    method: 'get',
    path: '/business/request-files/{id}',
    operationId: 'requestFile.read',
    tags,
    request: { params: IdParam },
    responses: {
      200: { description: 'The file', content: { 'application/octet-stream': { schema: binary } } },
      ...errors,
    },
  }),
};

const ctxOf = (c: { get: (k: 'ctx') => Parameters<typeof getRequest>[0] }) => c.get('ctx');

/** 企业点题 → 部门答题: raising, routing, answering and extending requests, and their files. */
export const requestsRouter = newRouter()
  .openapi(r.list, async (c) => c.json(await listRequests(ctxOf(c), c.req.valid('query')), 200))
  .openapi(r.export, async (c) =>
    xlsxResponse(c, await exportRequests(ctxOf(c), c.req.valid('query')), requestFileNames),
  )
  .openapi(r.raise, async (c) => {
    const { id } = await raiseRequest.run(ctxOf(c), c.req.valid('json'));
    return c.json(await getRequest(ctxOf(c), id), 201);
  })
  .openapi(r.accuracy, async (c) => c.json(await routingAccuracy(ctxOf(c)), 200))

  .openapi(r.read, async (c) => c.json(await getRequest(ctxOf(c), c.req.valid('param').id), 200))
  .openapi(r.route, async (c) => {
    const { id } = c.req.valid('param');
    await routeRequest.run(ctxOf(c), { id, ...c.req.valid('json') });
    return c.json(await getRequest(ctxOf(c), id), 200);
  })
  .openapi(r.answer, async (c) => {
    const { id } = c.req.valid('param');
    await answerRequest.run(ctxOf(c), { id, ...c.req.valid('json') });
    return c.json(await getRequest(ctxOf(c), id), 200);
  })
  .openapi(r.extend, async (c) => {
    const { id } = c.req.valid('param');
    await askExtension.run(ctxOf(c), { id, ...c.req.valid('json') });
    return c.json(await getRequest(ctxOf(c), id), 200);
  })
  .openapi(r.upload, async (c) =>
    c.json(await addRequestFile(ctxOf(c), c.req.valid('param').id, () => readFileUpload(c)), 201),
  )
  .openapi(r.download, async (c) =>
    fileResponse(c, await readRequestFile(ctxOf(c), c.req.valid('param').id)),
  );
