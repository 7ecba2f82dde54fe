import { and, eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifications } from '../../kernel/schema.js';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { userIdByLogin } from '../users/api.js';
import type { AssignResult, FirmLiaison, LiaisonPage, LiaisonProposal } from './contracts-liaison.js';
import type { RequestDetail } from './contracts-requests.js';
import { businessLiaisonPairs, businessLiaisonVisits } from './schema.js';
import type { Problem } from './test-helpers.js';

let t: TestContext;
let office: TestClient;
let cadre: TestClient;
let supervisor: TestClient;
let own: LiaisonPage;
beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users', 'business'] });
  office = await t.as('office');
  cadre = await t.as('cadre');
  supervisor = await t.as('supervisor');
  own = (await cadre.get<LiaisonPage>('/api/v1/business/liaison?pageSize=200')).body;
});
afterAll(() => t.close());

const visitCount = async () => (await t.database.db.select().from(businessLiaisonVisits)).length;
const list = (c: TestClient, query = '') =>
  c.get<LiaisonPage>(`/api/v1/business/liaison?pageSize=200${query}`);

describe('百名干部联千企: pairings and what each role sees', () => {
  it('shows the office every firm with its cadre, and a cadre only the firms paired with them', async () => {
    const all = (await list(office)).body;
    expect(all.counts.firms).toBeGreaterThan(100);
    expect(all.counts.unpaired).toBe(0);
    expect(all.actions).toEqual({ assign: true, configure: true, remind: true });
    const me = all.cadres.find((c) => c.name === '联企干部 周建国')!;
    expect(me.firms).toBe(own.total);
    expect(own.total).toBeGreaterThan(10);
    expect(own.items.every((r) => r.cadreName === '联企干部 周建国' && r.actions.logVisit)).toBe(true);
    expect(own.actions).toEqual({ assign: false, configure: false, remind: false });
    // The commission reads it all and changes nothing.
    const read = (await list(supervisor)).body;
    expect(read.counts.firms).toBe(all.counts.firms);
    expect(read.items.some((r) => r.actions.logVisit)).toBe(false);
    expect((await supervisor.get<Problem>('/api/v1/business/liaison/proposal')).status).toBe(403);
  });

  it("refuses a cadre another cadre's firm as if it did not exist", async () => {
    const all = (await list(office)).body;
    const other = all.items.find((r) => r.cadreName !== '联企干部 周建国')!;
    expect((await cadre.get(`/api/v1/business/firms/${other.firmId}/liaison`)).status).toBe(404);
    expect((await cadre.get(`/api/v1/business/firms/${other.firmId}`)).status).toBe(404);
    const before = await visitCount();
    const res = await cadre.post<Problem>(`/api/v1/business/firms/${other.firmId}/visits`, {
      visitedOn: '2026-03-02',
      attendees: '企业负责人',
      topics: '了解生产经营情况',
    });
    expect(res.status).toBe(404);
    expect(await visitCount()).toBe(before);
    // Its own firm's record, contacts included, is open to it.
    expect((await cadre.get(`/api/v1/business/firms/${own.items[0]!.firmId}`)).status).toBe(200);
  });
});

