import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test-support/app.js';
import {
  type District,
  type MadeUser,
  makeDistrict,
  makeUser,
  signIn,
} from '../../test-support/factories.js';
import { sheetValues } from '../../test-support/workbook.js';
import type { Unit } from './contracts.js';

let t: TestContext;
let tree: District;
let office: MadeUser;
beforeAll(async () => {
  t = await createTestContext({ seed: [] });
  tree = await makeDistrict(t);
  office = await makeUser(t, { roles: [['admin', tree.district]] });
  const admin = await signIn(t, office);
  // Siblings whose order differs from their ids' and their names' order.
  for (const [code, name, sort] of [
    ['X-C', '丙街道', 1],
    ['X-A', '甲街道', 3],
    ['X-B', '乙街道', 2],
  ] as const) {
    const made = await admin.post<Unit>('/api/v1/units', {
      code,
      name,
      kind: 'subdistrict',
      parentId: tree.district.id,
      sort,
    });
    await admin.post('/api/v1/units', {
      code: `${code}-1`,
      name: `${name}一社区`,
      kind: 'community',
      parentId: made.body.id,
    });
  }
});
afterAll(() => t.close());

const xlsxType = { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };

describe('the units export', () => {
  it('writes kinds as the template words them, rows in the tree’s order', async () => {
    const admin = await signIn(t, office);
    const res = await admin.get<Uint8Array>('/api/v1/units/export');
    expect(res.status).toBe(200);
    const rows = await sheetValues(res.body);
    expect(rows[0]).toEqual(['编码', '名称', '类型', '上级编码', '排序']);
    const codes = rows.slice(1).map((r) => r[0]);
    const at = (code: string) => codes.indexOf(code);
    // Each unit right after its parent's subtree starts, siblings by their order.
    expect(codes[0]).toBe(tree.district.code);
    expect(at('X-C')).toBeLessThan(at('X-C-1'));
    expect(at('X-C-1')).toBeLessThan(at('X-B'));
    expect(at('X-B')).toBeLessThan(at('X-B-1'));
    expect(at('X-B-1')).toBeLessThan(at('X-A'));
    const kinds = new Set(rows.slice(1).map((r) => r[2]));
    expect(kinds).toContain('区');
    expect(kinds).toContain('街道');
    expect(kinds).toContain('社区');
    expect(kinds).not.toContain('subdistrict');
  });

  it('writes English headers and kinds for an English reader', async () => {
    const admin = await signIn(t, office);
    const res = await admin.request<Uint8Array>('GET', '/api/v1/units/export', undefined, {
      'accept-language': 'en',
    });
    const rows = await sheetValues(res.body);
    expect(rows[0]).toEqual(['Code', 'Name', 'Kind', 'Parent code', 'Order']);
    expect(rows.find((r) => r[0] === 'X-A')?.[2]).toBe('Subdistrict');
  });

  it('is taken back by the import as it is, changing nothing', async () => {
    const admin = await signIn(t, office);
    for (const language of ['zh-CN', 'en']) {
      const exported = await admin.request<Uint8Array>('GET', '/api/v1/units/export', undefined, {
        'accept-language': language,
      });
      const back = await admin.request<{ created: number; updated: number; unchanged: number }>(
        'POST',
        '/api/v1/units/import',
        exported.body,
        xlsxType,
      );
      expect(back.status).toBe(200);
      expect(back.body.created).toBe(0);
      expect(back.body.updated).toBe(0);
      expect(back.body.unchanged).toBeGreaterThan(6);
    }
  });
});
