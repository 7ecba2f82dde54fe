import type ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSheet } from '../../excel/workbook.js';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { sheetOf, sheetRows, validationOf } from '../../test-support/workbook.js';
import type { ReformImportReport, ReformProjectSummary } from './contracts.js';
import { ledgerColumns } from './excel.js';
import { auditOf, XLSX } from './test-helpers.js';

let t: TestContext;
let office: TestClient;
beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users', 'reforms'] });
  office = await t.as('office');
});
afterAll(() => t.close());

const importFile = (file: Uint8Array | Buffer) =>
  office.request<ReformImportReport>('POST', '/api/v1/reforms/projects/import', new Uint8Array(file), {
    'content-type': XLSX,
  });

describe('the ledger as a spreadsheet', () => {
  it('exports one row per project with list, lead unit, milestones done of total, percentage and status', async () => {
    const res = await (await t.as('dept')).get<Uint8Array>('/api/v1/reforms/projects/export');
    expect(res.status).toBe(200);
    const [header, ...rows] = await sheetRows(res.body);
    expect(header).toEqual(ledgerColumns.map((c) => c.header));
    expect(rows).toHaveLength(145);
    const list = await office.get<{ items: ReformProjectSummary[] }>('/api/v1/reforms/projects?pageSize=200');
    const first = list.body.items[0]!;
    const row = rows.find((r) => r[0] === first.code)!;
    expect(row[2]).toBe(first.listName);
    expect(row[4]).toBe(first.leadUnitName);
    expect(row[11]).toBe(`${first.milestonesDone}/${first.milestones}`);
    expect(row[12]).toBe(`${(100 * first.progress).toFixed(1)}%`);
    expect(['未启动', '推进中', '滞后', '已完成']).toContain(row[13]);
  });

  it('imports new projects by code and changes known ones only where they differ', async () => {
    const template = await office.get<Uint8Array>('/api/v1/reforms/projects/template');
    expect((await sheetRows(template.body))[0]).toEqual(ledgerColumns.slice(0, 11).map((c) => c.header));
    const file = await writeSheet('改革任务台账', ledgerColumns, [
      {
        code: 'QJGG-N001',
        name: '新增改革项目（导入）',
        list: '现阶段亟须改革攻坚',
        source: '区级',
        leadUnit: '区政务服务办',
        coUnits: '区发展改革委、QJ-D21',
        startDate: '2026-03-01',
        endDate: '2027-03-01',
        pilotLevel: '市级',
        pilotStatus: '申报中',
      },
    ]);
    const first = await importFile(file);
    expect(first.body).toEqual({ created: 1, updated: 0, unchanged: 0 });
    expect(await importFile(file).then((r) => r.body)).toEqual({ created: 0, updated: 0, unchanged: 1 });
    const summary = await t
      .client()
      .get<{ projects: number; pilots: { applying: number } }>('/api/v1/public/reforms/summary');
    expect(summary.body.projects).toBe(146);
    expect(summary.body.pilots.applying).toBe(7);
    expect(await auditOf(t, 'import')).toEqual(['reformProject.import', 'reformProject.import']);
  });

  it('takes back its own export: nothing changes', async () => {
    const exported = await office.get<Uint8Array>('/api/v1/reforms/projects/export');
    const res = await importFile(exported.body);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ created: 0, updated: 0, unchanged: 146 });
  });

  it('refuses the import to anyone but the district’s reform office, before reading the file', async () => {
    const file = await writeSheet('改革任务台账', ledgerColumns, []);
    const dept = await t.as('dept');
    const res = await dept.request('POST', '/api/v1/reforms/projects/import', new Uint8Array(file), {
      'content-type': XLSX,
    });
    expect(res.status).toBe(403);
  });
});