describe('a visit, and the issues it raises as requests in one step', () => {
  it('logs the visit and raises the marked issue as the firm’s request, on its behalf', async () => {
    const firm = own.items[0]!;
    const res = await cadre.post<FirmLiaison>(`/api/v1/business/firms/${firm.firmId}/visits`, {
      visitedOn: '2026-11-30',
      attendees: '总经理 李强；办公室主任 王芳',
      topics: '了解四季度订单和用工情况',
      issues: [
        { title: '希望了解稳岗返还政策', body: '企业今年未裁员，想了解申请条件。' },
        {
          title: '厂区门口道路破损',
          body: '门口道路破损，货车进出困难，希望协调修复。',
          categoryCode: 'infrastructure',
          raise: true,
        },
      ],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const visit = res.body.visits[0]!;
    expect(visit.visitedOn).toBe('2026-11-30');
    expect(visit.issues.map((i) => i.requestId === null)).toEqual([true, false]);
    const requestId = visit.issues[1]!.requestId!;
    const seen = await cadre.get<RequestDetail>(`/api/v1/business/requests/${requestId}`);
    expect(seen.status).toBe(200);
    expect(seen.body.firmName).toBe(firm.firmName);
    expect(seen.body.timeline[0]!.data).toMatchObject({ onBehalf: { visitId: visit.id } });
    expect((await office.get(`/api/v1/business/requests/${requestId}`)).status).toBe(200);
    // The cadre's list now holds that request; the firm's visit is no longer due.
    const requests = await cadre.get<{ items: Array<{ id: string }> }>(
      '/api/v1/business/requests?pageSize=100',
    );
    expect(requests.body.items.map((r) => r.id)).toContain(requestId);
    const row = (await list(cadre, `&q=${encodeURIComponent(firm.firmName)}`)).body.items[0]!;
    expect(row.lastVisitOn).toBe('2026-11-30');
    expect(row.state).not.toBe('overdue');
  });

  it('refuses a visit in the future, or a request without a category, writing nothing', async () => {
    const firm = own.items[1]!;
    const before = await visitCount();
    const future = await cadre.post<Problem>(`/api/v1/business/firms/${firm.firmId}/visits`, {
      visitedOn: '2026-12-31',
      attendees: '企业负责人',
      topics: '了解情况',
    });
    expect(future.status).toBe(400);
    expect(future.body.errors?.[0]).toMatchObject({ path: 'visitedOn', code: 'date_in_future' });
    const uncategorised = await cadre.post<Problem>(`/api/v1/business/firms/${firm.firmId}/visits`, {
      visitedOn: '2026-11-02',
      attendees: '企业负责人',
      topics: '了解情况',
      issues: [{ title: '用电增容', body: '希望协调增容。', raise: true }],
    });
    expect(uncategorised.status).toBe(400);
    expect(uncategorised.body.errors?.[0]).toMatchObject({ path: 'issues.0.categoryCode', code: 'required' });
    expect(await visitCount()).toBe(before);
  });
});

describe('the office pairs, reproposes and reminds', () => {
  it('ends pairings, proposes cadres for the unpaired firms only, and applies them keeping the history', async () => {
    const all = (await list(office)).body;
    const freed = all.items.slice(0, 6).map((r) => ({ firmId: r.firmId, cadreId: null }));
    const ended = await office.post<AssignResult>('/api/v1/business/liaison/pairs', { pairs: freed });
    expect(ended.body).toEqual({ paired: 0, ended: 6, unchanged: 0 });
    expect((await list(office)).body.counts.unpaired).toBe(6);

    const proposal = (await office.get<LiaisonProposal>('/api/v1/business/liaison/proposal')).body;
    expect(
      proposal.pairs
        .filter((p) => !p.kept)
        .map((p) => p.firmId)
        .sort(),
    ).toEqual(freed.map((f) => f.firmId).sort());
    const loads = proposal.cadres.map((c) => c.firms);
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
    const applied = await office.post<AssignResult>('/api/v1/business/liaison/pairs', {
      pairs: proposal.pairs.map((p) => ({ firmId: p.firmId, cadreId: p.cadreId })),
    });
    expect(applied.body).toMatchObject({ paired: 6, ended: 0 });
    expect((await list(office)).body.counts.unpaired).toBe(0);
    const history = await t.database.db
      .select()
      .from(businessLiaisonPairs)
      .where(and(eq(businessLiaisonPairs.firmId, freed[0]!.firmId), isNotNull(businessLiaisonPairs.endedOn)));
    expect(history).toHaveLength(1);
  });

  it('refuses an account that is not a cadre, changing nothing', async () => {
    const all = (await list(office)).body;
    const dept = (await userIdByLogin(t.database.db, 'dept'))!;
    const res = await office.post<Problem>('/api/v1/business/liaison/pairs', {
      pairs: [
        { firmId: all.items[0]!.firmId, cadreId: all.items[1]!.cadreId },
        { firmId: all.items[2]!.firmId, cadreId: dept },
      ],
    });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      expect.objectContaining({ path: 'pairs.1.cadreId', code: 'not_a_cadre' }),
    ]);
    const after = (await list(office)).body;
    expect(after.items.find((r) => r.firmId === all.items[0]!.firmId)!.cadreId).toBe(all.items[0]!.cadreId);
  });

  it('flags more firms at a shorter frequency, and tells each cadre with overdue firms', async () => {
    const before = (await list(office)).body.counts.overdue;
    const set = await office.put('/api/v1/business/liaison/settings', { visitEveryDays: 30, dueSoonDays: 7 });
    expect(set.status).toBe(200);
    const after = (await list(office)).body;
    expect(after.counts.overdue).toBeGreaterThan(before);
    expect(
      (await office.put<Problem>('/api/v1/business/liaison/settings', { visitEveryDays: 3, dueSoonDays: 7 }))
        .status,
    ).toBe(400);
    expect(
      (await cadre.put<Problem>('/api/v1/business/liaison/settings', { visitEveryDays: 60, dueSoonDays: 7 }))
        .status,
    ).toBe(403);

    const sent = await office.post<{ cadres: number; firms: number }>(
      '/api/v1/business/liaison/reminders',
      {},
    );
    expect(sent.status).toBe(200);
    expect(sent.body.firms).toBe(after.counts.overdue);
    const me = (await userIdByLogin(t.database.db, 'cadre'))!;
    const told = await t.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, me), eq(notifications.key, 'business.notice.visitsOverdue')));
    expect(told).toHaveLength(1);
    expect(told[0]!.params).toMatchObject({ count: after.cadres.find((c) => c.id === me)!.overdue });
  });
});
