import { createRoute } from '@hono/zod-openapi';
import { errors, IdParam, jsonBody, jsonOk, signedInRouter } from '../../../http/route-helpers.js';
import { acceptRectification } from '../commands/acceptRectification.js';
import { returnRectification } from '../commands/returnRectification.js';
import { Finding, ReturnInput } from '../contracts-visits.js';
import { verifiedFinding } from '../queries/verified-finding.js';

const tags = ['inspections'];
const r = {
  accept: createRoute({
    method: 'post',
    path: '/inspections/findings/{id}/rectification/accept',
    operationId: 'inspectionRectification.accept',
    tags,
    request: { params: IdParam },
    responses: { 200: jsonOk(Finding), ...errors },
  }),
  return: createRoute({
    method: 'post',
    path: '/inspections/findings/{id}/rectification/return',
    operationId: 'inspectionRectification.return',
    tags,
    request: { params: IdParam, ...jsonBody(ReturnInput) },
    responses: { 200: jsonOk(Finding), ...errors },
  }),
};

/** The item's department verifies a rectification the firm reported done (整改验收). */
export const verificationRouter = signedInRouter(['/inspections/findings/*'])
  .openapi(r.accept, async (c) => {
    const ctx = c.get('ctx');
    return c.json(await verifiedFinding(ctx, await acceptRectification(ctx, c.req.valid('param').id)), 200);
  })
  .openapi(r.return, async (c) => {
    const ctx = c.get('ctx');
    const id = await returnRectification(ctx, { findingId: c.req.valid('param').id, ...c.req.valid('json') });
    return c.json(await verifiedFinding(ctx, id), 200);
  });
