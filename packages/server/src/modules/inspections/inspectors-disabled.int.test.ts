import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSheet } from '../../excel/workbook.js';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { unitsByIds } from '../units/api.js';
import { userIdByLogin } from '../users/api.js';
import { inspectorColumns } from './excel.js';
import { frozenInput } from './queries/draw-input.js';
import { inspectionInspectors } from './schema.js';
import { unitId } from './test-helpers.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
let t: TestContext;
let office: TestClient;
beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users', 'business', 'inspections'] });
  office = await t.as('office');
});
afterAll(() => t.close());

const inspectorCount = async () =>
  (await t.database.db.select({ n: count() }).from(inspectionInspectors))[0]!.n;

async function staffAccount(login: string) {
  const created = await office.post('/api/v1/users', {
    login,
    displayName: '测试人员',
    roles: [{ role: 'department_staff', unitId: await unitId(t, 'QJ-D20') }],
  });
  expect(created.status).toBe(201);
  return (await userIdByLogin(t.database.db, login))!;
}

async function disable(userId: string) {
  const res = await office.patch(`/api/v1/users/${userId}`, { disabled: true });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

describe('a disabled account and the inspectors’ pool', () => {
  it('is an error of its row in an import, worded in the reader’s language, and the file writes nothing', async () => {
    const department = (await unitsByIds(t.database.db, [await unitId(t, 'QJ-D20')])).values().next().value!;
    await staffAccount('inspector.fresh');
    await disable(await staffAccount('inspector.gone'));
    const before = await inspectorCount();
    const file = await writeSheet('执法人员名录', inspectorColumns, [
      { login: 'inspector.fresh', unit: department.name },
      { login: 'inspector.gone', unit: department.name },
    ]);
    const send = (language: string) =>
      office.request<{ errors: Array<{ path: string; code: string; message: string }> }>(
        'POST',
        '/api/v1/inspections/inspectors/import',
        new Uint8Array(file),
        { 'content-type': XLSX, 'accept-language': language },
      );
    const refused = await send('en');
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([
      expect.objectContaining({ path: 'row 3.login', code: 'account_disabled' }),
    ]);
    expect(refused.body.errors[0]!.message).toContain('“inspector.gone” is disabled');
    expect((await send('zh-CN')).body.errors[0]!.message).toContain('账号「inspector.gone」已停用');
    expect(await inspectorCount()).toBe(before);
  });

  it('leaves an inspector whose account was disabled after enrolment out of the draw’s input', async () => {
    const { db } = t.database;
    const units = [...(await unitsByIds(db, [await unitId(t, 'QJ-D20')])).values()];
    const spec = { units, qualifications: [], sample: { high: 1 }, inspectorsPerVisit: 1 };
    const pooled = (await frozenInput(db, spec)).inspectors.map((p) => p.id);
    const [enrolled] = await db
      .select()
      .from(inspectionInspectors)
      .where(eq(inspectionInspectors.id, pooled[0]!));
    await disable(enrolled!.userId);
    const after = (await frozenInput(db, spec)).inspectors.map((p) => p.id);
    expect(after).toEqual(pooled.filter((id) => id !== enrolled!.id));
  });
});
