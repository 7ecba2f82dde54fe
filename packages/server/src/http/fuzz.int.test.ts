import { limits } from '@qianxing/core/limits';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../test-support/app.js';
import {
  canPoison,
  edgeText,
  fillPath,
  fingerprint,
  idPools,
  leavesFor,
  nextTransaction,
  type Operation,
  operations,
  poisoned,
  poisons,
  requestOf,
  snapshots,
  urlPoisons,
  writeOperations,
} from '../test-support/fuzz.js';
import type { Leaves } from '../test-support/openapi-arbitrary.js';

/**
 * Random and hostile requests to every write route of the OpenAPI document, sent by an admin
 * (who may call them all): never a 5xx, and a refused request leaves every table as it was.
 */
const hostileString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.constantFrom(
    "'; drop table users; --",
    '<script>alert(1)</script>',
    '\u0000',
    '\ud800',
    '../../etc/passwd',
    '%00',
    '𠮷'.repeat(100),
    'x'.repeat(100_000),
    '{{7*7}}',
    '__proto__',
  ),
);
const hostileValue = fc.oneof(hostileString, fc.integer(), fc.double(), fc.boolean(), fc.constant(null));
const payload = fc.oneof(
  fc.anything(),
  fc.dictionary(hostileString, hostileValue),
  fc.record({
    login: hostileValue,
    displayName: hostileValue,
    roles: fc.array(fc.record({ role: hostileValue, unitId: hostileValue })),
  }),
  fc.record({ code: hostileValue, name: hostileValue, kind: hostileValue, parentId: hostileValue }),
  hostileString.map((s) => ({ raw: s })),
);
const pathParam = fc.oneof(
  fc.uuid(),
  hostileString.filter((s) => s.length > 0 && s.length < 200),
);

let t: TestContext;
let admin: TestClient;
let leaves: Leaves;
let tables: ReturnType<typeof snapshots>;
beforeAll(async () => {
  t = await createTestContext();
  admin = await t.as('office');
  const me = await admin.get<{ user: { id: string } }>('/api/v1/auth/session');
  leaves = leavesFor(await idPools(t, me.body.user.id), edgeText);
  tables = snapshots(t);
});
afterAll(() => t.close());

const label = (o: Operation) => `${o.method} ${o.template}`;
// Each request from an address of its own, so the per-address rate limits do not answer for the routes.
const from = (ip: string) => ({ 'x-forwarded-for': ip });

async function send(method: string, path: string, body: unknown, ip: string) {
  try {
    return await admin.request<{ code?: string; errors?: unknown[] }>(method, path, body, from(ip));
  } catch (error) {
    // JSON.stringify refuses some values (BigInt): that is the client's problem, not a request.
    if (error instanceof TypeError) return null;
    throw error;
  }
}

describe('hostile payloads', () => {
  it.each(writeOperations.map((o) => [label(o), o] as const))(
    '%s answers 4xx and writes nothing',
    async (_, op) => {
      const before = await tables();
      await fc.assert(
        fc.asyncProperty(payload, pathParam, fc.boolean(), fc.ipV4(), async (body, param, asText, ip) => {
          const path = op.template.replace(/\{[a-z]+\}/, encodeURIComponent(param));
          const raw = asText && typeof body === 'object' ? `${JSON.stringify(body) ?? ''}}` : body;
          const res = await send(op.method, path, raw === undefined ? null : raw, ip);
          if (!res) return;
          expect(
            res.status,
            `${op.method} ${path} → ${res.status} ${JSON.stringify(res.body)}`,
          ).toBeGreaterThanOrEqual(400);
          expect(res.status).toBeLessThan(500);
        }),
        { numRuns: 25, seed: 20261126 },
      );
      expect(await tables()).toEqual(before);
    },
  );
});

describe('text the database cannot store, inside requests of the right shape', () => {
  it.each(writeOperations.filter(canPoison).map((o) => [label(o), o] as const))(
    '%s refuses it as VALIDATION and writes nothing',
    async (_, op) => {
      const before = await tables();
      await fc.assert(
        fc.asyncProperty(
          requestOf(op, leaves),
          fc.nat(),
          fc.constantFrom(...poisons),
          fc.constantFrom(...urlPoisons),
          fc.ipV4(),
          async ({ path, body }, pick, poison, urlPoison, ip) => {
            // A string of the body is spoiled, or else a path parameter.
            const spoiled = op.json ? poisoned(body, pick, poison) : null;
            const param = Object.keys(path)[0];
            fc.pre(spoiled !== null || param !== undefined);
            const url = fillPath(op.template, path, spoiled ? undefined : { name: param!, text: urlPoison });
            const sent = spoiled ? spoiled.value : body;
            const res = await send(op.method, url, sent, ip);
            if (!res) return;
            const said = `${op.method} ${url} → ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`;
            // The public and sign-in routes refuse a body over their size limit before reading it.
            if (res.status === 413 && /^\/api\/v1\/(public|auth)\//.test(url)) {
              expect(Buffer.byteLength(JSON.stringify(sent)), said).toBeGreaterThan(limits.publicJsonBytes);
              return;
            }
            expect(res.status, said).toBe(400);
            expect(res.body.code, said).toBe('VALIDATION');
            expect(res.body.errors?.length, said).toBeGreaterThan(0);
          },
        ),
        { numRuns: 15, seed: 20261127 },
      );
      expect(await tables()).toEqual(before);
    },
  );

  it.each(
    operations
      .filter((o) => o.method === 'GET' && o.params.some((p) => p.in === 'query'))
      .map((o) => [label(o), o] as const),
  )('%s refuses it in the query', async (_, op) => {
    const names = op.params.filter((p) => p.in === 'query').map((p) => p.name);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...names), fc.constantFrom(...urlPoisons), async (name, poison) => {
        const url = `${fillPath(op.template, { id: crypto.randomUUID(), kind: 'golden_idea', period: '2026Q1' })}?${name}=${poison}`;
        const res = await send('GET', url, undefined, '10.9.9.9');
        expect(res?.status, `${url} → ${JSON.stringify(res?.body)}`).toBe(400);
      }),
      { numRuns: 10, seed: 20261128 },
    );
  });
});

describe('requests of the right shape with values at the edges', () => {
  it.each(writeOperations.filter((o) => o.json || o.params.length).map((o) => [label(o), o] as const))(
    '%s never answers 5xx, and writes nothing when it refuses',
    async (_, op) => {
      // Read in this order: a write between the two readings only makes the next check a full one.
      let mark = await nextTransaction(t);
      let before = await fingerprint(t);
      await fc.assert(
        fc.asyncProperty(requestOf(op, leaves), fc.ipV4(), async ({ path, body }, ip) => {
          const url = fillPath(op.template, path);
          const res = await send(op.method, url, body, ip);
          if (!res) return;
          const said = `${op.method} ${url} ${JSON.stringify(body)?.slice(0, 300)} → ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`;
          expect(res.status, said).toBeLessThan(500);
          const now = await nextTransaction(t);
          if (now === mark) return;
          mark = now;
          const after = await fingerprint(t);
          if (res.status >= 400) expect(after, said).toBe(before);
          before = after;
        }),
        { numRuns: 12, seed: 20261129 },
      );
    },
  );
});
