import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test-support/app.js';
import type { Figures, RectificationPage } from './contracts-figures.js';
import type { PublicVisitResult } from './contracts-public.js';
import { teamOf } from './queries/visits.js';
import { inspectionFindings, inspectionVisits } from './schema.js';

/** Part 5 on the demo's published week: its completed visits, their issues and one rectified. */
let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users', 'business', 'inspections'] });
});
afterAll(() => t.close());

describe('follow-up, figures and public results (一公开)', () => {
  it('publishes every completed visit’s outcome, with no person, note or code', async () => {
    const res = await t
      .client()
      .get<{ items: PublicVisitResult[]; total: number }>(
        '/api/v1/public/inspections/results?page=1&pageSize=100',
      );
    expect(res.status).toBe(200);
    const done = await t.database.db
      .select()
      .from(inspectionVisits)
      .where(eq(inspectionVisits.status, 'completed'));
    expect(res.body.total).toBe(done.length);
    expect(res.body.items.map((v) => v.id).sort()).toEqual(done.map((v) => v.id).sort());
    const findings = await t.database.db.select().from(inspectionFindings);
    const text = JSON.stringify(res.body);
    for (const v of done) {
      expect(text).not.toContain(v.code);
      for (const m of await teamOf(t.database.db, v.inspectorIds)) expect(text).not.toContain(m.name);
    }
    for (const f of findings) {
      expect(text).not.toContain(f.note);
      if (f.requirement) expect(text).not.toContain(f.requirement);
    }
    for (const v of res.body.items) {
      expect(v.issues).toBe(v.items.filter((i) => i.result === 'issue').length);
      expect(v.rectified).toBe(v.items.filter((i) => i.result === 'issue' && i.rectified).length);
    }
  });

  it('follows the rectifications up: open, overdue in working days, reported awaiting verification, closed once accepted', async () => {
    const office = await t.as('office');
    const closed = await office.get<RectificationPage>('/api/v1/inspections/rectifications?state=closed');
    expect(closed.status).toBe(200);
    expect(closed.body.items.every((r) => r.verifiedAt !== null && !r.overdue)).toBe(true);
    // The demo's one rectified issue was reported by its firm and awaits its department.
    const reported = await office.get<RectificationPage>('/api/v1/inspections/rectifications?state=reported');
    expect(
      reported.body.items.every((r) => r.stage === 'reported' && r.rectifiedAt !== null && !r.overdue),
    ).toBe(true);
    expect(reported.body.total).toBe(1);
    const overdue = await office.get<RectificationPage>('/api/v1/inspections/rectifications?state=overdue');
    expect(overdue.body.items.every((r) => r.overdue && r.rectifiedAt === null && r.workdaysLeft! < 0)).toBe(
      true,
    );
    const open = await office.get<RectificationPage>('/api/v1/inspections/rectifications?state=open');
    expect(open.body.items.every((r) => !r.overdue && r.workdaysLeft! >= 0)).toBe(true);
    const issues = (await t.database.db.select().from(inspectionFindings)).filter(
      (f) => f.result === 'issue' && f.dueDate,
    );
    expect(closed.body.total + reported.body.total + overdue.body.total + open.body.total).toBe(
      issues.length,
    );
    expect((await (await t.as('firm1')).get('/api/v1/inspections/rectifications')).status).toBe(403);
    expect((await office.get('/api/v1/inspections/rectifications?state=late')).status).toBe(400);
  });

  it('counts per department and quarter: visits, the share done jointly, firm-hours saved, rectifications', async () => {
    const res = await (await t.as('supervisor')).get<Figures>('/api/v1/inspections/figures?year=2026');
    expect(res.status).toBe(200);
    expect(res.body.rows.length).toBeGreaterThan(0);
    for (const r of res.body.rows) {
      expect(r.quarter).toBe(4);
      expect(r.joint).toBeLessThanOrEqual(r.visits);
      expect(r.jointShare).toBeCloseTo(r.visits ? r.joint / r.visits : 0);
      expect(r.rectified + r.reported + r.overdue).toBeLessThanOrEqual(r.issues);
      if (r.joint === 0) expect(r.firmHoursSaved).toBe(0);
      else expect(r.firmHoursSaved).toBeGreaterThan(0);
    }
    const issues = (await t.database.db.select().from(inspectionFindings)).filter(
      (f) => f.result === 'issue' && f.dueDate,
    );
    expect(res.body.rows.reduce((n, r) => n + r.issues, 0)).toBe(issues.length);
    expect(res.body.rows.reduce((n, r) => n + r.rectified, 0)).toBe(
      issues.filter((f) => f.verifiedAt).length,
    );
    expect(res.body.rows.reduce((n, r) => n + r.reported, 0)).toBe(
      issues.filter((f) => f.rectifiedAt && !f.verifiedAt).length,
    );
    expect((await (await t.as('firm1')).get('/api/v1/inspections/figures?year=2026')).status).toBe(403);
    expect((await t.client().get('/api/v1/inspections/figures?year=2026')).status).toBe(401);
    expect(
      (await (await t.as('office')).get<Figures>('/api/v1/inspections/figures?year=2025')).body.rows,
    ).toEqual([]);
  });

  it('scopes the figures: a department’s staff read their own department’s, the office and supervisors all', async () => {
    const url = '/api/v1/inspections/figures?year=2026';
    const office = await t.as('office');
    const all = (await (await t.as('supervisor')).get<Figures>(url)).body.rows;
    expect((await office.get<Figures>(url)).body.rows).toEqual(all);
    const departments = [...new Set(all.map((r) => r.unitId))];
    expect(departments.length).toBeGreaterThan(1);
    const inspectors = (
      await office.get<{ items: { login: string; unit: { id: string } }[] }>(
        '/api/v1/inspections/inspectors?pageSize=200',
      )
    ).body.items;
    for (const unit of departments.slice(0, 2)) {
      const staff = await t.as(inspectors.find((p) => p.unit.id === unit)!.login);
      const own = await staff.get<Figures>(url);
      expect(own.status).toBe(200);
      expect(own.body.rows).toEqual(all.filter((r) => r.unitId === unit));
    }
    // A department with no inspection sees no other department's figures.
    const dept = await (await t.as('dept')).get<Figures>(url);
    expect(dept.status).toBe(200);
    expect(dept.body.rows).toEqual([]);
  });
});
