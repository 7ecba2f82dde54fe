import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../audit/schema.js';
import { todayInChina } from '../../kernel/deadlines.js';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { signedIn } from '../../test-support/factories.js';
import { unitByCode } from '../units/api.js';
import type { RequestDetail, RequestPage } from './contracts-requests.js';
import { businessRatings, businessRequestEvents, businessRequests } from './schema.js';
import type { Problem } from './test-helpers.js';

let t: TestContext;
let firm1: TestClient;
let firm2: TestClient;
let office: TestClient;
let dept: TestClient;
let otherDept: TestClient;
let supervisor: TestClient;
let d01: string;

beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users', 'business'] });
  firm1 = await t.as('firm1');
  firm2 = await t.as('firm2');
  office = await t.as('office');
  dept = await t.as('dept');
  supervisor = await t.as('supervisor');
  d01 = (await unitByCode(t.database.db, 'QJ-D01'))!.id;
  const d02 = (await unitByCode(t.database.db, 'QJ-D02'))!;
  otherDept = await signedIn(t, 'department_staff', d02);
});
afterAll(() => t.close());

const raise = (client: TestClient, extra: Record<string, unknown> = {}) =>
  client.post<RequestDetail>('/api/v1/business/requests', {
    categoryCode: 'approval',
    title: '技改项目备案进度咨询',
    body: '我司计划投资800万元实施生产线技术改造，已提交备案，请问还需补充哪些材料。',
    ...extra,
  });

const rows = async (table: typeof businessRatings | typeof businessRequestEvents, requestId: string) => {
  const [r] = await t.database.db.select({ n: count() }).from(table).where(eq(table.requestId, requestId));
  return r!.n;
};

