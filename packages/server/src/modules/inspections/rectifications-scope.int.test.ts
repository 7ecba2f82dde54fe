import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { unitsByIds } from '../units/api.js';
import type { RectificationPage } from './contracts-figures.js';
import {
  inspectionFindings,
  inspectionItems,
  inspectionPlans,
  inspectionVisitSources,
  inspectionVisits,
} from './schema.js';

/**
 * Who follows which rectifications (整改跟踪): scoped like the figures, and only visits of
 * published plans for anyone but the district office. Run on PGlite, and on PostgreSQL with
 * DATABASE_URL set.
 */
let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users', 'business', 'inspections'] });
});
afterAll(() => t.close());

const draftRequirement = '草稿计划中的整改要求';

/** An issue on one of the visit's items of this department, due in December. */
async function addIssue(visitId: string, itemId: string, requirement: string) {
  await t.database.db
    .insert(inspectionFindings)
    .values({ visitId, itemId, result: 'issue', requirement, deadlineDays: 10, dueDate: '2026-12-20' })
    .onConflictDoNothing();
}

/** Every issue of a completed visit, with its department and whether its plan is published. */
async function allIssues() {
  const rows = await t.database.db
    .select({ id: inspectionFindings.id, unitId: inspectionItems.unitId, plan: inspectionPlans.status })
    .from(inspectionFindings)
    .innerJoin(inspectionItems, eq(inspectionItems.id, inspectionFindings.itemId))
    .innerJoin(inspectionVisits, eq(inspectionVisits.id, inspectionFindings.visitId))
    .innerJoin(inspectionPlans, eq(inspectionPlans.id, inspectionVisits.planId))
    .where(and(eq(inspectionFindings.result, 'issue'), eq(inspectionVisits.status, 'completed')));
  return rows;
}

async function seen(client: TestClient): Promise<string[]> {
  const ids: string[] = [];
  for (const state of ['open', 'overdue', 'reported', 'closed']) {
    const res = await client.get<RectificationPage>(
      `/api/v1/inspections/rectifications?state=${state}&pageSize=100`,
    );
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(res.body.items.length);
    ids.push(...res.body.items.map((r) => r.findingId));
  }
  return ids.sort();
}

describe('rectification follow-up is scoped like the figures', () => {
  let departments: string[];

  beforeAll(async () => {
    const db = t.database.db;
    // The demo's published week has completed visits; give two of its departments an issue each.
    const done = await db
      .select({ visit: inspectionVisits, source: inspectionVisitSources })
      .from(inspectionVisits)
      .innerJoin(inspectionPlans, eq(inspectionPlans.id, inspectionVisits.planId))
      .innerJoin(inspectionVisitSources, eq(inspectionVisitSources.visitId, inspectionVisits.id))
      .where(and(eq(inspectionPlans.status, 'published'), eq(inspectionVisits.status, 'completed')));
    const byUnit = new Map<string, { visitId: string; itemId: string }>();
    for (const d of done)
      if (!byUnit.has(d.source.unitId))
        byUnit.set(d.source.unitId, { visitId: d.visit.id, itemId: d.source.itemIds[0]! });
    departments = [...byUnit.keys()].slice(0, 2);
    expect(departments).toHaveLength(2);
    for (const unitId of departments) {
      const at = byUnit.get(unitId)!;
      await addIssue(at.visitId, at.itemId, `整改要求 ${unitId}`);
    }
    // A visit of the demo's draft plan recorded with an issue on the first department's item:
    // the plan is not told to anyone yet.
    const [draft] = await db
      .select({ visit: inspectionVisits })
      .from(inspectionVisits)
      .innerJoin(inspectionPlans, eq(inspectionPlans.id, inspectionVisits.planId))
      .where(eq(inspectionPlans.status, 'draft'));
    expect(draft).toBeDefined();
    await db
      .update(inspectionVisits)
      .set({ status: 'completed', startedAt: new Date(), completedAt: new Date() })
      .where(eq(inspectionVisits.id, draft!.visit.id));
    await addIssue(draft!.visit.id, byUnit.get(departments[0]!)!.itemId, draftRequirement);
  });

  it('the district office follows every department’s, draft plans’ visits too', async () => {
    const all = await allIssues();
    expect(all.some((f) => f.plan === 'draft')).toBe(true);
    expect(await seen(await t.as('office'))).toEqual(all.map((f) => f.id).sort());
  });

  it('a supervisor follows every department’s, of published plans only', async () => {
    const published = (await allIssues()).filter((f) => f.plan === 'published');
    expect(await seen(await t.as('supervisor'))).toEqual(published.map((f) => f.id).sort());
  });

  it('a department’s staff follow their own department’s alone, of published plans only', async () => {
    const office = await t.as('office');
    const inspectors = (
      await office.get<{ items: { login: string; unit: { id: string } }[] }>(
        '/api/v1/inspections/inspectors?pageSize=200',
      )
    ).body.items;
    const names = await unitsByIds(t.database.db, departments);
    const published = (await allIssues()).filter((f) => f.plan === 'published');
    for (const unitId of departments) {
      const staff = await t.as(inspectors.find((p) => p.unit.id === unitId)!.login);
      const own = published.filter((f) => f.unitId === unitId).map((f) => f.id);
      expect(own.length).toBeGreaterThan(0);
      expect(await seen(staff)).toEqual(own.sort());
      const page = await staff.get<RectificationPage>('/api/v1/inspections/rectifications?state=open');
      expect(page.body.items.every((r) => r.unit === names.get(unitId)!.name)).toBe(true);
      expect(JSON.stringify(page.body)).not.toContain(draftRequirement);
    }
    // A department with no inspection follows nothing.
    expect(await seen(await t.as('dept'))).toEqual([]);
  });

  it('refuses a citizen and a firm', async () => {
    for (const login of ['citizen', 'firm1'])
      expect((await (await t.as(login)).get('/api/v1/inspections/rectifications')).status).toBe(403);
  });
});
