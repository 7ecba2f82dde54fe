import { createRoute } from '@hono/zod-openapi';
import { errors, IdParam, jsonOk, NoContent, signedInRouter, z } from '../../../http/route-helpers.js';
import { fileResponse, multipartFileBody, readFileUpload } from '../../../http/upload.js';
import { Attachment, addAttachment, readAttachment, removeAttachment } from '../queries/attachments.js';

const tags = ['ideas (staff)'];

const r = {
  add: createRoute({
    method: 'post',
    path: '/ideas/suggestions/{id}/attachments',
    operationId: 'attachment.add',
    tags,
    request: { params: IdParam, body: multipartFileBody },
    responses: { 201: jsonOk(Attachment, 'Created'), 413: errors[400], 415: errors[400], ...errors },
  }),
  read: createRoute({
    method: 'get',
    path: '/ideas/attachments/{id}',
    operationId: 'attachment.read',
    tags,
    request: { params: IdParam },
    responses: {
      200: {
        description: 'The file',
        content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } },
      },
      ...errors,
    },
  }),
  remove: createRoute({
    method: 'delete',
    path: '/ideas/attachments/{id}',
    operationId: 'attachment.remove',
    tags,
    request: { params: IdParam },
    responses: { 204: NoContent, ...errors },
  }),
};

/** Scans attached to paper suggestions (书面议). */
export const ideasAttachmentRouter = signedInRouter(['/ideas/suggestions/*', '/ideas/attachments/*'])
  .openapi(r.add, async (c) =>
    c.json(await addAttachment(c.get('ctx'), c.req.valid('param').id, () => readFileUpload(c)), 201),
  )
  .openapi(r.read, async (c) => fileResponse(c, await readAttachment(c.get('ctx'), c.req.valid('param').id)))
  .openapi(r.remove, async (c) => {
    await removeAttachment(c.get('ctx'), c.req.valid('param').id);
    return c.body(null, 204);
  });
