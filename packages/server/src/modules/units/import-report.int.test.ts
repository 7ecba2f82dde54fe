import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSheet } from '../../excel/workbook.js';
import { createTestContext, type TestContext } from '../../test-support/app.js';
import {
  type District,
  type MadeUser,
  makeDistrict,
  makeUser,
  signIn,
} from '../../test-support/factories.js';
import { unitColumns } from './excel.js';

let t: TestContext;
let tree: District;
let office: MadeUser;
beforeAll(async () => {
  t = await createTestContext({ seed: [] });
  tree = await makeDistrict(t);
  office = await makeUser(t, { roles: [['admin', tree.district]] });
});
afterAll(() => t.close());

describe('the units import report', () => {
  it('says an empty cell is required, a word in Order is not a number, and goes by row', async () => {
    const admin = await signIn(t, office);
    const file = await writeSheet('单位', unitColumns, [
      { code: 'R-OK', name: '好的一行', kind: 'town', parentCode: tree.district.code },
      { code: 'R-EMPTY', name: '', kind: 'town', parentCode: tree.district.code },
      { code: 'R-PARENT', name: '上级不存在', kind: 'village', parentCode: 'NOPE' },
      { code: 'R-SORT', name: '排序写错', kind: 'town', parentCode: tree.district.code, sort: '第一' },
      { code: '', name: '没有编码', kind: '', parentCode: tree.district.code },
    ]);
    const res = await admin.request<{ errors: Array<{ path: string; code: string }> }>(
      'POST',
      '/api/v1/units/import',
      file,
      { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
    );
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e) => [e.path, e.code])).toEqual([
      ['row 3.name', 'required'],
      ['row 4.parentCode', 'unknown_parent'],
      ['row 5.sort', 'not_a_number'],
      ['row 6.code', 'required'],
      ['row 6.kind', 'required'],
    ]);
  });
});
