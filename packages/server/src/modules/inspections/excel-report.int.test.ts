import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSheet } from '../../excel/workbook.js';
import { headedIn } from '../../kernel/excel-import.js';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { sheetRows } from '../../test-support/workbook.js';
import { inspectorColumns, itemColumns } from './excel.js';

/**
 * A refused import names each problem as the office sees its sheet: the row as the sheet numbers
 * it, the column by the header of the template it downloaded, the reason in its language.
 */
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
let t: TestContext;
let office: TestClient;
beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users', 'business', 'inspections'] });
  office = await t.as('office');
});
afterAll(() => t.close());

type Refusal = {
  detail: string;
  errors: { path: string; code: string; message: string; params: { column?: string } }[];
};
type Locale = 'zh-CN' | 'en';

const send = (what: string, file: Buffer, locale: Locale) =>
  office.request<Refusal>('POST', `/api/v1/inspections/${what}/import`, new Uint8Array(file), {
    'content-type': XLSX,
    'accept-language': locale,
  });

/** The template's header row as the office downloads it, by column key. */
async function templateHeaders(what: 'items' | 'inspectors', locale: Locale) {
  const res = await office.request<Uint8Array>('GET', `/api/v1/inspections/${what}/template`, undefined, {
    'accept-language': locale,
  });
  const [header] = await sheetRows(res.body);
  const columns = (what === 'items' ? itemColumns : inspectorColumns).slice(0, header!.length);
  expect(headedIn(columns, locale).map((c) => c.header)).toEqual(header);
  return { columns: headedIn(columns, locale), byKey: new Map(columns.map((c, i) => [c.key, header![i]!])) };
}

const inspectorRows = (locale: Locale) => [
  {
    login: 'nobody.here',
    unit: '区市场监管局',
    qualifications: '',
    workingDays: '1,2,3,4,5',
    conflicts: '',
    active: locale === 'en' ? 'Yes' : '是',
  },
  {
    login: 'inspector.x',
    unit: '黔江不存在局',
    qualifications: '',
    workingDays: '周八',
    conflicts: '',
    active: 'maybe',
  },
];

const words = {
  'zh-CN': {
    'row 2.login': '没有账号「nobody.here」',
    'row 3.unit': '找不到单位「黔江不存在局」',
    'row 3.workingDays': '请填写星期几，如“一二三四五”或“1,2,3,4,5”',
    'row 3.active': '请填写“是”或“否”',
  },
  en: {
    'row 2.login': 'No account “nobody.here”',
    'row 3.unit': 'No such unit: “黔江不存在局”',
    'row 3.workingDays': 'Give weekdays such as “1,2,3,4,5” (1 = Monday) or “一二三四五”',
    'row 3.active': 'Give “Yes” or “No”',
  },
} as const;

describe('a refused import names rows and columns as the downloaded template does', () => {
  it.each(['zh-CN', 'en'] as const)('the inspectors, in %s', async (locale) => {
    const { columns, byKey } = await templateHeaders('inspectors', locale);
    const res = await send('inspectors', await writeSheet('x', columns, inspectorRows(locale)), locale);
    expect(res.status).toBe(400);
    const expected = words[locale];
    expect(res.body.errors.map((e) => e.path).sort()).toEqual(Object.keys(expected).sort());
    for (const e of res.body.errors) {
      const key = e.path.replace(/^row \d+\./, '');
      expect(e.params.column, e.path).toBe(byKey.get(key));
      expect(e.message, e.path).toBe(expected[e.path as keyof typeof expected]);
    }
    // The detail a program or the command line shows reads the same way, line by line.
    const line = (path: keyof typeof expected) => {
      const [, row, key = ''] = /^row (\d+)\.(.*)$/.exec(path)!;
      return locale === 'en'
        ? `Row ${row} · ${byKey.get(key)}: ${expected[path]}`
        : `第 ${row} 行 · ${byKey.get(key)}：${expected[path]}`;
    };
    for (const path of Object.keys(expected) as (keyof typeof expected)[])
      expect(res.body.detail).toContain(line(path));
  });

  it('the items’ department column is 实施部门, the inspectors’ 所属部门', async () => {
    const { columns, byKey } = await templateHeaders('items', 'zh-CN');
    const file = await writeSheet('x', columns, [
      { code: 'QJJC-XX-77', unit: '黔江不存在局', name: '事项', legalBasis: '依据', expectedMinutes: 20 },
    ]);
    const res = await send('items', file, 'zh-CN');
    expect(res.body.errors).toMatchObject([
      { path: 'row 2.unit', code: 'unknown_unit', params: { column: '实施部门' } },
    ]);
    expect(byKey.get('unit')).toBe('实施部门');
    expect(res.body.detail).toContain('第 2 行 · 实施部门：找不到单位「黔江不存在局」');
  });
});
