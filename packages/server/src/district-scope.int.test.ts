import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from './audit/schema.js';
import { unitByCode } from './modules/units/api.js';
import { createTestContext, type TestClient, type TestContext } from './test-support/app.js';
import { signedIn } from './test-support/factories.js';

/**
 * A street's admin and a street's commission hold their roles over their street only. The
 * district's records (the audit log, the campaign's review, lists and adoptions, the quarterly
 * scorecard, the targets' settings, the routing figure) are the district office's and the
 * district commission's: a street's accounts are refused them and change nothing.
 */
let t: TestContext;
let office: TestClient;
let streetAdmin: TestClient;
let streetSupervisor: TestClient;
beforeAll(async () => {
  t = await createTestContext();
  office = await t.as('office');
  const street = { id: await unitId('QJ-S03') };
  streetAdmin = await signedIn(t, 'admin', street);
  streetSupervisor = await signedIn(t, 'supervisor', street);
});
afterAll(() => t.close());

const unitId = async (code: string) => (await unitByCode(t.database.db, code))!.id;
/** A citizen's suggestion, as the public form sends it. */
const suggestion = (townId: string, n: number) => ({
  title: `建议增设高铁站公交专线${n}`,
  body: `高铁开通后客流大增，建议城区开通黔江高铁站到城区的公交接驳专线，方便群众出行。编号${n}`,
  townId,
  authorKind: 'resident' as const,
});
const statusOf = async (id: string) =>
  (await office.get<{ status: string }>(`/api/v1/ideas/suggestions/${id}`)).body.status;

const auditCount = async () =>
  (await t.database.db.select({ n: sql<number>`count(*)::int` }).from(auditEvents))[0]!.n;

describe("a street's admin and commission", () => {
  it('do not read the audit log, which the district office and commission read', async () => {
    for (const client of [streetAdmin, streetSupervisor]) {
      expect((await client.get('/api/v1/audit/events')).status).toBe(403);
      expect((await client.get('/api/v1/audit/events?actor=office')).status).toBe(403);
      expect((await client.get('/api/v1/audit/chain')).status).toBe(403);
      const session = await client.get<{ menu: Array<{ path: string }> }>('/api/v1/auth/session');
      expect(session.body.menu.map((m) => m.path)).not.toContain('/admin/audit');
    }
    expect((await office.get('/api/v1/audit/events')).status).toBe(200);
    expect((await (await t.as('supervisor')).get('/api/v1/audit/events')).status).toBe(200);
  });

  it("are refused the district's scorecard, settings and figures, and nothing is written", async () => {
    const before = await auditCount();
    const refused = [
      await streetAdmin.post('/api/v1/targets/scorecards', { period: '2026Q3' }),
      await streetAdmin.put('/api/v1/targets/settings', { reportDeadlineWorkdays: 60 }),
      await streetAdmin.get('/api/v1/targets/evaluation/summary?year=2026'),
      await streetSupervisor.get('/api/v1/targets/evaluation/summary?year=2026'),
      await streetAdmin.get('/api/v1/business/requests/routing-accuracy'),
      await streetSupervisor.get('/api/v1/business/requests/routing-accuracy'),
    ];
    expect(refused.map((r) => r.status)).toEqual([403, 403, 403, 403, 403, 403]);
    expect(await auditCount()).toBe(before);
    expect((await office.get('/api/v1/targets/settings')).body).toEqual({ reportDeadlineWorkdays: 10 });
  });

  it("are refused the campaign's review, lists and adoption, even of their own street's suggestion", async () => {
    const own = await unitId('QJ-S03');
    const made = await t.client().post<{ id: string }>('/api/v1/public/suggestions', suggestion(own, 7));
    expect(made.status).toBe(201);
    const before = await auditCount();
    const entries = [{ rank: 1, suggestionId: made.body.id, title: '城西街道的建议', citation: '贴近民生' }];
    const refused = [
      await streetAdmin.get('/api/v1/ideas/reviews/results'),
      await streetAdmin.get('/api/v1/ideas/lists/hard_problem/candidates'),
      await streetAdmin.put('/api/v1/ideas/lists/hard_problem', { entries }),
      await streetAdmin.post('/api/v1/ideas/lists/hard_problem/publish'),
      await streetAdmin.post('/api/v1/ideas/actions', {
        suggestionId: made.body.id,
        title: '街道自行采纳',
        ownerUnitId: own,
        dueOn: '2027-06-30',
      }),
    ];
    expect(refused.map((r) => r.status)).toEqual([403, 403, 403, 403, 403]);
    expect(await auditCount()).toBe(before);
    // Their own street's screening stays theirs.
    const screened = await streetAdmin.post(`/api/v1/ideas/suggestions/${made.body.id}/screen`, {
      decision: 'accept',
    });
    expect(screened.status).toBe(200);
  });
});

describe('adoption', () => {
  it('refuses a suggestion the screeners have not accepted, which would publish it unscreened', async () => {
    const town = await unitId('QJ-T01');
    const made = await t.client().post<{ id: string }>('/api/v1/public/suggestions', suggestion(town, 8));
    expect(await statusOf(made.body.id)).toBe('submitted');
    const adopted = await office.post('/api/v1/ideas/actions', {
      suggestionId: made.body.id,
      title: '未经初筛的采纳',
      ownerUnitId: await unitId('QJ-D01'),
      dueOn: '2027-06-30',
    });
    expect(adopted.status).toBe(422);
    expect(await statusOf(made.body.id)).toBe('submitted');
    expect((await t.client().get(`/api/v1/public/suggestions/${made.body.id}`)).status).toBe(404);
  });
});
