import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../audit/schema.js';
import { writeSheet } from '../../excel/workbook.js';
import { createTestContext, type TestContext } from '../../test-support/app.js';
import {
  type District,
  type MadeUser,
  makeDistrict,
  makeUser,
  signIn,
} from '../../test-support/factories.js';
import { loadWorkbook, validationOf } from '../../test-support/workbook.js';
import type { Unit } from './contracts.js';
import { unitColumns } from './excel.js';
import { units } from './schema.js';

let t: TestContext;
let tree: District;
let office: MadeUser;
beforeAll(async () => {
  t = await createTestContext({ seed: [] });
  tree = await makeDistrict(t);
  office = await makeUser(t, { roles: [['admin', tree.district]] });
});
afterAll(() => t.close());

const byCode = async (code: string) =>
  (await t.database.db.select().from(units).where(eq(units.code, code)))[0]!;
const unitCount = async () =>
  (await t.database.db.select({ n: sql<number>`count(*)::int` }).from(units))[0]!.n;
const xlsx = (rows: Array<Record<string, unknown>>) => writeSheet('单位', unitColumns, rows);

describe('the unit tree', () => {
  it('is public to read, each unit after its parent, none of it demo data', async () => {
    const res = await t.client().get<Unit[]>('/api/v1/units');
    expect(res.status).toBe(200);
    expect(res.body.map((u) => u.id)).toEqual([
      tree.district.id,
      ...[tree.street, tree.town, tree.department].map((u) => u.id).sort(),
    ]);
    expect(res.body.find((u) => u.id === tree.street.id)).toEqual(tree.street);
    expect(res.body.some((u) => u.isDemo)).toBe(false);
  });

  it('creates, moves (with the subtree) and deletes units, auditing each change', async () => {
    const admin = await signIn(t, office);
    const root = tree.district;
    const parent = await admin.post<Unit>('/api/v1/units', {
      code: 'T-NEW',
      name: '新片区',
      kind: 'other',
      parentId: root.id,
    });
    expect(parent.status).toBe(201);
    const child = await admin.post<Unit>('/api/v1/units', {
      code: 'T-NEW-1',
      name: '新片区一社区',
      kind: 'community',
      parentId: parent.body.id,
    });
    expect(child.body.path.startsWith(parent.body.path)).toBe(true);
    const town = tree.town;
    const moved = await admin.patch<Unit>(`/api/v1/units/${parent.body.id}`, { parentId: town.id });
    expect(moved.status).toBe(200);
    expect((await byCode('T-NEW-1')).path.startsWith(`${town.path}${parent.body.id}/`)).toBe(true);
    expect((await admin.patch(`/api/v1/units/${town.id}`, { parentId: child.body.id })).status).toBe(422);
    expect((await admin.delete(`/api/v1/units/${parent.body.id}`)).status).toBe(422);
    expect((await admin.delete(`/api/v1/units/${child.body.id}`)).status).toBe(204);
    const events = await t.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.entityId, child.body.id));
    expect(events.map((e) => e.action).sort()).toEqual(['unit.create', 'unit.delete']);
  });

  it('renames a unit keeping its order, and changes the order when asked', async () => {
    const admin = await signIn(t, office);
    const { sort } = await byCode(tree.town.code);
    expect(sort).toBeGreaterThan(0);
    expect((await admin.request('PATCH', `/api/v1/units/${tree.town.id}`, { name: '改名镇' })).status).toBe(
      200,
    );
    expect(await byCode(tree.town.code)).toMatchObject({ name: '改名镇', sort });
    expect((await admin.request('PATCH', `/api/v1/units/${tree.town.id}`, { sort: sort + 5 })).status).toBe(
      200,
    );
    expect(await byCode(tree.town.code)).toMatchObject({ name: '改名镇', sort: sort + 5 });
  });

  it('imports from Excel, and importing the same file again changes nothing', async () => {
    const admin = await signIn(t, office);
    const file = await xlsx([
      { code: 'IMP-1', name: '导入测试镇', kind: 'town', parentCode: tree.district.code, sort: 1 },
      { code: 'IMP-1-1', name: '导入测试村', kind: 'village', parentCode: 'IMP-1', sort: 1 },
    ]);
    const before = await unitCount();
    const first = await admin.request<{ created: number }>('POST', '/api/v1/units/import', file, {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ created: 2, updated: 0, unchanged: 0 });
    const again = await admin.request('POST', '/api/v1/units/import', file, {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
    expect(again.body).toEqual({ created: 0, updated: 0, unchanged: 2 });
    expect(await unitCount()).toBe(before + 2);
  });

  it('rejects a file with bad rows, names each row and field, and writes nothing', async () => {
    const admin = await signIn(t, office);
    const file = await xlsx([
      { code: 'BAD-1', name: '好的一行', kind: 'town', parentCode: tree.district.code },
      { code: 'BAD-2', name: '', kind: 'town', parentCode: tree.district.code },
      { code: 'BAD-3', name: '类型错误', kind: 'province', parentCode: tree.district.code },
      { code: 'BAD-4', name: '上级不存在', kind: 'village', parentCode: 'NOPE' },
    ]);
    const before = await unitCount();
    const res = await admin.request<{ code: string; errors: Array<{ path: string }> }>(
      'POST',
      '/api/v1/units/import',
      file,
      {
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      },
    );
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e) => e.path)).toEqual(['row 3.name', 'row 4.kind', 'row 5.parentCode']);
    expect(await unitCount()).toBe(before);
  });

  it('takes English headers and a kind by its name, as the English template offers them', async () => {
    const admin = await signIn(t, office);
    const template = await admin.request<Uint8Array>('GET', '/api/v1/units/template', undefined, {
      'accept-language': 'en',
    });
    const book = await loadWorkbook(template.body);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'Code', 'Name', 'Kind', 'Parent code', 'Order']);
    const rule = validationOf(sheet, 'C2')!;
    expect(rule.formulae[0]).toContain('Subdistrict');
    sheet.getRow(2).values = ['T-EN-1', '英文表头村', 'village', tree.town.code, 1];
    sheet.addRow(['T-EN-2', '中文类型村', '村', tree.town.code, 2]);
    sheet.addRow(['T-EN-3', '类型写错', '省', tree.town.code, 3]);
    const send = () =>
      admin.request<{ errors?: Array<{ path: string; message: string }> }>(
        'POST',
        '/api/v1/units/import',
        new Uint8Array(wbBytes),
        { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
      );
    let wbBytes = await book.xlsx.writeBuffer();
    const refused = await send();
    expect(refused.body.errors).toEqual([
      expect.objectContaining({ path: 'row 4.kind', message: '找不到「省」' }),
    ]);
    sheet.spliceRows(4, 1);
    wbBytes = await book.xlsx.writeBuffer();
    expect((await send()).status).toBe(200);
    expect((await byCode('T-EN-1')).kind).toBe('village');
    expect((await byCode('T-EN-2')).kind).toBe('village');
  });

  it('refuses a file that is not a workbook', async () => {
    const admin = await signIn(t, office);
    const res = await admin.request(
      'POST',
      '/api/v1/units/import',
      new TextEncoder().encode('code,name\nA,B'),
      {
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      },
    );
    expect(res.status).toBe(400);
  });

  it('exports the tree as a workbook with the import columns', async () => {
    const admin = await signIn(t, office);
    const res = await admin.get<Uint8Array>('/api/v1/units/export');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const { readImport } = await import('../../kernel/excel-import.js');
    const rows = await readImport({ xlsx: res.body }, { columns: unitColumns });
    expect(rows.find((r) => r.values.code === tree.street.code)?.values.name).toBe(tree.street.name);
  });
});
