import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../test-support/app.js';
import { type MadeUser, makeUnit, makeUser, signIn } from '../test-support/factories.js';

interface Problem {
  code: string;
  errors: Array<{ path: string; code: string }>;
}

let t: TestContext;
let admin: MadeUser;
let staff: MadeUser;
beforeAll(async () => {
  t = await createTestContext({ seed: [] });
  const district = await makeUnit(t);
  admin = await makeUser(t, { roles: [['admin', district]] });
  const department = await makeUnit(t, { parent: district, kind: 'department' });
  staff = await makeUser(t, { login: 'dept', roles: [['department_staff', department]] });
});
afterAll(() => t.close());

describe('weak passwords', () => {
  it('are refused when an admin sets one, naming the field and the reason', async () => {
    const office = await signIn(t, admin);
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
    const c = await signIn(t, staff);
    const weak = await c.post<Problem>('/api/v1/auth/password', {
      current: staff.password,
      next: 'qwertyuiop',
    });
    expect(weak.status).toBe(400);
    expect(weak.body.errors).toEqual([expect.objectContaining({ path: 'next', code: 'common_password' })]);
    const withLogin = await c.post<Problem>('/api/v1/auth/password', {
      current: staff.password,
      next: 'dept-of-roads-77',
    });
    expect(withLogin.body.errors?.[0]?.code).toBe('contains_login');
    expect(
      (await c.post('/api/v1/auth/password', { current: staff.password, next: 'Roads-and-bridges-2026' }))
        .status,
    ).toBe(204);
  });
});
