import { type AddressInfo, connect } from 'node:net';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../test-support/app.js';
import { type MadeUser, makeUnit, makeUser, signIn } from '../test-support/factories.js';

/**
 * A body that stops arriving, through Node's own HTTP server and a bare socket as a stalled
 * client would hold it: the import is answered 408 once nothing has come for the idle time, and
 * the connection closed. An upload that keeps sending, slower than that in all, still goes through.
 */
const idleMs = 600;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let t: TestContext;
let server: ReturnType<typeof serve>;
let port = 0;
let office: MadeUser;
/** The units' own export, which their import takes back. */
let workbook: Buffer;
let auth: string;

beforeAll(async () => {
  t = await createTestContext({ seed: [], bodyIdleMs: idleMs });
  office = await makeUser(t, { roles: [['admin', await makeUnit(t)]] });
  const client = await signIn(t, office);
  const exported = await client.get<Uint8Array>('/api/v1/units/export');
  expect(exported.status).toBe(200);
  workbook = Buffer.from(exported.body);
  server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  port = (server.address() as AddressInfo).port;
  const login = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': '10.9.0.2' },
    body: JSON.stringify({ login: office.login, password: office.password }),
  });
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  auth = `cookie: ${cookie}\r\nx-csrf-token: ${csrfToken}\r\nx-forwarded-for: 10.9.0.2\r\n`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await t.close();
});

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** Whether the server closed the connection. */
  closed: boolean;
}

/**
 * Sends the import's request head and then `parts` (already framed), `gapMs` apart, over a socket
 * of its own; answers what came back once the server closes or `patienceMs` has passed.
 */
function send(head: string, parts: Buffer[], gapMs: number, patienceMs: number): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const received: Buffer[] = [];
    let closed = false;
    const done = () => {
      clearTimeout(patience);
      socket.destroy();
      const text = Buffer.concat(received).toString('utf8');
      const [top = '', ...rest] = text.split('\r\n\r\n');
      const [statusLine = '', ...lines] = top.split('\r\n');
      const headers = Object.fromEntries(
        lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]),
      );
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body: rest.join('\r\n\r\n'), closed });
    };
    const patience = setTimeout(done, patienceMs);
    socket.on('data', (d) => received.push(d));
    socket.on('end', () => {
      closed = true;
      done();
    });
    socket.on('error', reject);
    socket.on('connect', async () => {
      socket.write(`POST /api/v1/units/import HTTP/1.1\r\nhost: 127.0.0.1\r\n${auth}${head}\r\n`);
      for (const part of parts) {
        if (socket.destroyed) return;
        socket.write(part);
        await new Promise((r) => setTimeout(r, gapMs));
      }
    });
  });
}

/** `bytes` cut into `n` pieces. */
const pieces = (bytes: Buffer, n: number) =>
  Array.from({ length: n }, (_, i) =>
    bytes.subarray(Math.floor((i * bytes.length) / n), Math.floor(((i + 1) * bytes.length) / n)),
  );
const chunk = (bytes: Buffer) =>
  Buffer.concat([Buffer.from(`${bytes.length.toString(16)}\r\n`), bytes, Buffer.from('\r\n')]);
const chunked = `content-type: ${XLSX}\r\ntransfer-encoding: chunked\r\n`;
const declared = (length: number) => `content-type: ${XLSX}\r\ncontent-length: ${length}\r\n`;

describe('an upload whose body stops arriving', () => {
  it('is answered 408 in Chinese once a chunked body stalls, and its connection closed', async () => {
    const started = performance.now();
    const answer = await send(chunked, [chunk(workbook.subarray(0, 1000))], 0, 20 * idleMs);
    expect(performance.now() - started).toBeGreaterThanOrEqual(idleMs - 50);
    expect(answer.status).toBe(408);
    expect(answer.headers['content-type']).toContain('application/problem+json');
    expect(answer.headers.connection).toBe('close');
    expect(JSON.parse(answer.body)).toMatchObject({
      code: 'REQUEST_TIMEOUT',
      title: '长时间未收到上传的内容，请检查网络后重新上传',
      errors: [{ path: '(body)', code: 'body_stalled', params: { seconds: idleMs / 1000 } }],
    });
    expect(answer.closed).toBe(true);
  });

  it('is answered in English to a client asking for it, when a body of declared length stalls', async () => {
    const answer = await send(
      `${declared(workbook.length)}accept-language: en\r\n`,
      [workbook.subarray(0, 1000)],
      0,
      20 * idleMs,
    );
    expect(answer.status).toBe(408);
    expect(JSON.parse(answer.body)).toMatchObject({
      code: 'REQUEST_TIMEOUT',
      title: 'Nothing of the upload arrived for too long; check the connection and send it again',
    });
    expect(answer.closed).toBe(true);
  });
});

describe('an upload that keeps arriving, slowly', () => {
  // Parts each within the idle time of the last: the whole takes several times as long.
  const slowly = async (head: string, parts: Buffer[]) => {
    const started = performance.now();
    const answer = await send(`${head}connection: close\r\n`, parts, idleMs / 2, 40 * idleMs);
    expect(performance.now() - started).toBeGreaterThan(2 * idleMs);
    return answer;
  };

  it('is read whole and imported when chunked', async () => {
    const parts = pieces(workbook, 5).map(chunk).concat(Buffer.from('0\r\n\r\n'));
    expect((await slowly(chunked, parts)).status).toBe(200);
  });

  it('is read whole and imported when of declared length', async () => {
    expect((await slowly(declared(workbook.length), pieces(workbook, 6))).status).toBe(200);
  });
});
