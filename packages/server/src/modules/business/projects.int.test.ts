import { yiYuan } from '@qianxing/core/business';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { sheetCell, sheetNames, sheetRows } from '../../test-support/workbook.js';
import { unitByCode } from '../units/api.js';
import { userIdByLogin } from '../users/api.js';
import type { InvestmentDashboard, ProjectDetail, ProjectList } from './contracts-projects.js';
import type { Problem } from './test-helpers.js';

let t: TestContext;
let office: TestClient;
let dept: TestClient;
let supervisor: TestClient;
beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users', 'business'] });
  [office, dept, supervisor] = await Promise.all([t.as('office'), t.as('dept'), t.as('supervisor')]);
});
afterAll(() => t.close());

const dash = (q: string, client = office) =>
  client.get<InvestmentDashboard>(`/api/v1/business/investment-dashboard?${q}`);

describe('招商引资: the demo reproduces what the district reported', () => {
  it('January–February 2026: 7 projects for 11.55 亿元 (+27.2 %), 11.7 亿元 in place (+66.4 %)', async () => {
    const res = await dash('year=2026&through=2');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const { signedCount, signedAmount, funds } = res.body.ytd;
    expect(signedCount.value).toBe(7);
    expect(yiYuan(signedAmount.value)).toBe('11.55');
    expect(yiYuan(signedAmount.lastYear)).toBe('9.08');
    expect(signedAmount.yoy!.toFixed(1)).toBe('27.2');
    expect(yiYuan(funds.value)).toBe('11.70');
    expect(yiYuan(funds.lastYear)).toBe('7.03');
    expect(funds.yoy!.toFixed(1)).toBe('66.4');
  });

  it('the first quarter of 2026: 1,240 new market entities against 1,075', async () => {
    const { entities } = (await dash('year=2026&through=3')).body.ytd;
    expect(entities).toMatchObject({ value: 1240, lastYear: 1075 });
    // No whole count a year before gives exactly +15.4 % (1,074 → +15.5 %, 1,075 → +15.3 %).
    expect(Math.abs(entities.yoy! - 15.4)).toBeLessThan(0.1);
  });

  it('shortens the landing cycle from 2025 to 2026, and flags stalled projects', async () => {
    const { landing, stalled } = (await dash('year=2026&by=year&baselineYear=2025')).body;
    const [y2025, y2026] = ['2025', '2026'].map((y) => landing.periods.find((p) => p.period === y)!);
    expect(y2025!.projects).toBeGreaterThan(2);
    expect(y2026!.medianDays!).toBeLessThan(y2025!.medianDays!);
    expect(landing.baselineDays).toBe(y2025!.medianDays);
    expect(y2026!.change!).toBeLessThan(0);
    expect(landing.targetCut).toBe(40);
    expect(stalled).toBeGreaterThan(0);
  });
});

