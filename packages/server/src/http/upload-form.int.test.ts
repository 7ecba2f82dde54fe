import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../test-support/app.js';

/** A multipart upload whose form does not parse is refused as the client's, never a 500. */
let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users', 'business'] });
});
afterAll(() => t.close());

describe('a broken multipart form', () => {
  it('is refused with the file field named, on a workbook import', async () => {
    const office = await t.as('office');
    const broken = new TextEncoder().encode('--qx\r\ncontent-disposition: form-data; name="file"\r\n');
    const res = await office.request('POST', '/api/v1/business/firms/import', broken, {
      'content-type': 'multipart/form-data; boundary=qx',
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'VALIDATION', errors: [{ path: 'file', code: 'required' }] });
  });
});
