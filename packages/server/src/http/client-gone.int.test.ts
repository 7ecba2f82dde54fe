import { type AddressInfo, connect, type Socket } from 'node:net';
import { serve } from '@hono/node-server';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.js';
import { type AppMetrics, createAppMetrics } from '../metrics/app-metrics.js';
import { modules } from '../modules/registry.js';
import { inboxSms, TestClient } from '../test-support/app.js';
import { createTestDatabase } from '../test-support/db.js';
import { makeDistrict, signedIn } from '../test-support/factories.js';
import { makeCampaign, suggestionInput } from '../test-support/factories-ideas.js';
import { capturedLog } from '../test-support/quiet.js';
import { racingStatement } from '../test-support/racing.js';
import { createApp } from './app.js';

/**
 * A public submission whose client gives up (closes its socket) while the server writes it,
 * through Node's own server: the suggestion and its audit event commit, and the request log and
 * the request metrics say what was stored (201), not a failure. The socket is closed from inside
 * the grouped insert's statement, so the close lands while the write is under way.
 */
let database: Database;
let server: ReturnType<typeof serve>;
let metrics: AppMetrics;
const { log: capturing, lines } = capturedLog('info');
/** The server's side of the latest connection. */
let serverSide: Socket | undefined;
/** The client's socket of the submission under way. */
let clientSide: Socket | undefined;
let townId = '';
/** Whether the client left while the write was under way. */
let left = false;

beforeAll(async () => {
  database = await createTestDatabase();
  metrics = createAppMetrics(database);
  // The client leaves just before the suggestion's grouped insert runs.
  const db = racingStatement(database.db, 'insert into "idea_suggestions"', async () => {
    const closed = new Promise((resolve) => serverSide!.once('close', resolve));
    clientSide!.destroy();
    await closed;
    left = true;
  });
  const app = createApp({
    modules,
    database: { ...database, db },
    log: capturing,
    sms: inboxSms(),
    version: 'test',
    sessionDays: 1,
    secureCookies: false,
    trustProxy: () => true,
    metrics,
  });
  const world = { database, sms: inboxSms(), client: (ip?: string) => new TestClient(app, ip) };
  const { district, town } = await makeDistrict(world);
  await makeCampaign(await signedIn(world, 'admin', district));
  townId = town.id;
  server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  server.on('connection', (socket: Socket) => {
    serverSide = socket;
  });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await database.close();
});

const route = '/api/v1/public/suggestions';

/** The request log's line for the submission, once the server has finished with it. */
async function loggedSubmission(): Promise<Record<string, unknown>> {
  for (let waited = 0; waited < 20_000; waited += 50) {
    const line = lines.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.route === route);
    if (line) return line;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the submission was never logged');
}

describe('a write whose client gave up while it was being stored', () => {
  it('commits, and is logged and counted as stored', async () => {
    const input = suggestionInput({ id: townId });
    const body = JSON.stringify(input);
    const port = (server.address() as AddressInfo).port;
    let answered = false;
    clientSide = connect(port, '127.0.0.1', () =>
      clientSide!.write(
        `POST ${route} HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\n` +
          `content-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
      ),
    );
    clientSide.on('data', () => {
      answered = true;
    });
    clientSide.on('error', () => {});

    expect(await loggedSubmission()).toMatchObject({ method: 'POST', status: 201 });
    expect(left).toBe(true);
    expect(answered).toBe(false);
    const counted = (await metrics.render()).body
      .split('\n')
      .filter((l) => l.startsWith('qianxing_http_requests_total') && l.includes(`route="${route}"`));
    expect(counted).toEqual([`qianxing_http_requests_total{method="POST",route="${route}",status="201"} 1`]);
    const stored = await database.db.execute(sql`
      select s.id, (select count(*)::int from audit_events a where a.entity_id = s.id::text) as events
      from idea_suggestions s where s.title = ${input.title}`);
    expect((stored as unknown as { rows: Array<{ events: number }> }).rows).toEqual([
      expect.objectContaining({ events: 1 }),
    ]);
  });
});
