import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import type { Plan } from './contracts-plans.js';
import {
  inspectionDrawnFirms,
  inspectionInspectors,
  inspectionPlans,
  inspectionVisitSources,
  inspectionVisits,
} from './schema.js';
import { deleteDrafts, drawnTask } from './test-helpers.js';

/**
 * 双随机 through 综合查一次: the draw picks the firms and the inspectors, and the joint plan keeps
 * both. Run on PGlite, and on PostgreSQL with DATABASE_URL set.
 */
let t: TestContext;
let office: TestClient;
beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users', 'business', 'inspections'] });
  office = await t.as('office');
});
afterAll(() => t.close());

/** Per visit of every plan: its team, and the union of the inspectors its draws assigned to its firm. */
async function teamsAndDraws() {
  const db = t.database.db;
  const visits = await db.select().from(inspectionVisits);
  const sources = await db.select().from(inspectionVisitSources);
  const drawn = await db.select().from(inspectionDrawnFirms);
  return visits.map((v) => {
    const tasks = new Set(sources.filter((s) => s.visitId === v.id).map((s) => s.taskId));
    const union = drawn
      .filter((d) => d.firmId === v.firmId && tasks.has(d.taskId))
      .flatMap((d) => d.inspectorIds);
    return { visit: v, team: [...v.inspectorIds].sort(), drawn: [...new Set(union)].sort() };
  });
}

describe('a joint plan staffs each visit with the inspectors its draws picked', () => {
  it('the demo’s plans, published and draft: every team is exactly its draws’ inspectors', async () => {
    const rows = await teamsAndDraws();
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(r.drawn.length).toBeGreaterThan(0);
      expect(r.team).toEqual(r.drawn);
    }
  });

  it('a new plan of new draws, joint ones among them: team ⊆ the union of the draws’ inspectors', async () => {
    const period = { periodStart: '2026-12-01', periodEnd: '2026-12-31' };
    const tasks = [
      await drawnTask(t, office, ['QJ-D20'], period),
      await drawnTask(t, office, ['QJ-D25'], period),
      await drawnTask(t, office, ['QJ-D20', 'QJ-D25'], period),
    ];
    await deleteDrafts(t, office);
    const res = await office.post<Plan>('/api/v1/inspections/plans', period);
    expect(res.status).toBe(201);
    const planId = res.body.id;
    const drawnFor = new Map<string, Set<string>>();
    for (const task of tasks)
      for (const v of task.visits) {
        const set = drawnFor.get(v.firm.id) ?? new Set<string>();
        for (const p of v.inspectors) set.add(p.id);
        drawnFor.set(v.firm.id, set);
      }
    // The demo leaves a draw of December for the office to plan, and this plan takes it too: its
    // visits are checked with every other one below (team = the draws' inspectors).
    const ours = new Set(tasks.map((task) => task.id));
    const oursOnly = res.body.visits.filter((v) => v.tasks.every((k) => ours.has(k.id)));
    expect(oursOnly.length).toBeGreaterThan(0);
    for (const v of oursOnly)
      for (const p of v.inspectors) expect(drawnFor.get(v.firm.id)?.has(p.id)).toBe(true);
    for (const r of (await teamsAndDraws()).filter((x) => x.visit.planId === planId))
      expect(r.team).toEqual(r.drawn);
    expect(res.body.figures.planned).toBeGreaterThan(0);
    expect(res.body.unplanned.every((u) => u.inspectors.length > 0)).toBe(true);
  });

  it('leaves out, with the reason and the inspector by name, an inspection whose drawn inspector is off duty', async () => {
    const period = { periodStart: '2026-12-14', periodEnd: '2026-12-31' };
    const task = await drawnTask(t, office, ['QJ-D21'], period);
    const gone = task.visits[0]!.inspectors[0]!;
    const db = t.database.db;
    await db.update(inspectionInspectors).set({ active: false }).where(eq(inspectionInspectors.id, gone.id));
    await deleteDrafts(t, office);
    try {
      const res = await office.post<Plan>('/api/v1/inspections/plans', period);
      expect(res.status).toBe(201);
      const hit = task.visits.filter((v) => v.inspectors.some((p) => p.id === gone.id));
      for (const v of hit) {
        const u = res.body.unplanned.find((x) => x.firm.id === v.firm.id && x.task.id === task.id)!;
        expect(u).toMatchObject({ code: 'drawn_inspector_inactive', inspectors: [gone.name] });
        expect(u.firm.name).not.toBe('');
      }
      // Nobody else stands in: no visit of the plan carries the task to the firms the inspector
      // was drawn for (another task's draw of the same firm may still be visited).
      const firms = new Set(hit.map((v) => v.firm.id));
      expect(
        res.body.visits.filter((v) => firms.has(v.firm.id) && v.tasks.some((k) => k.id === task.id)),
      ).toEqual([]);
      for (const v of res.body.visits) expect(v.inspectors.some((p) => p.id === gone.id)).toBe(false);
    } finally {
      await db.update(inspectionInspectors).set({ active: true }).where(eq(inspectionInspectors.id, gone.id));
    }
  });

  it('a hand edit keeps the drawn team: an undrawn inspector or a drawn one left out is refused, the date moves', async () => {
    const db = t.database.db;
    const [draft] = await db.select().from(inspectionPlans).where(eq(inspectionPlans.status, 'draft'));
    const plan = (await office.get<Plan>(`/api/v1/inspections/plans/${draft!.id}`)).body;
    const v = plan.visits.find((w) => w.inspectors.length >= 2)!;
    const url = `/api/v1/inspections/plans/${plan.id}/visits/${v.id}`;
    const team = v.inspectors.map((p) => p.id);
    const stranger = (await db.select().from(inspectionInspectors)).find(
      (p) => p.active && !team.includes(p.id) && p.unitId === v.inspectors[0]!.unitId,
    )!;
    const code = async (body: object) =>
      ((await office.put<{ errors: { code: string; params: Record<string, string> }[] }>(url, body)).body
        .errors ?? [])[0];
    const swapped = await code({ date: v.date, inspectorIds: [stranger.id, ...team.slice(1)] });
    expect(swapped).toMatchObject({ code: 'undrawn_inspector' });
    expect(swapped!.params.inspector).not.toBe('');
    expect(await code({ date: v.date, inspectorIds: [...team, stranger.id] })).toMatchObject({
      code: 'undrawn_inspector',
    });
    expect(await code({ date: v.date, inspectorIds: team.slice(1) })).toMatchObject({
      code: 'drawn_inspector_missing',
      params: { inspector: v.inspectors[0]!.name },
    });
    const [stored] = await db.select().from(inspectionVisits).where(eq(inspectionVisits.id, v.id));
    expect([...stored!.inspectorIds].sort()).toEqual([...team].sort());
  });
});
