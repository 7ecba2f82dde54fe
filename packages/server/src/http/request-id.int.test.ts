import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../test-support/app.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({ seed: [] });
});
afterAll(() => t.close());

/** The id a request was given, as the response header and the problem body tell it. */
async function idFor(sent: string) {
  const res = await t
    .client()
    .request<{ requestId: string }>('GET', '/api/v1/no-such-route', undefined, { 'x-request-id': sent });
  expect(res.status).toBe(404);
  expect(res.body.requestId).toBe(res.headers.get('x-request-id'));
  return res.body.requestId;
}

const fresh = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('the request id a client or the proxy sends', () => {
  it.each([
    ['nginx’s own', '5f0c2b7a9d3e4c1f8a6b2d0e9c7f1a3b'],
    ['a UUID', '0e6a8d6c-3f4b-4f7e-9a51-2c7d8e9f0a1b'],
    ['a tracing id of parts', 'trace:4bf92f3577b34da6:00f067aa0ba902b7.1_0'],
    ['64 characters', 'a'.repeat(64)],
  ])('keeps %s', async (_, id) => {
    expect(await idFor(id)).toBe(id);
  });

  it.each([
    ['65 characters', 'a'.repeat(65)],
    ['a forged log field', 'x" "level":"fatal'],
    ['markup', '<script>alert(1)</script>'],
    ['spaces', 'two words'],
    ['letters beyond ASCII', 'caf\u00e9'],
  ])('replaces %s with a fresh id', async (_, id) => {
    expect(await idFor(id)).toMatch(fresh);
  });
});
