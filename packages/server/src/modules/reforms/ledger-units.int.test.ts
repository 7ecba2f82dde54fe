import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSheet } from '../../excel/workbook.js';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { sheetRows } from '../../test-support/workbook.js';
import type { ReformImportReport, ReformProject } from './contracts.js';
import { ledgerColumns } from './excel.js';
import { freshProject, type Problem, unitId, XLSX } from './test-helpers.js';

/**
 * Units that share a name (a town's and a subdistrict's 社区 of the same name, say) in the ledger's
 * spreadsheet: the export writes such a name with its code, and the import takes it back.
 */
let t: TestContext;
let office: TestClient;
let twin: { id: string; code: string; name: string };
beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users'] });
  office = await t.as('office');
  const made = await office.post<{ id: string; code: string; name: string }>('/api/v1/units', {
    code: 'QJ-S09-C01',
    name: '解放社区',
    kind: 'community',
    parentId: await unitId(t, 'QJ-S01'),
  });
  expect(made.status, JSON.stringify(made.body)).toBe(201);
  twin = made.body;
});
afterAll(() => t.close());

const importFile = (file: Uint8Array | Buffer) =>
  office.request<ReformImportReport & Problem>(
    'POST',
    '/api/v1/reforms/projects/import',
    new Uint8Array(file),
    {
      'content-type': XLSX,
    },
  );

describe('a unit whose name another unit shares, in the ledger', () => {
  it('is exported as its name with its code, the name shown, and imports back unchanged', async () => {
    const project: ReformProject = await freshProject(t, office, []);
    const patched = await office.patch(`/api/v1/reforms/projects/${project.id}`, {
      coUnitIds: [twin.id, await unitId(t, 'QJ-S03-C01'), await unitId(t, 'QJ-D02')],
    });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    const exported = await office.get<Uint8Array>('/api/v1/reforms/projects/export');
    const row = (await sheetRows(exported.body)).find((r) => r[0] === project.code)!;
    const coUnits = String(row[5]).split('、');
    expect(coUnits).toContain('解放社区（QJ-S09-C01）');
    expect(coUnits).toContain('解放社区（QJ-S03-C01）');
    // A name no other unit has is written alone.
    expect(coUnits.filter((w) => !w.includes('（'))).toHaveLength(1);
    const res = await importFile(exported.body);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({ created: 0, updated: 0, unchanged: 1 });
  });

  it('typed as the name alone is refused as ambiguous; with a code of another name, as unknown', async () => {
    const project: ReformProject = await freshProject(t, office, []);
    const row = {
      code: project.code,
      name: project.name,
      list: project.listName,
      source: '区级',
      leadUnit: project.leadUnitName,
      startDate: project.startDate,
      endDate: project.endDate,
    };
    const file = await writeSheet('改革任务台账', ledgerColumns, [
      { ...row, coUnits: '解放社区' },
      { ...row, code: `${project.code}-2`, coUnits: '西山社区（QJ-S09-C01）' },
    ]);
    const res = await importFile(file);
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      // The ledger's own code: only its import takes `name（code）`, so only its words offer it.
      expect.objectContaining({
        path: 'row 2.coUnits',
        code: 'ambiguous_ledger_unit',
        message: '有多个单位叫「解放社区」，请写成「解放社区（单位代码）」或只填单位代码',
      }),
      expect.objectContaining({ path: 'row 3.coUnits', code: 'unknown_unit' }),
    ]);
  });
});
