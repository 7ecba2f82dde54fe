import { Agent, request } from 'node:http';
import { connect } from 'node:net';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';
import type { Database } from './db/client.js';
import { createApp } from './http/app.js';
import { modules } from './modules/registry.js';
import { type RunningServer, serveDatabase } from './server.js';
import { inboxSms, silentLog, TestClient } from './test-support/app.js';
import { createTestDatabase } from './test-support/db.js';
import { makeDistrict, signedIn } from './test-support/factories.js';
import { makeCampaign, suggestionInput } from './test-support/factories-ideas.js';
import { racingStatement } from './test-support/racing.js';
import { tempFolders } from './test-support/temp-folders.js';

/**
 * A public submission in flight when the server is told to stop: the stop waits for it, and the
 * database is closed only once it has been stored, or, when it outlasts the grace and the group
 * commits' wait, it is answered 503 on the closed database. The stop is called from inside the
 * request, just before its grouped insert, so it lands while the write is under way.
 */
const route = '/api/v1/public/suggestions';
const dataDirs = tempFolders('qx-stop-');
const opened: Database[] = [];
afterEach(async () => {
  for (const database of opened.splice(0)) await database.close();
});

interface Served {
  database: Database;
  server: RunningServer;
  body: string;
  title: string;
  /** What happened, in order: the write going ahead, the database being closed. */
  events: string[];
  /** The messages the server logged at warn and above. */
  logged: string[];
  stopped: () => Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const graceOver = 'requests still in flight at the end of the grace period';

/** Waits until `seen`, 5 s at most (then goes on, for the test to fail on what happened). */
async function until(seen: () => boolean) {
  for (let waited = 0; waited < 5000 && !seen(); waited += 20) await sleep(20);
}

/**
 * A district with a campaign, served over a database whose insert of a suggestion runs `meanwhile`
 * first. The stop's close of the database is only recorded, unless `closeForReal`.
 */
async function serveWithStopInside(
  meanwhile: (stop: () => void, events: string[], logged: string[]) => Promise<void>,
  options: { graceSeconds?: string; closeForReal?: boolean } = {},
): Promise<Served> {
  const database = await createTestDatabase();
  opened.push(database);
  const setup = createApp({
    modules,
    database,
    log: silentLog,
    sms: inboxSms(),
    version: 'test',
    sessionDays: 1,
    secureCookies: false,
  });
  const world = { database, sms: inboxSms(), client: (ip?: string) => new TestClient(setup, ip) };
  const { district, town } = await makeDistrict(world);
  await makeCampaign(await signedIn(world, 'admin', district));
  const input = suggestionInput(town);
  const events: string[] = [];
  const logged: string[] = [];
  const log = pino({ level: 'warn' }, { write: (line: string) => void logged.push(JSON.parse(line).msg) });
  let stopping: Promise<void> | undefined;
  let server: RunningServer | undefined;
  const db = racingStatement(database.db, 'insert into "idea_suggestions"', () =>
    meanwhile(
      () => {
        stopping = server!.stop();
      },
      events,
      logged,
    ),
  );
  // The real close is the test's, after it has looked at what was stored.
  const close = async () => {
    if (options.closeForReal) {
      opened.splice(opened.indexOf(database), 1);
      await database.close();
    }
    events.push('database closed');
  };
  const config = loadConfig({
    QIANXING_DATA_DIR: dataDirs(),
    PORT: '0',
    HOST: '127.0.0.1',
    QIANXING_SEAL_INTERVAL_MS: '200',
    QIANXING_SHUTDOWN_GRACE_S: options.graceSeconds,
  });
  server = await serveDatabase(config, { ...database, db, close }, { log });
  return {
    database,
    server,
    body: JSON.stringify(input),
    title: input.title,
    events,
    logged,
    stopped: () => stopping!,
  };
}

async function storedTitles(database: Database, title: string): Promise<number> {
  const rows = await database.db.execute(
    sql`select count(*)::int as n from idea_suggestions where title = ${title}`,
  );
  return (rows as unknown as { rows: Array<{ n: number }> }).rows[0]!.n;
}

/** Posts the suggestion on a connection of its own; answers the status, content type and body. */
function post(served: Served): Promise<{ status: number; type: string | undefined; body: unknown }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: served.server.port,
        path: route,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode!,
            type: res.headers['content-type'],
            body: JSON.parse(Buffer.concat(chunks).toString('utf8')),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(served.body);
  });
}

