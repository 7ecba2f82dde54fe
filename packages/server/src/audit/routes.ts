import { createRoute } from '@hono/zod-openapi';
import { isoDate } from '../http/input.js';
import { errors, jsonOk, newRouter, PageQuery, requireUser, z } from '../http/route-helpers.js';
import { AuditCheckpointFile } from './checkpoint-file.js';
import { auditChainStatus, listAuditEvents, publicCheckpoints } from './service.js';

const tags = ['audit'];

const AuditEvent = z
  .object({
    id: z.number().int(),
    seq: z.number().int().nullable(),
    at: z.string(),
    actor: z.string(),
    /** No account acted: the platform itself (seed, reminders, cli) or someone not signed in (anonymous). */
    actorIsSystem: z.boolean(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string(),
    /** The entity's title (a suggestion's, a unit's name, an account's masked name), if known. */
    entityTitle: z.string().nullable(),
    /** The web app's path of the entity's page, where it has one. */
    entityLink: z.string().nullable(),
    /** Where its type has kinds the page words apart (a list's: golden_idea…), the entity's kind. */
    entityKind: z.string().nullable(),
    /** The entity is a record the log titles that is not found (deleted since): the page shows its short id. */
    entityGone: z.boolean(),
    before: z.unknown(),
    after: z.unknown(),
    requestId: z.string().nullable(),
    hash: z.string().nullable(),
  })
  .openapi('AuditEvent');

const list = createRoute({
  method: 'get',
  path: '/audit/events',
  operationId: 'audit.list',
  tags,
  request: {
    query: PageQuery.extend({
      action: z.string().max(64).optional(),
      entityType: z.string().max(64).optional(),
      entityId: z.string().max(64).optional(),
      actor: z.string().max(64).optional(),
      from: isoDate().optional(),
      to: isoDate().optional(),
    }),
  },
  responses: {
    200: jsonOk(z.object({ hasMore: z.boolean(), items: z.array(AuditEvent) }).openapi('AuditPage')),
    ...errors,
  },
});

const chain = createRoute({
  method: 'get',
  path: '/audit/chain',
  operationId: 'audit.verify',
  tags,
  responses: {
    200: jsonOk(
      z
        .object({
          ok: z.boolean(),
          sealed: z.number().int(),
          unsealed: z.number().int(),
          lastSeq: z.number().int(),
          lastHash: z.string(),
          broken: z.object({ id: z.number(), seq: z.number().nullable(), reason: z.string() }).optional(),
          late: z.array(
            z.object({
              id: z.number().int(),
              seq: z.number().int().nullable(),
              at: z.string(),
              reason: z.string(),
              accepted: z.boolean(),
            }),
          ),
          heads: z.array(
            z.object({
              label: z.string(),
              seq: z.number().int().nullable(),
              hash: z.string(),
              found: z.boolean(),
              differs: z.boolean(),
            }),
          ),
          problems: z.array(z.string()),
        })
        .openapi('AuditChainStatus'),
    ),
    ...errors,
  },
});

const checkpoints = createRoute({
  method: 'get',
  path: '/public/audit/checkpoints',
  operationId: 'auditPublic.checkpoints',
  tags,
  description:
    'Every daily signed checkpoint of the audit chain (seq, head hash, time, Ed25519 signature) and the public keys that signed them; keep a copy and check it with `qianxing verify-audit --checkpoints FILE`.',
  responses: { 200: jsonOk(AuditCheckpointFile), ...errors },
});

export const auditRouter = newRouter()
  .openapi(list, async (c) => {
    requireUser(c.get('principal'));
    return c.json(await listAuditEvents(c.get('ctx'), c.req.valid('query')), 200);
  })
  .openapi(chain, async (c) => {
    requireUser(c.get('principal'));
    return c.json(await auditChainStatus(c.get('ctx')), 200);
  })
  .openapi(checkpoints, async (c) => c.json(await publicCheckpoints(c.get('ctx')), 200));
