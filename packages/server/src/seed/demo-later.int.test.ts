import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInChina } from '../kernel/deadlines.js';
import { createTestContext, silentLog, type TestClient, type TestContext } from '../test-support/app.js';
import { seedDemo } from './demo.js';

/**
 * The demo seeded weeks after the days it tells of, as a district's IT office or a reviewer may
 * start it: what lies ahead of the people trying it (the joint plan to publish, the study visit
 * and the learning session to come) lies after the day it was seeded. Run on PGlite, and on
 * PostgreSQL with DATABASE_URL set.
 */
async function seededAsOf(now: Date, only: readonly string[]) {
  const t = await createTestContext({ seed: [] });
  const seeded = await seedDemo(
    { db: t.database.db, principal: null, log: silentLog, sms: t.sms, requestId: 'seed' },
    { only, now },
  );
  const office = t.client();
  await office.login('office', seeded!.find((a) => a.login === 'office')!.password);
  return { t, office };
}

type PlanBrief = { id: string; status: string; periodStart: string; periodEnd: string };

describe('the demo seeded weeks later, on Monday 21 December 2026', () => {
  const now = new Date('2026-12-21T02:00:00Z');
  const today = todayInChina(now);
  let t: TestContext;
  let office: TestClient;
  beforeAll(async () => {
    ({ t, office } = await seededAsOf(now, ['units', 'users', 'business', 'inspections']));
  });
  afterAll(() => t.close());

  it('leaves a draft plan of days to come, which the office publishes', async () => {
    const plans = (await office.get<{ items: PlanBrief[] }>('/api/v1/inspections/plans')).body.items;
    const draft = plans.find((p) => p.status === 'draft')!;
    expect(draft.periodStart > today).toBe(true);
    const plan = (
      await office.get<{ visits: Array<{ date: string }> }>(`/api/v1/inspections/plans/${draft.id}`)
    ).body;
    expect(plan.visits.length).toBeGreaterThan(0);
    for (const v of plan.visits) expect(v.date > today).toBe(true);
    // After every plan already published: nothing to come lies before what was done.
    for (const p of plans.filter((x) => x.status === 'published'))
      expect(p.periodEnd < draft.periodStart).toBe(true);
    const res = await office.post<{ status: string }>(`/api/v1/inspections/plans/${draft.id}/publish`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.status).toBe('published');
  });
});

describe('the demo seeded months later, in a year the calendar does not hold yet', () => {
  const now = new Date('2027-03-15T02:00:00Z');
  const today = todayInChina(now);
  let t: TestContext;
  let office: TestClient;
  beforeAll(async () => {
    ({ t, office } = await seededAsOf(now, ['units', 'users', 'business', 'inspections', 'reforms']));
  });
  afterAll(() => t.close());

  it('leaves no draft the office could not publish: the year’s working days are not known yet', async () => {
    const plans = (await office.get<{ items: PlanBrief[] }>('/api/v1/inspections/plans')).body.items;
    expect(plans.map((p) => p.status)).toEqual(['published']);
  });

  it('keeps the planned study visit and the learning session to come after the day it was seeded', async () => {
    const visits = (
      await office.get<{ items: Array<{ status: string; startDate: string; endDate: string }> }>(
        '/api/v1/reforms/study/visits',
      )
    ).body.items;
    const planned = visits.filter((v) => v.status === 'planned');
    expect(planned.length).toBeGreaterThan(0);
    for (const v of planned) {
      expect(v.startDate > today).toBe(true);
      expect(v.endDate >= v.startDate).toBe(true);
    }
    const sessions = (
      await office.get<{ items: Array<{ date: string; attendeeCount: number }> }>(
        '/api/v1/reforms/study/sessions',
      )
    ).body.items;
    const toCome = sessions.filter((s) => s.attendeeCount === 0);
    expect(toCome.length).toBeGreaterThan(0);
    for (const s of toCome) expect(s.date > today).toBe(true);
  });
});