describe('招商引资: projects, stages and funds', () => {
  let project: ProjectDetail;
  beforeAll(async () => {
    const res = await office.post<ProjectDetail>('/api/v1/business/projects', {
      name: '测试智能装备项目',
      investor: '重庆测试实业有限公司',
      amount: 25000,
      chainCode: 'manufacturing',
      commissionerId: await userIdByLogin(t.database.db, 'dept'),
      leadUnitId: (await unitByCode(t.database.db, 'QJ-D02'))!.id,
      signedOn: '2026-03-02',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    project = res.body;
  });
  const url = () => `/api/v1/business/projects/${project.id}`;

  it('shows names, never codes', () => {
    expect(project).toMatchObject({
      chainName: '智能制造',
      commissionerName: '发展改革委 经办人',
      stage: 'signed',
    });
    expect(project.leadUnitName).toBe('区经济信息委');
  });

  it('lets the commissioner record stages in order, and refuses one out of order writing nothing', async () => {
    let res = await dept.post<ProjectDetail>(`${url()}/stages`, {
      stage: 'registered',
      reachedOn: '2026-03-20',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const early = await dept.post<Problem>(`${url()}/stages`, { stage: 'started', reachedOn: '2026-03-19' });
    expect(early.status).toBe(400);
    expect(early.body.errors).toEqual([
      expect.objectContaining({
        path: 'reachedOn',
        code: 'before_previous_stage',
        params: { date: '2026-03-20' },
      }),
    ]);
    const gap = await dept.post<Problem>(`${url()}/stages`, { stage: 'producing', reachedOn: '2026-09-01' });
    expect(gap.body.errors?.[0]?.code).toBe('previous_stage_missing');
    res = await dept.get<ProjectDetail>(url());
    expect(res.body.history).toHaveLength(1);
    expect(res.body.stage).toBe('registered');
  });

  it('corrects a stage with a new entry, the latest counting and the first kept', async () => {
    await office.post(`${url()}/stages`, { stage: 'started', reachedOn: '2026-05-10' });
    const late = await office.post<Problem>(`${url()}/stages`, {
      stage: 'registered',
      reachedOn: '2026-06-01',
    });
    expect(late.body.errors?.[0]?.code).toBe('after_next_stage');
    const res = await office.post<ProjectDetail>(`${url()}/stages`, {
      stage: 'registered',
      reachedOn: '2026-03-25',
      note: '以营业执照日期为准',
    });
    expect(res.body.stages.registered).toBe('2026-03-25');
    expect(res.body.history.map((h) => [h.stage, h.reachedOn, h.current])).toEqual([
      ['registered', '2026-03-20', false],
      ['registered', '2026-03-25', true],
      ['started', '2026-05-10', true],
    ]);
    const moved = await office.patch<Problem>(url(), { signedOn: '2026-04-01' });
    expect(moved.status).toBe(400);
    expect(moved.body.errors?.[0]).toMatchObject({ path: 'signedOn', code: 'after_next_stage' });
  });

  it('counts the landing cycle in calendar days once in production', async () => {
    const res = await dept.post<ProjectDetail>(`${url()}/stages`, {
      stage: 'producing',
      reachedOn: '2026-11-28',
    });
    expect(res.body.landingDays).toBe(271);
  });

  it('adds funds up, never before signing', async () => {
    await dept.post(`${url()}/funds`, { receivedOn: '2026-04-10', amount: 3000 });
    const res = await office.post<ProjectDetail>(`${url()}/funds`, {
      receivedOn: '2026-05-10',
      amount: 2000,
    });
    expect(res.body.funds.map((f) => f.cumulative)).toEqual([3000, 5000]);
    expect(res.body.fundsInPlace).toBe(5000);
    const early = await dept.post<Problem>(`${url()}/funds`, { receivedOn: '2026-03-01', amount: 1 });
    expect(early.body.errors?.[0]).toMatchObject({ code: 'before_signing', params: { date: '2026-03-02' } });
  });

  it('lets supervisors read but not record, another commissioner not see it, firms nothing', async () => {
    expect((await supervisor.get(url())).status).toBe(200);
    expect((await supervisor.post(`${url()}/funds`, { receivedOn: '2026-06-01', amount: 1 })).status).toBe(
      403,
    );
    const other = await t.as('invest1');
    expect((await other.get(url())).status).toBe(404);
    expect(
      (await other.post(`${url()}/stages`, { stage: 'effective', reachedOn: '2026-12-01' })).status,
    ).toBe(404);
    const own = (await other.get<ProjectList>('/api/v1/business/projects')).body;
    expect(own.items.length).toBeGreaterThan(0);
    expect(own.items.every((p) => p.commissionerName.includes('王磊'))).toBe(true);
    expect(own.actions.create).toBe(false);
    const firm = await t.as('firm1');
    expect((await firm.get('/api/v1/business/projects')).status).toBe(403);
    expect((await firm.get(url())).status).toBe(403);
    expect((await dept.patch(url(), { amount: 1 })).status).toBe(403);
  });

  it('refuses references that do not exist, every one at once', async () => {
    const res = await office.post<Problem>('/api/v1/business/projects', {
      name: '坏项目',
      investor: '某公司',
      amount: 1,
      chainCode: 'nope',
      commissionerId: await userIdByLogin(t.database.db, 'firm1'),
      leadUnitId: crypto.randomUUID(),
      signedOn: '2026-01-01',
    });
    expect(res.status).toBe(400);
    expect(res.body.errors?.map((e) => e.code).sort()).toEqual([
      'not_a_commissioner',
      'unknown_chain',
      'unknown_unit',
    ]);
  });
});

describe('招商引资: the office keeps the district figures', () => {
  it('sets a month of new market entities, which the dashboard then counts', async () => {
    expect((await supervisor.put('/api/v1/business/market-entities/2026-12', { count: 400 })).status).toBe(
      403,
    );
    const res = await office.put('/api/v1/business/market-entities/2026-12', { count: 410 });
    expect(res.status).toBe(200);
    expect((await dash('year=2026&through=12')).body.months[11]!.entities).toBe(410);
    expect((await office.put('/api/v1/business/market-entities/2026-13', { count: 1 })).status).toBe(400);
  });

  it('flags more projects stalled under tighter limits', async () => {
    const before = (await dash('year=2026')).body.stalled;
    const tight = { stallDays: { registered: 1, started: 1, producing: 1, effective: 1 } };
    expect((await supervisor.put('/api/v1/business/project-settings', tight)).status).toBe(403);
    expect((await office.put('/api/v1/business/project-settings', tight)).status).toBe(200);
    const list = (await office.get<ProjectList>('/api/v1/business/projects?stalled=true')).body;
    expect(list.items.length).toBeGreaterThan(before);
    expect((await dash('year=2026', supervisor)).body.stalled).toBe(list.items.length);
    expect((await dept.get('/api/v1/business/investment-dashboard')).status).toBe(403);
  });
});

describe('招商引资: the list as a workbook', () => {
  it('exports what the filters show, with names and stages in words', async () => {
    const res = await office.get<Uint8Array>('/api/v1/business/projects/export?q=测试智能装备');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain(encodeURIComponent('招商引资项目.xlsx'));
    expect(await sheetNames(res.body)).toEqual(['招商引资项目']);
    const rows = await sheetRows(res.body);
    expect(rows[0]!.slice(0, 4)).toEqual(['项目名称', '投资方', '签约金额（亿元）', '产业链']);
    expect(rows).toHaveLength(2);
    expect(rows[1]).toEqual(
      expect.arrayContaining([
        '测试智能装备项目',
        '智能制造',
        '发展改革委 经办人',
        '区经济信息委',
        '投产',
        '271',
      ]),
    );
    // 亿元 as the page shows them: 25000 万元 signed, 5000 万元 in place, two decimals shown.
    expect(await sheetCell(res.body, 'C2')).toEqual({ value: 2.5, numFmt: '0.00' });
    expect(await sheetCell(res.body, 'N2')).toEqual({ value: 0.5, numFmt: '0.00' });
    expect(rows[0]![13]).toBe('到位资金（亿元）');

    const en = await office.request<Uint8Array>(
      'GET',
      '/api/v1/business/projects/export?q=测试智能装备',
      undefined,
      { 'accept-language': 'en' },
    );
    expect(en.status).toBe(200);
    expect(en.headers.get('content-disposition')).toContain("''investment-projects.xlsx");
    expect(await sheetNames(en.body)).toEqual(['Investment projects']);
    const enRows = await sheetRows(en.body);
    expect(enRows[0]!.slice(0, 4)).toEqual([
      'Project',
      'Investor',
      'Amount signed (100 million yuan)',
      'Industrial chain',
    ]);
    expect(enRows[0]![13]).toBe('Funds in place (100 million yuan)');
    expect(enRows[1]).toEqual(
      expect.arrayContaining(['测试智能装备项目', 'Smart manufacturing', 'In production']),
    );
    expect(await sheetCell(en.body, 'C2')).toEqual({ value: 2.5, numFmt: '0.00' });
    expect((await (await t.as('firm1')).get('/api/v1/business/projects/export')).status).toBe(403);
  });
});
