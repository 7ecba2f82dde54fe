import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../test-support/app.js';
import { makeUnit } from '../test-support/factories.js';

/** A platform whose unit tree has no district yet, as before its first import. */
let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({ seed: [] });
});
afterAll(() => t.close());

interface Problem {
  status: number;
  code: string;
  errors: Array<{ path: string; code: string }>;
}

describe('registration before the district is set up', () => {
  it('refuses the code with a field code the page words before sending any, and sends it once there is one', async () => {
    const c = t.client();
    const phone = '13812340001';
    const refused = await c.post<Problem>('/api/v1/auth/register/code', { phone });
    expect(refused.status).toBe(422);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body).toMatchObject({
      status: 422,
      code: 'INVALID_STATE',
      errors: [{ path: 'district', code: 'no_district' }],
    });
    // No message went out, and the refusal spent none of the phone's codes.
    expect(t.sms.messages.filter((m) => m.phone === phone)).toEqual([]);
    await makeUnit(t);
    expect((await c.post('/api/v1/auth/register/code', { phone })).status).toBe(200);
    const code = t.sms.messages.findLast((m) => m.phone === phone)?.message.match(/(\d{6})/)?.[1];
    expect(code).toBeDefined();
    const body = { phone, code, password: 'citizen-password-1', displayName: '市民赵先生' };
    const ok = await c.post<{ roles: Array<{ role: string }> }>('/api/v1/auth/register', body);
    expect(ok.status).toBe(201);
    expect(ok.body.roles.map((r) => r.role)).toEqual(['citizen']);
  });
});