describe('企业点题 → 部门答题 → 好差评', () => {
  it('runs the whole loop, with a bad rating rectified and rated again', async () => {
    const raised = await raise(firm1);
    expect(raised.status, JSON.stringify(raised.body)).toBe(201);
    const id = raised.body.id;
    expect(raised.body.status).toBe('submitted');
    expect(raised.body.actions.route).toBe(false);

    // The office sees the text engine's suggestion and routes the request to 区发展改革委.
    const seen = await office.get<RequestDetail>(`/api/v1/business/requests/${id}`);
    expect(seen.body.actions.route).toBe(true);
    // Trained (in a worker thread) on the demo's routings: some department, with a confidence.
    expect(seen.body.suggestedDepartmentName).toEqual(expect.any(String));
    expect(seen.body.suggestionConfidence).toBeGreaterThan(0);
    expect(seen.body.suggestionConfidence).toBeLessThanOrEqual(1);
    const routed = await office.post<RequestDetail>(`/api/v1/business/requests/${id}/route`, {
      departmentId: d01,
    });
    expect(routed.status, JSON.stringify(routed.body)).toBe(200);
    expect(routed.body.status).toBe('routed');
    expect(routed.body.departmentName).toBe('区发展改革委');
    expect(routed.body.dueOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(routed.body.workdaysLeft).toBe(5);

    // The department sees it in its inbox, asks for more time, the office approves.
    const inbox = await dept.get<RequestPage>('/api/v1/business/requests?status=routed');
    expect(inbox.body.items.map((i) => i.id)).toContain(id);
    const asked = await dept.post<RequestDetail>(`/api/v1/business/requests/${id}/extensions`, {
      workdays: 3,
      reason: '需会同规划部门现场核实',
    });
    expect(asked.status, JSON.stringify(asked.body)).toBe(200);
    const ext = asked.body.extensions[0]!;
    const decided = await office.post<RequestDetail>(`/api/v1/business/extensions/${ext.id}/decision`, {
      approve: true,
      note: '同意延期',
    });
    expect(decided.status).toBe(200);
    expect(decided.body.workdaysLeft).toBe(8);
    expect(decided.body.extensions[0]!.dueAfter).toBe(decided.body.dueOn);

    const answered = await dept.post<RequestDetail>(`/api/v1/business/requests/${id}/answer`, {
      body: '已安排专人对接，备案材料清单已发送。',
    });
    expect(answered.body.status).toBe('answered');
    const answerId = answered.body.answers[0]!.id;

    // The firm rates it 不满意: a rectification opens, due in 15 working days.
    const rated = await firm1.post<RequestDetail>(`/api/v1/business/answers/${answerId}/rating`, {
      score: 2,
      comment: '答复敷衍',
    });
    expect(rated.status, JSON.stringify(rated.body)).toBe(200);
    expect(rated.body.status).toBe('rectifying');
    expect(rated.body.workdaysLeft).toBe(15);
    const rect = rated.body.rectifications[0]!;
    expect(rect.status).toBe('open');

    // A second rating of the same answer is a conflict, and writes nothing.
    const again = await firm1.post<Problem>(`/api/v1/business/answers/${answerId}/rating`, { score: 5 });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('CONFLICT');
    expect(await rows(businessRatings, id)).toBe(1);

    // The result needs the return visit first.
    const early = await dept.post<Problem>(`/api/v1/business/rectifications/${rect.id}/result`, {
      body: '已整改',
    });
    expect(early.status).toBe(422);
    const visited = await dept.post<RequestDetail>(`/api/v1/business/rectifications/${rect.id}/visit`, {
      visitedOn: todayInChina(new Date(rated.body.timeline.at(-1)!.at)),
      note: '上门回访，企业反映材料清单不清楚',
    });
    expect(visited.status, JSON.stringify(visited.body)).toBe(200);
    const done = await dept.post<RequestDetail>(`/api/v1/business/rectifications/${rect.id}/result`, {
      body: '已重新核定办理方案并加快办理，相关事项已办结。',
    });
    expect(done.body.status).toBe('answered');
    expect(done.body.answers.map((a) => a.kind)).toEqual(['answer', 'rectification']);

    const rerated = await firm1.post<RequestDetail>(
      `/api/v1/business/answers/${done.body.answers[1]!.id}/rating`,
      { score: 4 },
    );
    expect(rerated.body.status).toBe('closed');
    expect(rerated.body.answers.map((a) => a.rating?.score)).toEqual([2, 4]);
    expect(rerated.body.timeline.map((e) => e.kind)).toEqual([
      'raised',
      'routed',
      'extension_requested',
      'extension_approved',
      'answered',
      'rated',
      'rectification_opened',
      'return_visit',
      'rectified',
      'rated',
    ]);
    const [audited] = await t.database.db
      .select({ n: count() })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, 'businessRequest'), eq(auditEvents.entityId, id)));
    expect(audited!.n).toBe(9);

    // The supervisor reads the whole trail and may act on none of it.
    const read = await supervisor.get<RequestDetail>(`/api/v1/business/requests/${id}`);
    expect(read.status).toBe(200);
    expect(Object.values(read.body.actions).every((a) => a === false)).toBe(true);
  });

  it('lets the department appeal a bad rating, and the office uphold it', async () => {
    const id = (await raise(firm1)).body.id;
    await office.post(`/api/v1/business/requests/${id}/route`, { departmentId: d01 });
    const answered = await dept.post<RequestDetail>(`/api/v1/business/requests/${id}/answer`, {
      body: '已办结。',
    });
    const rated = await firm1.post<RequestDetail>(
      `/api/v1/business/answers/${answered.body.answers[0]!.id}/rating`,
      { score: 1 },
    );
    const ratingId = rated.body.answers[0]!.rating!.id;
    // Another department does not own the request: it is not found to them, and nothing is written.
    const before = await rows(businessRequestEvents, id);
    const wrong = await otherDept.post<Problem>(`/api/v1/business/ratings/${ratingId}/appeal`, {
      reason: '恶意',
    });
    expect(wrong.status).toBe(404);
    expect(wrong.body.title).toBe('未找到');
    expect(await rows(businessRequestEvents, id)).toBe(before);
    const appealed = await dept.post<RequestDetail>(`/api/v1/business/ratings/${ratingId}/appeal`, {
      reason: '企业因与本案无关的纠纷恶意差评，已有录音为证',
    });
    expect(appealed.status, JSON.stringify(appealed.body)).toBe(200);
    const appealId = appealed.body.answers[0]!.rating!.appeal!.id;
    const twice = await dept.post<Problem>(`/api/v1/business/ratings/${ratingId}/appeal`, { reason: '再次' });
    expect(twice.status).toBe(409);
    const upheld = await office.post<RequestDetail>(`/api/v1/business/appeals/${appealId}/decision`, {
      upheld: true,
      note: '经核实属恶意差评',
    });
    expect(upheld.body.status).toBe('closed');
    expect(upheld.body.rectifications[0]!.status).toBe('withdrawn');
    expect(upheld.body.answers[0]!.rating!.score).toBe(1);
  });

  it('refuses bad input with a translated problem and writes nothing', async () => {
    const id = (await raise(firm1)).body.id;
    // Another firm's request: not found to firm2; an answer by a department it was not routed to.
    expect((await firm2.get(`/api/v1/business/requests/${id}`)).status).toBe(404);
    await office.post(`/api/v1/business/requests/${id}/route`, { departmentId: d01 });
    const wrongDept = await otherDept.post<Problem>(`/api/v1/business/requests/${id}/answer`, {
      body: '答复',
    });
    expect(wrongDept.status).toBe(404);
    const answered = await dept.post<RequestDetail>(`/api/v1/business/requests/${id}/answer`, {
      body: '答复。',
    });
    const answerId = answered.body.answers[0]!.id;
    for (const score of [0, 6, 2.5]) {
      const res = await t.client().request('POST', `/api/v1/business/answers/${answerId}/rating`, { score });
      expect(res.status).toBe(401);
      const bad = await firm1.request<Problem>(
        'POST',
        `/api/v1/business/answers/${answerId}/rating`,
        { score },
        {
          'accept-language': 'en',
        },
      );
      expect(bad.status).toBe(400);
      expect(bad.body.title).toBe('The request is invalid');
      expect(bad.body.errors?.[0]?.path).toBe('score');
    }
    // The other firm may not rate it either.
    expect((await firm2.post(`/api/v1/business/answers/${answerId}/rating`, { score: 5 })).status).toBe(404);
    expect(await rows(businessRatings, id)).toBe(0);
    // A request for another firm is refused: no request row is made.
    const [{ n: before }] = (await t.database.db.select({ n: count() }).from(businessRequests)) as [
      { n: number },
    ];
    const mine = await firm2.get<{ id: string }>('/api/v1/business/my-firm');
    const forOther = await raise(firm1, { firmId: mine.body.id });
    expect(forOther.status).toBe(404);
    expect((forOther.body as unknown as Problem).title).toBe('未找到');
    const badCategory = await raise(firm1, { categoryCode: 'nope' });
    expect(badCategory.status).toBe(400);
    const [{ n: after }] = (await t.database.db.select({ n: count() }).from(businessRequests)) as [
      { n: number },
    ];
    expect(after).toBe(before);
  });

  it('shows each role only its own requests', async () => {
    const id = (await raise(firm2, { title: '厂房消防验收申请', body: '新建厂房已完工，需要办理消防验收。' }))
      .body.id;
    const ids = async (c: TestClient) =>
      (await c.get<RequestPage>('/api/v1/business/requests?status=submitted&pageSize=200')).body.items.map(
        (i) => i.id,
      );
    expect(await ids(firm2)).toContain(id);
    expect(await ids(firm1)).not.toContain(id);
    expect(await ids(dept)).not.toContain(id);
    expect(await ids(office)).toContain(id);
    expect(await ids(supervisor)).toContain(id);
    expect((await dept.get(`/api/v1/business/requests/${id}`)).status).toBe(404);
    expect(
      (await supervisor.post(`/api/v1/business/requests/${id}/route`, { departmentId: d01 })).status,
    ).toBe(403);
    expect((await firm2.post(`/api/v1/business/requests/${id}/route`, { departmentId: d01 })).status).toBe(
      403,
    );
    const accuracy = await office.get<{ routed: number; accuracy: number | null }>(
      '/api/v1/business/requests/routing-accuracy',
    );
    expect(accuracy.status).toBe(200);
    expect(accuracy.body.routed).toBeGreaterThan(0);
    expect((await firm1.get('/api/v1/business/requests/routing-accuracy')).status).toBe(403);
  });
});

