import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSheet } from '../../excel/workbook.js';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { makeUser } from '../../test-support/factories.js';
import { sheetRows } from '../../test-support/workbook.js';
import { unitByCode } from '../units/api.js';
import type { ImportReport, Inspector } from './contracts.js';
import { inspectorColumns } from './excel.js';

/**
 * Staff may sign in with their mobile number as their login: the inspectors' page and export show
 * such a login masked, as the accounts' page does, to the office that reads both; the export's
 * masked login imports back to its inspector.
 */
let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users'] });
});
afterAll(() => t.close());

const phone = '13955550002';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const send = (client: TestClient, file: Buffer) =>
  client.request<ImportReport & { errors?: Array<{ path: string; code: string }> }>(
    'POST',
    '/api/v1/inspections/inspectors/import',
    new Uint8Array(file),
    { 'content-type': XLSX },
  );
const staffOf = async (login: string, unit: { id: string }) =>
  makeUser(t, { login, phone: login, roles: [['department_staff', unit]] });

describe('an inspector whose login is their phone', () => {
  it('is listed, made and edited with the login masked', async () => {
    const office = await t.as('office');
    const unit = (await unitByCode(t.database.db, 'QJ-D01'))!;
    const staff = await staffOf(phone, unit);
    const made = await office.post<Inspector>('/api/v1/inspections/inspectors', {
      login: phone,
      unitId: unit.id,
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const edited = await office.patch<Inspector>(`/api/v1/inspections/inspectors/${made.body.id}`, {
      qualifications: ['行政执法证'],
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    const listed = await office.get<{ items: Inspector[] }>(
      `/api/v1/inspections/inspectors?unitId=${unit.id}&pageSize=100`,
    );
    const row = listed.body.items.find((i) => i.userId === staff.id);
    for (const shown of [made.body, edited.body, row])
      expect(shown).toMatchObject({ userId: staff.id, login: '139****0002' });
    expect(JSON.stringify([made.body, edited.body, listed.body])).not.toContain(phone);
    // The accounts' page masks it so too.
    const accounts = await office.get<{ items: Array<{ id: string; login: string }> }>(
      `/api/v1/users?q=${phone.slice(-4)}`,
    );
    expect(accounts.body.items.find((u) => u.id === staff.id)?.login).toBe('139****0002');
  });

  it('is exported with the login masked, and the export imports back to it', async () => {
    const office = await t.as('office');
    const exported = await office.get<Uint8Array>('/api/v1/inspections/inspectors/export');
    expect(exported.status).toBe(200);
    const [, ...rows] = await sheetRows(exported.body);
    expect(rows.map((r) => r[0])).toContain('139****0002');
    expect(JSON.stringify(rows)).not.toContain(phone);
    expect((await send(office, Buffer.from(exported.body))).body).toMatchObject({ created: 0, updated: 0 });
    const edited = await writeSheet('执法人员名录', inspectorColumns, [
      { login: '139****0002', unit: '区发展改革委', qualifications: '行政执法证、食品安全' },
    ]);
    const res = await send(office, edited);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ created: 0, updated: 1 });
    const listed = await office.get<{ items: Inspector[] }>('/api/v1/inspections/inspectors?pageSize=100');
    expect(listed.body.items.find((i) => i.login === '139****0002')?.qualifications).toEqual([
      '行政执法证',
      '食品安全',
    ]);
  });

  it('is not found by a masked login two inspectors share', async () => {
    const office = await t.as('office');
    const unit = (await unitByCode(t.database.db, 'QJ-D01'))!;
    await staffOf('13900000002', unit);
    const made = await office.post('/api/v1/inspections/inspectors', {
      login: '13900000002',
      unitId: unit.id,
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const file = await writeSheet('执法人员名录', inspectorColumns, [
      { login: '139****0002', unit: '区发展改革委' },
    ]);
    const res = await send(office, file);
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ path: 'row 2.login', code: 'unknown_user' })]);
  });
});
