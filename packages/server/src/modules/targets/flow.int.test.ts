import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { tempFolders } from '../../test-support/temp-folders.js';
import { loadWorkbook, sheetValues } from '../../test-support/workbook.js';
import type { Plan } from './contracts/plans.js';
import type { Report } from './contracts/reports.js';
import type { PublicScorecard, Scorecard } from './contracts/scorecards.js';
import { auditOf, firstIndicators, planBody, staffOf, unitId } from './test-helpers.js';

// A data folder of this file's own, removed after it; the setting is put back for the next file.
const previousDataDir = process.env.QIANXING_DATA_DIR;
process.env.QIANXING_DATA_DIR = tempFolders('qx-targets-')();
afterAll(() => {
  if (previousDataDir === undefined) delete process.env.QIANXING_DATA_DIR;
  else process.env.QIANXING_DATA_DIR = previousDataDir;
});

let t: TestContext;
let office: TestClient;
let dept: TestClient;
let other: TestClient;
beforeAll(async () => {
  t = await createTestContext();
  office = await t.as('office');
  dept = await t.as('dept');
  other = await staffOf(t, 'QJ-D02', 'd02.staff');
});
afterAll(() => t.close());

describe('the catch-up flow, end to end', () => {
  let plan: Plan;
  let report: Report;

  it('a unit writes and submits its plan; another unit can neither read nor change it', async () => {
    const indicators = await firstIndicators(dept, 3);
    const created = await dept.post<Plan>(
      '/api/v1/targets/plans',
      planBody(await unitId(t, 'QJ-D01'), indicators),
    );
    expect(created.status).toBe(201);
    plan = created.body;
    expect(plan.status).toBe('draft');
    expect(plan.contactPhone).toBe('13912345678');
    expect((await other.get(`/api/v1/targets/plans/${plan.id}`)).status).toBe(404);
    expect(
      (await other.put(`/api/v1/targets/plans/${plan.id}`, { items: [], updatedAt: plan.updatedAt })).status,
    ).toBe(404);
    expect((await other.post(`/api/v1/targets/plans/${plan.id}/submit`)).status).toBe(404);
    const list = await other.get<Array<{ id: string }>>('/api/v1/targets/plans');
    expect(list.body.map((p) => p.id)).not.toContain(plan.id);
    const submitted = await dept.post<Plan>(`/api/v1/targets/plans/${plan.id}/submit`);
    expect(submitted.body.status).toBe('submitted');
    expect(await auditOf(t, plan.id)).toEqual(['plan.create', 'plan.submit']);
  });

  it('only the office reviews: it returns with a reason, the unit edits and resubmits, the office approves', async () => {
    expect((await dept.post(`/api/v1/targets/plans/${plan.id}/approve`)).status).toBe(403);
    expect((await (await t.as('supervisor')).post(`/api/v1/targets/plans/${plan.id}/approve`)).status).toBe(
      403,
    );
    const returned = await office.post<Plan>(`/api/v1/targets/plans/${plan.id}/return`, {
      reason: '目标偏低，请提高',
    });
    expect(returned.body.status).toBe('returned');
    expect(returned.body.returnReason).toBe('目标偏低，请提高');
    const edited = await dept.put<Plan>(`/api/v1/targets/plans/${plan.id}`, {
      updatedAt: returned.body.updatedAt,
      contactName: '联络员',
      contactPhone: '13912345678',
      items: plan.items.map(
        ({
          indicatorCode: _c,
          indicatorName: _n,
          measure: _m,
          direction: _d,
          negativeAllowed: _a,
          ...i
        }) => ({
          ...i,
          targets: i.targets.map((x) => (x ?? 0) + 5),
        }),
      ),
    });
    expect(edited.status).toBe(200);
    await dept.post(`/api/v1/targets/plans/${plan.id}/submit`);
    const approved = await office.post<Plan>(`/api/v1/targets/plans/${plan.id}/approve`);
    expect(approved.body.status).toBe('approved');
    plan = approved.body;
    // The refusal names the state the plan is in and the one approval needs, for the page to word.
    expect((await office.post(`/api/v1/targets/plans/${plan.id}/approve`)).body).toMatchObject({
      code: 'INVALID_STATE',
      errors: [
        {
          path: 'status',
          code: 'invalid_transition',
          params: { current: 'approved', wanted: 'submitted', entity: 'targetPlan' },
        },
      ],
    });
    const frozen = await dept.put<{ errors: unknown[] }>(`/api/v1/targets/plans/${plan.id}`, {
      items: [],
      updatedAt: plan.updatedAt,
    });
    expect(frozen.status).toBe(422);
    expect(frozen.body.errors).toEqual([
      expect.objectContaining({
        code: 'invalid_transition',
        params: { current: 'approved', wanted: 'draft,returned', entity: 'targetPlan' },
      }),
    ]);
    const list = await office.get<Array<{ id: string; contactPhone: string }>>('/api/v1/targets/plans');
    expect(list.body.find((p) => p.id === plan.id)!.contactPhone).toBe('139****5678');
    expect(await auditOf(t, plan.id)).toEqual([
      'plan.create',
      'plan.submit',
      'plan.return',
      'plan.update',
      'plan.submit',
      'plan.approve',
    ]);
  });

  it('the unit reports the quarter with evidence; late submission is flagged', async () => {
    const created = await dept.post<Report>('/api/v1/targets/reports', {
      planId: plan.id,
      period: '2026Q3',
      values: plan.items.map((i) => ({ indicatorId: i.indicatorId, value: i.targets[2] })),
    });
    expect(created.status).toBe(201);
    report = created.body;
    expect(report.deadline).toBe('2026-10-20');
    const form = new FormData();
    form.set('file', new File([new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31])], '佐证.pdf'));
    const res = await t.app.request(`/api/v1/targets/reports/${report.id}/evidence`, {
      method: 'POST',
      body: form,
      headers: { cookie: (dept as unknown as { cookie: string }).cookie, 'x-csrf-token': dept.csrf },
    });
    expect(res.status).toBe(201);
    const evidence = (await res.json()) as { id: string };
    expect((await dept.get(`/api/v1/targets/evidence/${evidence.id}`)).status).toBe(200);
    expect((await other.get(`/api/v1/targets/evidence/${evidence.id}`)).status).toBe(404);
    expect((await other.get(`/api/v1/targets/reports/${report.id}`)).status).toBe(404);
    const fake = new FormData();
    fake.set('file', new File(['<html>'], 'x.pdf'));
    const refused = await t.app.request(`/api/v1/targets/reports/${report.id}/evidence`, {
      method: 'POST',
      body: fake,
      headers: { cookie: (dept as unknown as { cookie: string }).cookie, 'x-csrf-token': dept.csrf },
    });
    expect(refused.status).toBe(415);
    const submitted = await dept.post<Report>(`/api/v1/targets/reports/${report.id}/submit`);
    expect(submitted.body.status).toBe('submitted');
    // Today (in these tests' clock) is after 20 October 2026, the 10th working day after Q3.
    expect(submitted.body.late).toBe(new Date() > new Date('2026-10-20T16:00:00Z'));
    expect(await auditOf(t, report.id)).toEqual(['report.create', 'report.submit']);
  });

  it('the office computes and publishes; the public endpoint shows the unit ranked', async () => {
    expect((await dept.post('/api/v1/targets/scorecards', { period: '2026Q3' })).status).toBe(403);
    const draft = await office.post<Scorecard>('/api/v1/targets/scorecards', { period: '2026Q3' });
    expect(draft.status).toBe(200);
    expect(draft.body.status).toBe('draft');
    const before = await t.client().get<PublicScorecard>('/api/v1/public/scorecards/latest');
    expect(before.body.period).toBe('2026Q2');
    expect((await t.client().get(`/api/v1/targets/scorecards/${draft.body.id}`)).status).toBe(401);
    expect((await dept.post(`/api/v1/targets/scorecards/${draft.body.id}/publish`)).status).toBe(403);
    const published = await office.post<Scorecard>(`/api/v1/targets/scorecards/${draft.body.id}/publish`);
    expect(published.body.status).toBe('published');
    expect(await auditOf(t, draft.body.id)).toEqual(['scorecard.compute', 'scorecard.publish']);
    const latest = await t.client().get<PublicScorecard>('/api/v1/public/scorecards/latest');
    expect(latest.status).toBe(200);
    expect(latest.body.period).toBe('2026Q3');
    const departments = latest.body.categories.find((c) => c.category === 'department')!;
    const mine = departments.units.find((u) => u.unitId === plan.unitId)!;
    // No report last quarter (an approved plan only): listed as 未报送 then, not scored 0 and
    // ranked last, so now it is new to the ranking rather than risen 24 places.
    expect(mine).toMatchObject({
      unitName: '区发展改革委',
      score: 100,
      rankDelta: null,
      newEntrant: true,
      progressed: false,
    });
    // Ties at 100.00 are broken, not shared: places run 1, 2, 3, … and those above it also score 100.
    expect(departments.units.map((u) => u.rank)).toEqual(departments.units.map((_, k) => k + 1));
    expect(departments.units.filter((u) => u.rank < mine.rank).every((u) => u.score === 100)).toBe(true);
    const tied = draft.body.result.categories
      .find((c) => c.category === 'department')!
      .units.filter((u) => u.score === 100);
    for (let k = 1; k < tied.length; k++) {
      const [a, b] = [tied[k - 1]!, tied[k]!];
      expect(
        a.reachedTarget! > b.reachedTarget! ||
          (a.reachedTarget === b.reachedTarget && (a.submittedAt ?? '') <= (b.submittedAt ?? '\uffff')),
      ).toBe(true);
    }
    expect(Object.keys(mine).sort()).toEqual([
      'newEntrant',
      'progressed',
      'rank',
      'rankDelta',
      'score',
      'tier',
      'unitId',
      'unitName',
    ]);
    expect(latest.body.categories.map((c) => c.category)).toEqual(['department', 'town']);
    const again = await office.post<{ errors: unknown[] }>('/api/v1/targets/scorecards', {
      period: '2026Q3',
    });
    expect(again.status).toBe(422);
    expect(again.body.errors).toEqual([
      expect.objectContaining({ path: 'period', code: 'scorecard_published', params: { period: '2026Q3' } }),
    ]);
  });

  it('exports the unit results for cadre evaluation, to the unit but not to another unit', async () => {
    const id = await unitId(t, 'QJ-D01');
    const mine = await dept.get<Uint8Array>(`/api/v1/targets/evaluation/units/${id}?year=2026`);
    expect(mine.status).toBe(200);
    expect(mine.body.byteLength).toBeGreaterThan(1000);
    expect((await other.get(`/api/v1/targets/evaluation/units/${id}?year=2026`)).status).toBe(404);
    expect((await dept.get('/api/v1/targets/evaluation/summary?year=2026')).status).toBe(403);
    expect((await office.get('/api/v1/targets/evaluation/summary?year=2026')).status).toBe(200);
  });

  it("exports a unit's quarters in the reader's language, its code kept for the assessment system", async () => {
    const id = await unitId(t, 'QJ-D01');
    const download = async (language: string) => {
      const res = await dept.request<Uint8Array>(
        'GET',
        `/api/v1/targets/evaluation/units/${id}?year=2026`,
        undefined,
        { 'accept-language': language },
      );
      expect(res.status).toBe(200);
      const book = await loadWorkbook(res.body);
      return { res, name: book.worksheets[0]!.name, rows: await sheetValues(book) };
    };
    const zh = await download('zh-CN');
    expect(zh.res.headers.get('content-disposition')).toContain(encodeURIComponent('2026年度晾晒明细.xlsx'));
    expect(zh.name).toBe('2026年季度晾晒');
    expect(zh.rows[0]!.slice(0, 4)).toEqual(['季度', '单位编码', '单位名称', '类别']);
    expect(zh.rows[1]!.slice(1, 4)).toEqual(['QJ-D01', '区发展改革委', '区级部门']);
    const en = await download('en');
    expect(en.res.headers.get('content-disposition')).toContain("''evaluation-2026.xlsx");
    expect(en.name).toBe('2026 quarters');
    expect(en.rows[0]!.slice(0, 7)).toEqual([
      'Quarter',
      'Unit code',
      'Unit',
      'Category',
      'Rank',
      'Score',
      'Tier',
    ]);
    expect(en.rows[1]![3]).toBe('Departments');
    expect(['Advanced', 'Standard', 'To rectify']).toContain(en.rows[1]![6]);
    expect(['Yes', 'No']).toContain(en.rows[1]![7]);
  });

  it("sums the year up in the reader's language, units by name and never by code", async () => {
    const download = async (language: string) => {
      const res = await office.request<Uint8Array>(
        'GET',
        '/api/v1/targets/evaluation/summary?year=2026',
        undefined,
        {
          'accept-language': language,
        },
      );
      expect(res.status).toBe(200);
      const book = await loadWorkbook(res.body);
      return { res, name: book.worksheets[0]!.name, rows: await sheetValues(book) };
    };
    const zh = await download('zh-CN');
    expect(zh.res.headers.get('content-disposition')).toContain(encodeURIComponent('2026年度晾晒汇总.xlsx'));
    expect(zh.name).toBe('2026年度汇总');
    expect(zh.rows[0]!.slice(0, 3)).toEqual(['单位名称', '类别', '一季度']);
    expect(zh.rows.slice(1).map((r) => r[1])).toContain('区级部门');
    const en = await download('en');
    expect(en.res.headers.get('content-disposition')).toContain("''evaluation-summary-2026.xlsx");
    expect(en.name).toBe('2026 summary');
    expect(en.rows[0]).toEqual([
      'Unit',
      'Category',
      'Q1',
      'Q2',
      'Q3',
      'Q4',
      'Mean score',
      'Quarters not ranked',
      'Times advanced',
      'Times to rectify',
      'Times late',
    ]);
    expect(en.rows.slice(1).map((r) => r[1])).toContain('Departments');
    expect(en.rows.slice(1).map((r) => r[0])).toContain('区发展改革委');
    for (const { rows } of [zh, en]) expect(JSON.stringify(rows)).not.toMatch(/QJ-[A-Z]/);
  });
});
