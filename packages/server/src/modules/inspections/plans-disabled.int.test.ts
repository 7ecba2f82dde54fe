import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import type { Plan } from './contracts-plans.js';
import { inspectionInspectors } from './schema.js';
import { deleteDrafts, demoDraftAndVisit, drawnTask, publishes, refusedPublication } from './test-helpers.js';

/**
 * An inspector enrolled as active whose user account was disabled afterwards cannot sign in to
 * inspect: the joint plan, a hand edit and the publication treat them as off duty, as the draw
 * already does. Run
 * on PGlite, and on PostgreSQL with DATABASE_URL set.
 */
let t: TestContext;
let office: TestClient;
beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users', 'business', 'inspections'] });
  office = await t.as('office');
});
afterAll(() => t.close());

async function setDisabled(inspectorId: string, disabled: boolean) {
  const [p] = await t.database.db
    .select()
    .from(inspectionInspectors)
    .where(eq(inspectionInspectors.id, inspectorId));
  const res = await office.patch(`/api/v1/users/${p!.userId}`, { disabled });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

describe('a drawn inspector whose account was disabled', () => {
  it('keeps the inspection out of a new joint plan, named, and nobody stands in', async () => {
    const period = { periodStart: '2026-12-14', periodEnd: '2026-12-31' };
    const task = await drawnTask(t, office, ['QJ-D21'], period, '停用账号测试 QJ-D21');
    const gone = task.visits[0]!.inspectors[0]!;
    await setDisabled(gone.id, true);
    await deleteDrafts(t, office);
    try {
      const res = await office.post<Plan>('/api/v1/inspections/plans', period);
      expect(res.status).toBe(201);
      const hit = task.visits.filter((v) => v.inspectors.some((p) => p.id === gone.id));
      for (const v of hit) {
        const u = res.body.unplanned.find((x) => x.firm.id === v.firm.id && x.task.id === task.id);
        expect(u).toMatchObject({ code: 'drawn_inspector_inactive', inspectors: [gone.name] });
      }
      for (const v of res.body.visits) expect(v.inspectors.some((p) => p.id === gone.id)).toBe(false);
    } finally {
      await setDisabled(gone.id, false);
    }
  });

  it('is refused in a visit moved by hand, as an inspector not on duty, and the visit stays', async () => {
    await deleteDrafts(t, office);
    const period = { periodStart: '2026-12-14', periodEnd: '2026-12-31' };
    const created = await office.post<Plan>('/api/v1/inspections/plans', period);
    expect(created.status).toBe(201);
    const v = created.body.visits.find((w) => w.inspectors.length > 0)!;
    const team = v.inspectors.map((p) => p.id);
    const url = `/api/v1/inspections/plans/${created.body.id}/visits/${v.id}`;
    await setDisabled(team[0]!, true);
    try {
      const res = await office.put<{ errors: { path: string; code: string; params: object }[] }>(url, {
        date: v.date,
        inspectorIds: team,
      });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([
        expect.objectContaining({
          path: 'inspectorIds',
          code: 'unknown_inspector',
          params: { inspector: v.inspectors[0]!.name },
        }),
      ]);
      const after = (await office.get<Plan>(`/api/v1/inspections/plans/${created.body.id}`)).body;
      expect(after.visits.find((w) => w.id === v.id)).toEqual(v);
    } finally {
      await setDisabled(team[0]!, false);
    }
    // With the account enabled again the same move is accepted.
    expect((await office.put(url, { date: v.date, inspectorIds: team })).status).toBe(200);
  });

  it('keeps a draft from being published once a drawn inspector’s account is disabled', async () => {
    const { plan, visit } = await demoDraftAndVisit(t, office);
    const off = visit.inspectors[0]!;
    await setDisabled(off.id, true);
    try {
      // The first visit (by date) with an inspector off duty is named, with the firm and who.
      const { at, inspector } = await refusedPublication(t, office, plan, 'inspector_off_duty');
      expect(at.inspectors.some((p) => p.id === off.id && p.name === inspector)).toBe(true);
    } finally {
      await setDisabled(off.id, false);
    }
    // With the account enabled again the same draft is published.
    await publishes(office, plan);
  });
});