describe('the ledger in English', () => {
  const en = { 'accept-language': 'en' };
  const getEn = (path: string) => office.request<Uint8Array>('GET', path, undefined, en);
  const rule = (sheet: ExcelJS.Worksheet, cell: string) => validationOf(sheet, cell)?.formulae;
  const enColumns = ledgerColumns.map((c) => ({ ...c, header: c.headerEn ?? c.header }));
  const project = {
    code: 'QJGG-EN01',
    name: '英文表头导入的项目',
    list: '现阶段亟须改革攻坚',
    source: 'National',
    leadUnit: '区政务服务办',
    startDate: '2026-03-01',
    endDate: '2027-03-01',
  };
  const projectOf = async (code: string) =>
    (
      await office.get<{ items: ReformProjectSummary[] }>('/api/v1/reforms/projects?pageSize=200')
    ).body.items.find((p) => p.code === code);

  it('writes the template in the reader’s language: headers, drop-downs, example and file name', async () => {
    const res = await getEn('/api/v1/reforms/projects/template');
    expect(res.headers.get('content-disposition')).toContain("''reform-ledger-template.xlsx");
    const sheet = await sheetOf(res.body);
    expect(sheet.name).toBe('Reform ledger');
    const [header, example] = await sheetRows(res.body);
    expect(header).toEqual(ledgerColumns.slice(0, 11).map((c) => c.headerEn));
    expect(header).toContain('Pilot status');
    expect(example![3]).toBe('District');
    expect(rule(sheet, 'D2')).toEqual(['"National,Municipal,District"']);
    expect(rule(sheet, 'J2')).toEqual(['"National,Municipal"']);
    expect(rule(sheet, 'K2')).toEqual(['"Applying,Under way,Accepted,Closed"']);
    const zh = await office.get<Uint8Array>('/api/v1/reforms/projects/template');
    expect(zh.headers.get('content-disposition')).toContain(encodeURIComponent('改革任务台账模板.xlsx'));
    expect(rule(await sheetOf(zh.body), 'D2')).toEqual(['"国家级,市级,区级"']);
  });

  it('exports in English, and the English export imports back unchanged', async () => {
    const res = await getEn('/api/v1/reforms/projects/export');
    expect(res.headers.get('content-disposition')).toContain("''reform-ledger.xlsx");
    const [header, ...rows] = await sheetRows(res.body);
    expect(header).toEqual(ledgerColumns.map((c) => c.headerEn));
    expect(rows).toHaveLength(146);
    expect(new Set(rows.map((r) => r[3]))).toEqual(new Set(['National', 'Municipal', 'District']));
    expect(rows.some((r) => r[9] === 'Municipal' && r[10] === 'Applying')).toBe(true);
    for (const r of rows) expect(['Not started', 'On track', 'Behind', 'Completed']).toContain(r[13]);
    const back = await office.request<ReformImportReport>(
      'POST',
      '/api/v1/reforms/projects/import',
      res.body,
      { 'content-type': XLSX, ...en },
    );
    expect(back.body).toEqual({ created: 0, updated: 0, unchanged: 146 });
  });

  it('takes English headers and words, and a Chinese file with every spelling taken before', async () => {
    const sent = await office.request<ReformImportReport>(
      'POST',
      '/api/v1/reforms/projects/import',
      new Uint8Array(
        await writeSheet('Reform ledger', enColumns, [
          { ...project, pilotLevel: 'national', pilotStatus: 'UNDER WAY' },
        ]),
      ),
      { 'content-type': XLSX, ...en },
    );
    expect(sent.body).toEqual({ created: 1, updated: 0, unchanged: 0 });
    expect(await projectOf(project.code)).toMatchObject({
      source: 'national',
      pilotLevel: 'national',
      pilotStatus: 'underway',
    });
    for (const [word, source] of [
      ['重庆市', 'municipal'],
      ['本地', 'local'],
      ['区县', 'local'],
      ['国家', 'national'],
    ] as const) {
      const file = await writeSheet('改革任务台账', ledgerColumns, [
        { ...project, source: word, pilotLevel: '国家级', pilotStatus: '已验收' },
      ]);
      expect((await importFile(file)).status).toBe(200);
      expect(await projectOf(project.code)).toMatchObject({ source, pilotStatus: 'accepted' });
    }
  });

  it('refuses a bad word in the reader’s language, naming the column by its header', async () => {
    const file = new Uint8Array(
      await writeSheet('Reform ledger', enColumns, [{ ...project, code: 'QJGG-EN02', source: 'Provincial' }]),
    );
    type Refusal = {
      detail: string;
      errors: Array<{ path: string; code: string; message: string; params?: object }>;
    };
    const send = (language: string) =>
      office.request<Refusal>('POST', '/api/v1/reforms/projects/import', file, {
        'content-type': XLSX,
        'accept-language': language,
      });
    const english = await send('en');
    expect(english.status).toBe(400);
    expect(english.body.errors).toEqual([
      expect.objectContaining({
        path: 'row 2.source',
        code: 'unknown_choice',
        message: 'No such value: “Provincial”',
        params: expect.objectContaining({ column: 'Source' }),
      }),
    ]);
    expect(english.body.detail).toContain('Row 2 · Source: No such value: “Provincial”');
    const chinese = await send('zh-CN');
    expect(chinese.body.errors[0]).toMatchObject({
      message: '找不到「Provincial」',
      params: expect.objectContaining({ column: '任务来源' }),
    });
    expect(await projectOf('QJGG-EN02')).toBeUndefined();
  });

  it('words the ledger’s own refusals in the reader’s language too', async () => {
    const file = new Uint8Array(
      await writeSheet('Reform ledger', enColumns, [
        {
          ...project,
          code: 'QJGG-EN03',
          list: 'No such list',
        },
        { ...project, code: 'QJGG-EN04', endDate: '2025-01-01', pilotLevel: 'Municipal' },
        { ...project, code: 'QJGG-EN05', coUnits: project.leadUnit },
      ]),
    );
    type Refusal = { errors: Array<{ path: string; message: string }> };
    const send = (language: string) =>
      office.request<Refusal>('POST', '/api/v1/reforms/projects/import', file, {
        'content-type': XLSX,
        'accept-language': language,
      });
    const messages = async (language: string) =>
      Object.fromEntries((await send(language)).body.errors.map((e) => [e.path, e.message]));
    expect(await messages('en')).toEqual({
      'row 2.list': 'No such reform list: “No such list”',
      'row 3.endDate': 'The deadline is before the start',
      'row 3.pilotStatus': 'A pilot has both a level and a status; other projects neither',
      'row 4.coUnits': 'The lead unit cannot also be a co-unit',
    });
    expect(await messages('zh-CN')).toEqual({
      'row 2.list': '找不到改革清单「No such list」',
      'row 3.endDate': '完成时限早于开始时间',
      'row 3.pilotStatus': '试点层级和试点状态须同时填写或同时留空',
      'row 4.coUnits': '牵头单位不能同时是配合单位',
    });
  });
});
