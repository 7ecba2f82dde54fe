import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { limits } from '@qianxing/core/limits';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../test-support/app.js';
import { type MadeUser, makeUnit, makeUser, signIn } from '../test-support/factories.js';
import { makeCampaign, suggestionInput } from '../test-support/factories-ideas.js';

// Through Node's own HTTP server, as in production: the limit reads the declared length without
// touching the body, and counts a chunked body as it streams in.
let t: TestContext;
let server: ReturnType<typeof serve>;
let port = 0;
let office: MadeUser;
let citizen: MadeUser;
let written: string;

beforeAll(async () => {
  t = await createTestContext({ seed: [] });
  const district = await makeUnit(t);
  const street = await makeUnit(t, { parent: district, kind: 'subdistrict' });
  office = await makeUser(t, { roles: [['admin', district]] });
  citizen = await makeUser(t, { roles: [['citizen', district]] });
  // The public look-up of similar suggestions answers for the current campaign.
  const staff = await signIn(t, office);
  await makeCampaign(staff);
  // A paper suggestion, to attach a scan to.
  const made = await staff.post<{ id: string }>('/api/v1/ideas/suggestions', {
    ...suggestionInput(street),
    channel: 'written',
    realName: '赵六',
  });
  written = made.body.id;
  server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await t.close();
});

function post(
  headers: Record<string, string>,
  write: (req: ReturnType<typeof httpRequest>) => void,
  path = '/api/v1/auth/login',
) {
  return new Promise<{ status: number; type: string; body: string; cookie: string }>((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path,
        headers: { 'x-forwarded-for': '10.9.0.1', ...headers },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => {
          body += chunk;
        });
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            type: res.headers['content-type'] ?? '',
            body,
            cookie: res.headers['set-cookie']?.[0]?.split(';')[0] ?? '',
          }),
        );
      },
    );
    // The server may answer and close before a refused body is fully sent.
    req.on('error', (error) =>
      (error as NodeJS.ErrnoException).code === 'EPIPE' ? undefined : reject(error),
    );
    write(req);
  });
}

describe('request body limit', () => {
  it('reads a body of declared length within the limit straight through to the route', async () => {
    const body = JSON.stringify({ login: 'nobody', password: 'wrong-password' });
    const res = await post(
      { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) },
      (req) => req.end(body),
    );
    expect(res.status).toBe(401);
    expect(res.type).toContain('application/problem+json');
  });

  it('refuses a declared length over the limit before reading the body', async () => {
    const res = await post(
      { 'content-type': 'application/json', 'content-length': String(limits.uploadBytes + 1) },
      (req) => req.write('{"login":'),
    );
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body)).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
  });

  it('counts a chunked body and refuses it once it passes the limit', async () => {
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    const res = await post({ 'content-type': 'application/json', 'transfer-encoding': 'chunked' }, (req) => {
      for (let sent = 0; sent <= limits.uploadBytes; sent += chunk.length) req.write(chunk);
      req.end();
    });
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body)).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
  });

  it('reads a chunked body within the limit', async () => {
    const res = await post({ 'content-type': 'application/json', 'transfer-encoding': 'chunked' }, (req) => {
      req.write('{"login":"nobody",');
      req.end('"password":"wrong-password"}');
    });
    expect(res.status).toBe(401);
  });

  const json = { 'content-type': 'application/json' };
  const similar = '/api/v1/public/suggestions/similar';

  /** Signs `user` in over HTTP; answers the headers of its later requests. */
  async function session(user: MadeUser) {
    const login = JSON.stringify({ login: user.login, password: user.password });
    const res = await post(json, (req) => req.end(login));
    expect(res.status).toBe(200);
    return {
      ...json,
      cookie: res.cookie,
      'x-csrf-token': (JSON.parse(res.body) as { csrfToken: string }).csrfToken,
    };
  }

  it('refuses an anonymous JSON body declared over the public limit before reading it', async () => {
    const res = await post(
      { ...json, 'content-length': String(limits.publicJsonBytes + 1) },
      (req) => req.write('{"text":"'),
      similar,
    );
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body)).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
  });

  it('refuses a chunked anonymous JSON body once it passes the public limit', async () => {
    const res = await post(
      { ...json, 'transfer-encoding': 'chunked' },
      (req) => {
        req.write('{"text":"');
        req.end(`${'a'.repeat(limits.publicJsonBytes)}"}`);
      },
      similar,
    );
    expect(res.status).toBe(413);
  });

  it('reads an anonymous JSON body within the public limit', async () => {
    const body = JSON.stringify({ text: `高铁站接驳公交 ${'线路'.repeat(1000)}` });
    const res = await post(
      { ...json, 'content-length': String(Buffer.byteLength(body)) },
      (req) => req.end(body),
      similar,
    );
    expect(res.status).toBe(200);
  });

  it('lets a signed-in account send a body past the public limit to a staff route', async () => {
    const headers = await session(office);
    const big = JSON.stringify({ padding: 'x'.repeat(limits.publicJsonBytes * 2) });
    const res = await post(
      { ...headers, 'content-length': String(Buffer.byteLength(big)) },
      (req) => req.end(big),
      '/api/v1/ideas/campaigns',
    );
    // Read and judged by the route (an invalid campaign), not refused for its size.
    expect(res.status).toBe(400);
    const onPublic = await post(
      { ...headers, 'content-length': String(Buffer.byteLength(big)) },
      (req) => req.end(big),
      similar,
    );
    expect(onPublic.status).toBe(413);
  });

  it('refuses a signed-in account a JSON body past the JSON limit on a route that takes no file', async () => {
    const headers = await session(citizen);
    const declared = await post(
      { ...headers, 'content-length': String(limits.jsonBytes + 1) },
      (req) => req.write('{"padding":"'),
      '/api/v1/ideas/campaigns',
    );
    expect(declared.status).toBe(413);
    expect(declared.type).toContain('application/problem+json');
    expect(JSON.parse(declared.body)).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    const chunked = await post(
      { ...headers, 'transfer-encoding': 'chunked' },
      (req) => {
        req.write('{"padding":"');
        req.end(`${'x'.repeat(limits.jsonBytes)}"}`);
      },
      '/api/v1/ideas/campaigns',
    );
    expect(chunked.status).toBe(413);
    expect(JSON.parse(chunked.body)).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
  });

  it('takes a file past the JSON limit on a route that takes one', async () => {
    const headers = await session(office);
    const png = Buffer.alloc(limits.jsonBytes * 2, 0);
    png.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const boundary = 'qx-body-limit';
    const form = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="scan.png"\r\n` +
          'content-type: image/png\r\n\r\n',
      ),
      png,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const res = await post(
      {
        cookie: headers.cookie,
        'x-csrf-token': headers['x-csrf-token'],
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'content-length': String(form.length),
      },
      (req) => req.end(form),
      `/api/v1/ideas/suggestions/${written}/attachments`,
    );
    expect(res.status).toBe(201);
    expect(JSON.parse(res.body)).toMatchObject({ size: png.length });
  });
});
