import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSheet } from '../../excel/workbook.js';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import type { ReformImportReport, ReformProject, ReformProjectSummary } from './contracts.js';
import { ledgerColumns } from './excel.js';
import { staffOf, unitId, XLSX } from './test-helpers.js';

let t: TestContext;
let office: TestClient;
let dept: TestClient;
let d02: TestClient;
let d03: TestClient;
let listId: string;

beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users'] });
  office = await t.as('office');
  dept = await t.as('dept');
  d02 = await staffOf(t, 'QJ-D02', 'reform.d02');
  d03 = await staffOf(t, 'QJ-D03', 'reform.d03');
  listId = (await office.post<{ id: string }>('/api/v1/reforms/lists', { name: '通知测试清单' })).body.id;
});
afterAll(() => t.close());

type Notice = { key: string; params: Record<string, unknown> };
const inbox = async (client: TestClient, key: string) =>
  (await client.get<Notice[]>('/api/v1/inbox')).body.filter((n) => n.key === key).map((n) => n.params);
const assigned = (client: TestClient) => inbox(client, 'reforms.notice.assigned');
const coAssigned = (client: TestClient) => inbox(client, 'reforms.notice.coAssigned');
const byProject = (id: string) => (notices: Array<Record<string, unknown>>) =>
  notices.filter((n) => n.projectId === id);

describe('a project the reform office creates', () => {
  it('tells the lead unit’s staff it is theirs to lead, and each co-unit’s that it works on it; no one else', async () => {
    const created = await office.post<ReformProject>('/api/v1/reforms/projects', {
      code: 'QJGG-N001',
      name: '政务服务一窗通办',
      listId,
      source: 'local',
      leadUnitId: await unitId(t, 'QJ-D01'),
      coUnitIds: [await unitId(t, 'QJ-D02')],
      startDate: '2026-01-01',
      endDate: '2026-12-31',
    });
    expect(created.status).toBe(201);
    const project = { projectId: created.body.id, projectName: '政务服务一窗通办', endDate: '2026-12-31' };
    expect(await assigned(dept)).toEqual([project]);
    expect(await coAssigned(dept)).toEqual([]);
    expect(await coAssigned(d02)).toEqual([{ ...project, leadUnitName: created.body.leadUnitName }]);
    expect(await assigned(d02)).toEqual([]);
    expect(byProject(created.body.id)([...(await assigned(d03)), ...(await coAssigned(d03))])).toEqual([]);
    expect(await coAssigned(office)).toEqual([]);
  });

  it('tells a co-unit added later, not one it already had, nor the lead unit that added it', async () => {
    const [project] = (
      await office.get<{ items: ReformProjectSummary[] }>('/api/v1/reforms/projects?q=QJGG-N001')
    ).body.items;
    const res = await dept.patch<ReformProject>(`/api/v1/reforms/projects/${project!.id}`, {
      coUnitIds: [await unitId(t, 'QJ-D02'), await unitId(t, 'QJ-D03')],
    });
    expect(res.status).toBe(200);
    expect(await coAssigned(d03)).toEqual([
      expect.objectContaining({ projectId: project!.id, leadUnitName: res.body.leadUnitName }),
    ]);
    expect(byProject(project!.id)(await coAssigned(d02))).toHaveLength(1);
    expect(await coAssigned(dept)).toEqual([]);
  });
});

describe('projects the ledger’s import creates', () => {
  it('tell each lead unit’s and co-unit’s staff once per project, and nothing when imported again', async () => {
    const row = (code: string, name: string) => ({
      code,
      name,
      list: '通知测试清单',
      source: '区级',
      leadUnit: 'QJ-D03',
      coUnits: 'QJ-D02',
      startDate: '2026-03-01',
      endDate: '2027-03-01',
    });
    const file = await writeSheet('改革任务台账', ledgerColumns, [
      row('QJGG-N101', '导入项目一'),
      row('QJGG-N102', '导入项目二'),
    ]);
    const send = () =>
      office.request<ReformImportReport>('POST', '/api/v1/reforms/projects/import', new Uint8Array(file), {
        'content-type': XLSX,
      });
    expect((await send()).body).toEqual({ created: 2, updated: 0, unchanged: 0 });
    const names = (notices: Array<Record<string, unknown>>) => notices.map((n) => n.projectName).sort();
    expect(names(await assigned(d03))).toEqual(['导入项目一', '导入项目二']);
    expect(await assigned(d03)).toContainEqual(expect.objectContaining({ endDate: '2027-03-01' }));
    expect(names(await coAssigned(d02))).toEqual(['导入项目一', '导入项目二', '政务服务一窗通办']);
    expect((await send()).body).toEqual({ created: 0, updated: 0, unchanged: 2 });
    expect(await assigned(d03)).toHaveLength(2);
    expect(await coAssigned(d02)).toHaveLength(3);
    expect(await assigned(office)).toEqual([]);
  });
});
