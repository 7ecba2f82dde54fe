import { createRoute } from '@hono/zod-openapi';
import type { Database } from '../db/client.js';
import type { ReadReplica } from '../db/replica.js';
import { jsonOk, newRouter, z } from './route-helpers.js';

const Health = z
  .object({
    status: z.enum(['ok', 'degraded']),
    database: z.object({
      kind: z.enum(['pglite', 'postgres']),
      migration: z.string().nullable(),
      ok: z.boolean(),
    }),
    replica: z
      .object({
        ok: z.boolean(),
        lagSeconds: z.number().nullable(),
        maxLagSeconds: z.number(),
        inUse: z.boolean(),
      })
      .optional()
      .openapi({ description: 'The read replica (DATABASE_READ_URL), when one is configured' }),
    version: z.string(),
    uptimeSeconds: z.number(),
  })
  .openapi('Health');

const health = createRoute({
  method: 'get',
  path: '/health',
  operationId: 'health',
  tags: ['health'],
  responses: { 200: jsonOk(Health), 503: jsonOk(Health, 'The database does not answer') },
});

/** A replica that lags or is down does not make the instance unhealthy: reads go to the primary. */
export function healthRouter(database: Database, version: string, replica?: ReadReplica) {
  return newRouter().openapi(health, async (c) => {
    const migration = await database.appliedMigration();
    const ok = migration !== null;
    const body = {
      status: ok ? ('ok' as const) : ('degraded' as const),
      database: { kind: database.kind, migration, ok },
      ...(replica ? { replica: replica.status() } : {}),
      version,
      uptimeSeconds: Math.round(process.uptime()),
    };
    return ok ? c.json(body, 200) : c.json(body, 503);
  });
}