describe('the order of a list of requests', () => {
  it('puts a request still to be routed first and the closed ones newest first', async () => {
    const fresh = (
      await raise(firm1, { title: '新建厂房用电报装咨询', body: '新建厂房需要报装用电，请问流程。' })
    ).body.id;
    for (const client of [firm1, office]) {
      const page = (await client.get<RequestPage>('/api/v1/business/requests?pageSize=200')).body;
      expect(page.items[0]?.id).toBe(fresh);
      const rank = {
        submitted: 0,
        routed: 1,
        rectifying: 1,
        answered: 2,
        closed: 3,
        closed_unrated: 3,
      } as const;
      const ranks = page.items.map((i) => rank[i.status]);
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
      const closed = page.items.filter((i) => i.status === 'closed').map((i) => i.createdAt);
      expect(closed.length).toBeGreaterThan(1);
      expect(closed).toEqual([...closed].sort().reverse());
    }
  });
});

describe('the offer to raise a request from the list', () => {
  it('is made to a firm, not to a cadre with no firm of their own (who raises one from a visit)', async () => {
    const cadre = await t.as('cadre');
    const theirs = (await cadre.get<RequestPage>('/api/v1/business/requests')).body;
    expect(theirs.total).toBeGreaterThan(0);
    expect(theirs.canRaise).toBe(false);
    expect((await firm1.get<RequestPage>('/api/v1/business/requests')).body.canRaise).toBe(true);
    expect((await office.get<RequestPage>('/api/v1/business/requests')).body.canRaise).toBe(false);
  });
});
