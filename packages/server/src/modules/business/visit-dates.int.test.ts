import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInChina } from '../../kernel/deadlines.js';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { unitByCode } from '../units/api.js';
import type { LiaisonPage } from './contracts-liaison.js';
import type { RequestDetail } from './contracts-requests.js';
import { businessLiaisonPairs, businessLiaisonVisits, businessRectifications } from './schema.js';
import type { Problem } from './test-helpers.js';

let t: TestContext;
let firm: TestClient;
let office: TestClient;
let dept: TestClient;
let cadre: TestClient;
let d01: string;

beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users', 'business'] });
  firm = await t.as('firm1');
  office = await t.as('office');
  dept = await t.as('dept');
  cadre = await t.as('cadre');
  d01 = (await unitByCode(t.database.db, 'QJ-D01'))!.id;
});
afterAll(() => t.close());

/** The day before an ISO date. */
const dayBefore = (day: string) =>
  new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

describe('回访: the date of a return visit', () => {
  it('is refused before the rating that opened the rectification, and shown in the timeline once recorded', async () => {
    const raised = await firm.post<RequestDetail>('/api/v1/business/requests', {
      categoryCode: 'approval',
      title: '环评批复办理进度',
      body: '我司新建项目环评报告已提交一个月，请问批复进度。',
    });
    const id = raised.body.id;
    await office.post(`/api/v1/business/requests/${id}/route`, { departmentId: d01 });
    const answered = await dept.post<RequestDetail>(`/api/v1/business/requests/${id}/answer`, {
      body: '已催办。',
    });
    const rated = await firm.post<RequestDetail>(
      `/api/v1/business/answers/${answered.body.answers[0]!.id}/rating`,
      { score: 1, comment: '没有解决问题' },
    );
    const rect = rated.body.rectifications[0]!;
    const ratedOn = todayInChina();
    for (const visitedOn of ['2025-01-06', dayBefore(ratedOn)]) {
      const res = await dept.post<Problem>(`/api/v1/business/rectifications/${rect.id}/visit`, {
        visitedOn,
        note: '上门回访',
      });
      expect(res.status).toBe(400);
      expect(res.body.errors?.[0]).toMatchObject({
        path: 'visitedOn',
        code: 'date_before_rating',
        params: { date: ratedOn },
      });
    }
    const [open] = await t.database.db
      .select()
      .from(businessRectifications)
      .where(eq(businessRectifications.id, rect.id));
    expect(open!.visitedOn).toBeNull();
    const ok = await dept.post<RequestDetail>(`/api/v1/business/rectifications/${rect.id}/visit`, {
      visitedOn: ratedOn,
      note: '上门回访',
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.timeline.at(-1)).toMatchObject({ kind: 'return_visit', data: { visitedOn: ratedOn } });
  });
});

describe('百名干部联千企: the date of a visit', () => {
  it('is refused before the cadre was paired with the firm', async () => {
    const own = (await cadre.get<LiaisonPage>('/api/v1/business/liaison?pageSize=200')).body;
    const firmId = own.items[0]!.firmId;
    const [pair] = await t.database.db
      .select({ pairedOn: businessLiaisonPairs.pairedOn })
      .from(businessLiaisonPairs)
      .where(and(eq(businessLiaisonPairs.firmId, firmId), isNull(businessLiaisonPairs.endedOn)));
    const before = (await t.database.db.select().from(businessLiaisonVisits)).length;
    const res = await cadre.post<Problem>(`/api/v1/business/firms/${firmId}/visits`, {
      visitedOn: dayBefore(pair!.pairedOn),
      attendees: '企业负责人',
      topics: '了解生产经营情况',
    });
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]).toMatchObject({
      path: 'visitedOn',
      code: 'date_before_pairing',
      params: { date: pair!.pairedOn },
    });
    expect((await t.database.db.select().from(businessLiaisonVisits)).length).toBe(before);
    const onTheDay = await cadre.post(`/api/v1/business/firms/${firmId}/visits`, {
      visitedOn: pair!.pairedOn,
      attendees: '企业负责人',
      topics: '了解生产经营情况',
    });
    expect(onTheDay.status).toBe(201);
  });
});
