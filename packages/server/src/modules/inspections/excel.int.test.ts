import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSheet } from '../../excel/workbook.js';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { sheetOf, sheetRows } from '../../test-support/workbook.js';
import type { ImportReport, Inspector } from './contracts.js';
import { inspectorColumns, itemColumns } from './excel.js';
import { inspectionItems } from './schema.js';
import { auditOf } from './test-helpers.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
let t: TestContext;
let office: TestClient;
beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users', 'business', 'inspections'] });
  office = await t.as('office');
});
afterAll(() => t.close());

const en = { 'accept-language': 'en' };

const send = (client: TestClient, what: string, file: Buffer) =>
  client.request<ImportReport & { code?: string; errors?: Array<{ path: string; code: string }> }>(
    'POST',
    `/api/v1/inspections/${what}/import`,
    new Uint8Array(file),
    { 'content-type': XLSX },
  );
const itemCount = async () => (await t.database.db.select({ n: count() }).from(inspectionItems))[0]!.n;

describe('inspection items in and out of Excel', () => {
  it('exports every item, and the same file imported again changes nothing', async () => {
    const res = await office.get<Uint8Array>('/api/v1/inspections/items/export');
    expect(res.status).toBe(200);
    const [header, ...rows] = await sheetRows(res.body);
    expect(header).toEqual(itemColumns.map((c) => c.header));
    expect(rows).toHaveLength(17);
    const again = await send(office, 'items', Buffer.from(res.body));
    expect(again.body).toEqual({ created: 0, updated: 0, unchanged: 17 });
    expect(res.headers.get('content-disposition')).toContain(encodeURIComponent('检查事项清单.xlsx'));
    expect((await sheetOf(res.body)).name).toBe('检查事项清单');
  });

  it('hands an English reader the list in English, which imports back unchanged', async () => {
    const res = await office.request<Uint8Array>('GET', '/api/v1/inspections/items/export', undefined, en);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain("''inspection-items.xlsx");
    expect((await sheetOf(res.body)).name).toBe('Inspection items');
    const [header, ...rows] = await sheetRows(res.body);
    expect(header).toEqual([
      'Item code',
      'Department',
      'Inspection item',
      'Legal basis',
      'Qualification required',
      'Expected time (minutes)',
    ]);
    expect(rows).toHaveLength(17);
    const again = await send(office, 'items', Buffer.from(res.body));
    expect(again.body).toEqual({ created: 0, updated: 0, unchanged: 17 });
    const template = await office.request<Uint8Array>(
      'GET',
      '/api/v1/inspections/items/template',
      undefined,
      en,
    );
    expect(template.headers.get('content-disposition')).toContain("''inspection-items-template.xlsx");
    expect((await sheetRows(template.body))[0]).toEqual(header);
  });

  it('creates new codes and changes known ones; a bad row rejects the whole file', async () => {
    const file = await writeSheet('检查事项清单', itemColumns, [
      {
        code: 'QJJC-SJ-01',
        unit: '区市场监管局',
        name: '食品经营许可及经营行为检查',
        legalBasis: '《中华人民共和国食品安全法》第一百一十条',
        qualification: '市场监管执法',
        expectedMinutes: 50,
      },
      {
        code: 'QJJC-SJ-09',
        unit: '区市场监管局',
        name: '特种设备安全检查',
        legalBasis: '《中华人民共和国特种设备安全法》第五十七条',
        qualification: '',
        expectedMinutes: 30,
      },
    ]);
    const ok = await send(office, 'items', file);
    expect(ok.body).toEqual({ created: 1, updated: 1, unchanged: 0 });
    expect(await auditOf(t, 'import')).toContain('inspectionItem.import');
    const before = await itemCount();
    const bad = await writeSheet('检查事项清单', itemColumns, [
      { code: 'QJJC-SJ-10', unit: '区市场监管局', name: '新事项', legalBasis: '依据', expectedMinutes: 20 },
      { code: 'QJJC-XX-01', unit: '黔江不存在局', name: '事项', legalBasis: '依据', expectedMinutes: 900 },
    ]);
    const refused = await send(office, 'items', bad);
    expect(refused.status).toBe(400);
    expect(refused.body.errors!.map((e) => [e.path, e.code])).toEqual([
      ['row 3.unit', 'unknown_unit'],
      ['row 3.expectedMinutes', 'too_big'],
    ]);
    expect(await itemCount()).toBe(before);
  });

  it('a department imports only its own items', async () => {
    const dept = await t.as('dept');
    const file = await writeSheet('检查事项清单', itemColumns, [
      { code: 'QJJC-HJ-09', unit: '区生态环境局', name: '事项', legalBasis: '依据', expectedMinutes: 20 },
    ]);
    const res = await send(dept, 'items', file);
    expect(res.status).toBe(400);
    expect(res.body.errors![0]).toMatchObject({ path: 'row 2.unit', code: 'outside_scope' });
  });
});