describe('stopping the server with a request in flight', () => {
  it('answers it, tells its client to close the connection, and closes the database after it', async () => {
    const served = await serveWithStopInside(async (stop, events) => {
      stop();
      events.push('write goes ahead');
    });
    const agent = new Agent({ keepAlive: true });
    const answer = await new Promise<{ status: number; connection: string | undefined }>(
      (resolve, reject) => {
        const req = request(
          {
            host: '127.0.0.1',
            port: served.server.port,
            path: route,
            method: 'POST',
            agent,
            headers: { 'content-type': 'application/json' },
          },
          (res) => {
            res.resume();
            res.on('end', () => resolve({ status: res.statusCode!, connection: res.headers.connection }));
          },
        );
        req.on('error', reject);
        req.end(served.body);
      },
    );
    await served.stopped();
    agent.destroy();

    expect(answer).toEqual({ status: 201, connection: 'close' });
    expect(await storedTitles(served.database, served.title)).toBe(1);
    expect(served.events).toEqual(['write goes ahead', 'database closed']);
  });

  it('stores the write of a client that left, before the database is closed', async () => {
    let client: ReturnType<typeof connect> | undefined;
    const served = await serveWithStopInside(async (stop, events) => {
      stop();
      const gone = new Promise((resolve) => client!.once('close', resolve));
      client!.destroy();
      await gone;
      // Enough for a stop that went by the connections alone to have closed the database.
      for (let waited = 0; waited < 2000 && events.length === 0; waited += 20) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      events.push('write goes ahead');
    });
    client = connect(served.server.port, '127.0.0.1', () =>
      client!.write(
        `POST ${route} HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\n` +
          `content-length: ${Buffer.byteLength(served.body)}\r\n\r\n${served.body}`,
      ),
    );
    client.on('error', () => {});
    for (let waited = 0; waited < 20_000 && !served.stopped(); waited += 20) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await served.stopped();

    expect(served.events).toEqual(['write goes ahead', 'database closed']);
    expect(await storedTitles(served.database, served.title)).toBe(1);
  });

  it("answers a write past the grace but within the group commits' wait once it has committed", async () => {
    const served = await serveWithStopInside(
      async (stop, events, logged) => {
        stop();
        await until(() => logged.includes(graceOver));
        events.push('write goes ahead');
      },
      // The write then has the grace again to commit in.
      { graceSeconds: '2' },
    );
    const answer = await post(served);
    await served.stopped();

    expect(answer.status).toBe(201);
    expect(served.logged).toContain(graceOver);
    expect(served.events).toEqual(['write goes ahead', 'database closed']);
    expect(await storedTitles(served.database, served.title)).toBe(1);
  });

  it('answers a request still running when the database is closed 503 UNAVAILABLE, as a problem', async () => {
    const served = await serveWithStopInside(
      async (stop, events) => {
        stop();
        // Past the grace and the group commits' wait, the stop closes the database under this write.
        await until(() => events.includes('database closed'));
        events.push('write goes ahead');
      },
      { graceSeconds: '0.2', closeForReal: true },
    );
    const answer = await post(served);
    await served.stopped();

    expect(answer).toMatchObject({
      status: 503,
      type: 'application/problem+json; charset=utf-8',
      body: { code: 'UNAVAILABLE', status: 503 },
    });
    expect(served.events).toEqual(['database closed', 'write goes ahead']);
    expect(served.logged).not.toContain('unhandled error');
  });
});
