import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { accountsByIds } from '../users/api.js';
import { accountsOfInspectors } from './commands/visit-common.js';
import type { RectificationPage } from './contracts-figures.js';
import type { Visit } from './contracts-visits.js';
import { type Issues, openIssues, report, whileUnderWay } from './rectification-helpers.js';
import { inspectionVisits } from './schema.js';
import { pngBytes } from './test-helpers.js';

/**
 * 整改验收 needs the visit: the staff of an item's department who were not on its team read the
 * completed visit for their own items (findings, the firm's report and photos), masked as the
 * lists are, and find what awaits them in a list of their own. Run on PGlite, and on PostgreSQL
 * with DATABASE_URL set.
 */
let t: TestContext;
let issues: Issues;
let finding: Issues['findings'][number];
let verifier: TestClient;
let outsider: TestClient;
let photoId: string;
beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users', 'business', 'inspections'] });
  issues = await openIssues(t);
  const db = t.database.db;
  const [visit] = await db.select().from(inspectionVisits).where(eq(inspectionVisits.id, issues.visitId));
  const team = new Set(await accountsOfInspectors(db, visit!.inspectorIds));
  const office = await t.as('office');
  const inspectors = (
    await office.get<{ items: { login: string; unit: { id: string } }[] }>(
      '/api/v1/inspections/inspectors?pageSize=200',
    )
  ).body.items;
  const accounts = await accountsByIds(db, [...team]);
  const teamLogins = new Set([...accounts.values()].map((a) => a.login));
  const units = new Set(issues.findings.map((f) => f.unitId));
  // A department's staff off the team whose department found an issue, and one whose found none.
  const off = inspectors.filter((p) => !teamLogins.has(p.login));
  const mine = off.find((p) => units.has(p.unit.id));
  const other = off.find((p) => !units.has(p.unit.id));
  expect(mine, 'a verifier off the team').toBeDefined();
  expect(other, 'a department with no issue on the visit').toBeDefined();
  finding = issues.findings.find((f) => f.unitId === mine!.unit.id)!;
  verifier = await t.as(mine!.login);
  outsider = await t.as(other!.login);
  const photo = await issues.firm.upload(
    `/api/v1/inspections/findings/${finding.id}/rectification-photos`,
    pngBytes,
    '整改后.png',
  );
  expect(photo.status).toBe(201);
  photoId = photo.body.id;
  await report(issues.firm, finding.id, '已更换灭火器，联系人电话 13812345678');
});
afterAll(() => t.close());

const visitPath = () => `/api/v1/inspections/visits/${issues.visitId}`;

describe('a verifier reads the visit they verify', () => {
  it('opens the completed visit with their own items only, the report and photos, masked', async () => {
    const res = await verifier.get<Visit>(visitPath());
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const own = issues.findings.filter((f) => f.unitId === finding.unitId).map((f) => f.id);
    expect(res.body.items.map((i) => i.finding!.id).sort()).toEqual([...own].sort());
    expect(res.body.allowed).toEqual([]);
    expect(res.body.code).toBe('');
    const full = await (await t.as('office')).get<Visit>(visitPath());
    expect(res.body.team).toHaveLength(full.body.team.length);
    for (const [i, m] of res.body.team.entries()) expect(m.name).not.toBe(full.body.team[i]!.name);
    const item = res.body.items.find((i) => i.finding?.id === finding.id)!;
    expect(item.finding!.stage).toBe('reported');
    expect(item.finding!.rectificationNote).not.toContain('13812345678');
    expect(item.finding!.rectificationNote).toContain('已更换灭火器');
    expect(item.finding!.rectificationPhotos.map((p) => p.id)).toEqual([photoId]);
    expect((await verifier.get(`/api/v1/inspections/rectification-photos/${photoId}`)).status).toBe(200);
  });

  it('keeps it from another department’s staff, and from a verifier before the visit is completed', async () => {
    expect((await outsider.get(visitPath())).status).toBe(404);
    expect((await outsider.get(`/api/v1/inspections/rectification-photos/${photoId}`)).status).toBe(404);
    // Seen as under way, the visit is its team's alone.
    const early = await whileUnderWay(t, issues.visitId, () => verifier.get(visitPath()));
    expect(early.status).toBe(404);
  });

  it('lists what awaits the verifier, each with its visit, from a menu entry of their own', async () => {
    const list = await verifier.get<RectificationPage>(
      '/api/v1/inspections/rectifications?state=reported&scope=toVerify&pageSize=100',
    );
    expect(list.status).toBe(200);
    expect(list.body.items.map((r) => r.findingId)).toContain(finding.id);
    const mine = list.body.items.find((r) => r.findingId === finding.id)!;
    expect(mine).toMatchObject({ visitId: issues.visitId, allowed: ['accept', 'return'] });
    expect(list.body.items.every((r) => r.allowed.length === 2)).toBe(true);
    expect(
      (
        await outsider.get<RectificationPage>(
          '/api/v1/inspections/rectifications?state=reported&scope=toVerify&pageSize=100',
        )
      ).body.items.map((r) => r.findingId),
    ).not.toContain(finding.id);
    const office = await t.as('office');
    expect(
      (
        await office.get<RectificationPage>(
          '/api/v1/inspections/rectifications?state=reported&scope=toVerify',
        )
      ).body.total,
    ).toBe(0);
    const menu = async (c: TestClient) =>
      (await c.get<{ menu: { path: string }[] }>('/api/v1/auth/session')).body.menu.map((m) => m.path);
    expect(await menu(verifier)).toContain('/admin/inspections/verify');
    expect(await menu(office)).not.toContain('/admin/inspections/verify');
  });
});
