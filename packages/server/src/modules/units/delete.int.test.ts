import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test-support/app.js';
import {
  type District,
  type MadeUser,
  makeDistrict,
  makeUser,
  signIn,
} from '../../test-support/factories.js';
import type { Unit } from './contracts.js';

let t: TestContext;
let tree: District;
let office: MadeUser;
beforeAll(async () => {
  t = await createTestContext({ seed: [] });
  tree = await makeDistrict(t);
  office = await makeUser(t, { roles: [['admin', tree.district]] });
});
afterAll(() => t.close());

type Refusal = { code: string; errors: Array<{ path: string; code: string; params: { value: string } }> };

describe('deleting a unit', () => {
  it('says why it refuses a unit with sub-units, naming the unit, so the page can word it', async () => {
    const admin = await signIn(t, office);
    const parent = await admin.post<Unit>('/api/v1/units', {
      code: 'D-PARENT',
      name: '待删片区',
      kind: 'other',
      parentId: tree.district.id,
    });
    await admin.post<Unit>('/api/v1/units', {
      code: 'D-CHILD',
      name: '待删社区',
      kind: 'community',
      parentId: parent.body.id,
    });
    const res = await admin.delete<Refusal>(`/api/v1/units/${parent.body.id}`);
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('INVALID_STATE');
    expect(res.body.errors).toEqual([
      expect.objectContaining({ path: 'id', code: 'has_sub_units', params: { value: '待删片区' } }),
    ]);
  });

  it('says why it refuses a unit still named by an account’s role', async () => {
    const admin = await signIn(t, office);
    const unit = await admin.post<Unit>('/api/v1/units', {
      code: 'D-STAFFED',
      name: '有人的科室',
      kind: 'department',
      parentId: tree.district.id,
    });
    await makeUser(t, { roles: [['department_staff', unit.body]] });
    const res = await admin.delete<Refusal>(`/api/v1/units/${unit.body.id}`);
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([
      expect.objectContaining({ path: 'id', code: 'unit_in_use', params: { value: '有人的科室' } }),
    ]);
    // Refused, not half done: the unit is still there.
    const list = await t.client().get<Unit[]>('/api/v1/units');
    expect(list.body.some((u) => u.id === unit.body.id)).toBe(true);
  });
});