const unitNamed = async (name: string) =>
  (await office.get<Array<{ id: string; name: string }>>('/api/v1/units')).body.find((u) => u.name === name)!
    .id;

describe('inspectors in and out of Excel', () => {
  it('exports masked names and conflicts by credit code, and re-imports to no change', async () => {
    const res = await office.get<Uint8Array>('/api/v1/inspections/inspectors/export');
    const [header, ...rows] = await sheetRows(res.body);
    expect(header).toEqual(inspectorColumns.map((c) => c.header));
    expect(rows).toHaveLength(32);
    for (const r of rows) expect(r[6]).toMatch(/^.\*+$/);
    expect(rows.some((r) => /^[0-9A-Z]{18}/.test(r[4]!))).toBe(true);
    const again = await send(office, 'inspectors', Buffer.from(res.body));
    expect(again.body).toEqual({ created: 0, updated: 0, unchanged: 32 });
    expect(res.headers.get('content-disposition')).toContain(encodeURIComponent('执法人员名录.xlsx'));
    expect((await sheetOf(res.body)).name).toBe('执法人员名录');
  });

  it('hands an English reader the inspectors in English, which import back unchanged', async () => {
    const res = await office.request<Uint8Array>(
      'GET',
      '/api/v1/inspections/inspectors/export',
      undefined,
      en,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain("''inspectors.xlsx");
    expect((await sheetOf(res.body)).name).toBe('Inspectors');
    const [header, ...rows] = await sheetRows(res.body);
    expect(header).toEqual([
      'Account',
      'Department',
      'Qualifications',
      'Working days (1 = Monday)',
      'Firms to avoid (credit codes)',
      'Active',
      'Name',
    ]);
    expect(rows.map((r) => r[5])).toContain('Yes');
    expect(rows.map((r) => r[3])).toContain('1,2,3,4,5');
    const again = await send(office, 'inspectors', Buffer.from(res.body));
    expect(again.body).toEqual({ created: 0, updated: 0, unchanged: 32 });
    const template = await office.request<Uint8Array>(
      'GET',
      '/api/v1/inspections/inspectors/template',
      undefined,
      en,
    );
    expect(template.headers.get('content-disposition')).toContain("''inspectors-template.xlsx");
    expect((await sheetRows(template.body))[0]).toEqual(header!.slice(0, 6));
  });

  it('enrols an account, and refuses unknown accounts and firms with every problem listed', async () => {
    const created = await office.post<{ initialPassword: string }>('/api/v1/users', {
      login: 'inspector.new',
      displayName: '新检查员',
      roles: [{ role: 'department_staff', unitId: await unitNamed('区市场监管局') }],
    });
    expect(created.status).toBe(201);
    const file = await writeSheet('执法人员名录', inspectorColumns, [
      {
        login: 'inspector.new',
        unit: '区市场监管局',
        qualifications: '市场监管执法、食品安全执法',
        workingDays: '一二三',
        conflicts: '',
        active: '是',
      },
    ]);
    expect((await send(office, 'inspectors', file)).body).toEqual({ created: 1, updated: 0, unchanged: 0 });
    const list = await office.get<{ items: Inspector[] }>('/api/v1/inspections/inspectors?pageSize=200');
    const added = list.body.items.find((p) => p.login === 'inspector.new')!;
    expect(added).toMatchObject({
      name: '新***',
      qualifications: ['市场监管执法', '食品安全执法'],
      workingDays: [1, 2, 3],
    });
    const bad = await writeSheet('执法人员名录', inspectorColumns, [
      { login: 'nobody.here', unit: '区市场监管局', workingDays: '八', conflicts: '91500114000000000X' },
    ]);
    const refused = await send(office, 'inspectors', bad);
    expect(refused.status).toBe(400);
    expect(refused.body.errors!.map((e) => e.code)).toEqual(['invalid_format']);
    const bad2 = await writeSheet('执法人员名录', inspectorColumns, [
      { login: 'nobody.here', unit: '区市场监管局', conflicts: '91500114000000000X' },
    ]);
    const refused2 = await send(office, 'inspectors', bad2);
    expect(refused2.body.errors!.map((e) => e.code)).toEqual(['unknown_user', 'unknown_firm']);
  });

  it('enrols only the department’s own staff: a citizen’s, a firm’s or another department’s account is refused', async () => {
    const market = await unitNamed('区市场监管局');
    for (const login of ['citizen', 'enterprise', 'dept']) {
      const one = await office.post<{ errors: Array<{ path: string; code: string }> }>(
        '/api/v1/inspections/inspectors',
        { login, unitId: market },
      );
      expect(one.status, login).toBe(400);
      expect(one.body.errors).toEqual([
        expect.objectContaining({ path: 'login', code: 'not_department_staff' }),
      ]);
    }
    const file = await writeSheet('执法人员名录', inspectorColumns, [
      { login: 'citizen', unit: '区市场监管局' },
      { login: 'enterprise', unit: '区市场监管局' },
    ]);
    const refused = await send(office, 'inspectors', file);
    expect(refused.status).toBe(400);
    expect(refused.body.errors!.map((e) => e.code)).toEqual(['not_department_staff', 'not_department_staff']);
    // Nor is an inspector moved to a department whose staff they are not.
    const list = await office.get<{ items: Inspector[] }>('/api/v1/inspections/inspectors?pageSize=200');
    const sj1 = list.body.items.find((p) => p.login === 'inspector.sj1')!;
    const moved = await office.patch<{ errors: Array<{ code: string }> }>(
      `/api/v1/inspections/inspectors/${sj1.id}`,
      {
        unitId: await unitNamed('区应急管理局'),
      },
    );
    expect(moved.status).toBe(400);
    expect(moved.body.errors![0]!.code).toBe('not_department_staff');
  });
});

describe('who is offered the pools’ imports', () => {
  type Session = { abilities: Array<{ action: string; scopes: string[] }> };
  const actions = async (login: string) =>
    (await (await t.as(login)).get<Session>('/api/v1/auth/session')).body.abilities.map((a) => a.action);

  it('sends a department’s staff the abilities to keep its pools, and a supervisor none', async () => {
    expect(await actions('dept')).toEqual(expect.arrayContaining(['item.write', 'inspector.write']));
    const supervisor = await actions('supervisor');
    expect(supervisor).not.toContain('item.write');
    expect(supervisor).not.toContain('inspector.write');
  });

  it('offers the making of joint plans to the district office alone, as the services allow', async () => {
    expect(await actions('office')).toContain('plan.write');
    expect(await actions('dept')).not.toContain('plan.write');
    expect(await actions('supervisor')).not.toContain('plan.write');
  });

  it('offers the defining of tasks to departments’ staff and the office, not to a supervisor', async () => {
    expect(await actions('dept')).toContain('task.write');
    expect(await actions('office')).toContain('task.write');
    expect(await actions('supervisor')).not.toContain('task.write');
  });
});
