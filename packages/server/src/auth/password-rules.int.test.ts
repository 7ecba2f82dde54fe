import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../test-support/app.js';

interface Problem {
  code: string;
  errors: Array<{ path: string; code: string }>;
}

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users'] });
});
afterAll(() => t.close());

describe('weak passwords', () => {
  it('are refused when an admin sets one, naming the field and the reason', async () => {
    const office = await t.as('office');
    for (const [password, reason] of [
      ['zhang.expert-2026', 'contains_login'],
      ['1111111111', 'repeated_character'],
      ['          ', 'only_whitespace'],
      ['password123', 'common_password'],
    ]) {
      const res = await office.post<Problem>('/api/v1/users', {
        login: 'zhang.expert',
        displayName: '张专家',
        password,
        roles: [],
      });
      expect(res.status, password).toBe(400);
      expect(res.body.errors, password).toEqual([
        expect.objectContaining({ path: 'password', code: reason }),
      ]);
    }
  });

  it('are refused as a new password, and a strong one is taken', async () => {
    const c = await t.as('dept');
    const weak = await c.post<Problem>('/api/v1/auth/password', {
      current: t.accounts.dept,
      next: 'qwertyuiop',
    });
    expect(weak.status).toBe(400);
    expect(weak.body.errors).toEqual([expect.objectContaining({ path: 'next', code: 'common_password' })]);
    const withLogin = await c.post<Problem>('/api/v1/auth/password', {
      current: t.accounts.dept,
      next: 'dept-of-roads-77',
    });
    expect(withLogin.body.errors?.[0]?.code).toBe('contains_login');
    expect(
      (await c.post('/api/v1/auth/password', { current: t.accounts.dept, next: 'Roads-and-bridges-2026' }))
        .status,
    ).toBe(204);
  });
});
