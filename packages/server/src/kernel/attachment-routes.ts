import { createRoute, z } from '@hono/zod-openapi';
import type { ServiceContext } from '../context.js';
import { errors, IdParam, jsonOk, NoContent, signedInRouter } from '../http/route-helpers.js';
import { fileResponse, multipartFileBody, readFileUpload } from '../http/upload.js';
import type { Upload } from './attachments.js';

const binary = z.string().openapi({ format: 'binary' });

/** What a module gives for the files of one kind of owner: where they live and its own checks. */
export interface AttachmentRoutes<View extends z.ZodType> {
  tags: string[];
  /** Where a file is uploaded onto its owner, e.g. `/targets/reports/{id}/evidence`. */
  ownerPath: `${string}/{id}/${string}`;
  /** Where one file is read and removed, by its own id, e.g. `/targets/evidence/{id}`. */
  filePath: `${string}/{id}`;
  /**
   * The operation ids are `<operations>.add`, `.read` and `.remove`; the first and last are also
   * the audit actions of adding and removing.
   */
  operations: string;
  /** The file as the upload answers it. */
  view: View;
  add(ctx: ServiceContext, ownerId: string, upload: () => Promise<Upload>): Promise<z.infer<View>>;
  read(ctx: ServiceContext, id: string): Promise<{ fileName: string; mediaType: string; bytes: Uint8Array }>;
  remove(ctx: ServiceContext, id: string): Promise<void>;
  /** Paths the router asks a signed-in user for; by default exactly the two above. */
  signedInPaths?: readonly string[];
}

const honoPath = (openApiPath: string) => openApiPath.replaceAll('{id}', ':id');

/**
 * The three routes of an owner's files (upload onto the owner, read and remove by the file's
 * id), the same in every module that keeps files: a module names the paths and the operation
 * ids and brings its own authorising services (which go through the kernel's attachments).
 */
export function attachmentRouter<View extends z.ZodType>(spec: AttachmentRoutes<View>) {
  const { tags } = spec;
  const r = {
    add: createRoute({
      method: 'post',
      path: spec.ownerPath,
      operationId: `${spec.operations}.add`,
      tags,
      request: { params: IdParam, body: multipartFileBody },
      responses: { 201: jsonOk(spec.view, 'Created'), 413: errors[400], 415: errors[400], ...errors },
    }),
    read: createRoute({
      method: 'get',
      path: spec.filePath,
      operationId: `${spec.operations}.read`,
      tags,
      request: { params: IdParam },
      responses: {
        200: { description: 'The file', content: { 'application/octet-stream': { schema: binary } } },
        ...errors,
      },
    }),
    remove: createRoute({
      method: 'delete',
      path: spec.filePath,
      operationId: `${spec.operations}.remove`,
      tags,
      request: { params: IdParam },
      responses: { 204: NoContent, ...errors },
    }),
  };
  return signedInRouter(spec.signedInPaths ?? [honoPath(spec.filePath), honoPath(spec.ownerPath)])
    .openapi(r.add, async (c) =>
      c.json(await spec.add(c.get('ctx'), c.req.valid('param').id, () => readFileUpload(c)), 201),
    )
    .openapi(r.read, async (c) => fileResponse(c, await spec.read(c.get('ctx'), c.req.valid('param').id)))
    .openapi(r.remove, async (c) => {
      await spec.remove(c.get('ctx'), c.req.valid('param').id);
      return c.body(null, 204);
    });
}
