import { describe, expect, it } from 'vitest';
import { expectDocumentedRefusal } from './documented-errors.js';

describe("the tests' check of refusals against the API document", () => {
  it('lets through a refusal the operation lists, and what is no refusal', () => {
    expectDocumentedRefusal('POST', '/api/v1/auth/login', 401, { code: 'INVALID_CREDENTIALS' });
    expectDocumentedRefusal('POST', '/api/v1/auth/login', 413, { code: 'PAYLOAD_TOO_LARGE' });
    expectDocumentedRefusal('POST', '/api/v1/auth/login', 200, { code: 'anything' });
    expectDocumentedRefusal('GET', '/api/v1/no-such-route', 404, { code: 'NOT_FOUND' });
  });

  it('fails on a refusal the operation does not list, naming it', () => {
    expect(() =>
      expectDocumentedRefusal('POST', '/api/v1/auth/login?x=1', 422, { code: 'INVALID_STATE' }),
    ).toThrow('POST /api/v1/auth/login answered 422 INVALID_STATE');
  });
});
