import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSheet } from '../../excel/workbook.js';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
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

async function rowsOf(bytes: Uint8Array): Promise<string[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const rows: string[][] = [];
  book.worksheets[0]!.eachRow((row) => {
    rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? '')));
  });
  return rows;
}

const importFile = (file: Uint8Array | Buffer) =>
  office.request<ReformImportReport>('POST', '/api/v1/reforms/projects/import', new Uint8Array(file), {
    'content-type': XLSX,
  });

describe('the ledger as a spreadsheet', () => {
  it('exports one row per project with list, lead unit, milestones done of total, percentage and status', async () => {
    const res = await (await t.as('dept')).get<Uint8Array>('/api/v1/reforms/projects/export');
    expect(res.status).toBe(200);
    const [header, ...rows] = await rowsOf(res.body);
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
    expect((await rowsOf(template.body))[0]).toEqual(ledgerColumns.slice(0, 11).map((c) => c.header));
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
