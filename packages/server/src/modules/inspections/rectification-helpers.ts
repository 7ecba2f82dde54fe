import { desc, eq, inArray, sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { dueAfter, todayInChina } from '../../kernel/deadlines.js';
import { notifications } from '../../kernel/schema.js';
import type { TestClient, TestContext } from '../../test-support/app.js';
import { userIdByLogin } from '../users/api.js';
import type { Finding, VisitResult } from './contracts-visits.js';
import { inspectionFindings, inspectionItems, inspectionPlans, inspectionVisits } from './schema.js';

/** Shared by the rectification verification tests. */
export interface Issues {
  visitId: string;
  /** The visit's findings, each made an issue due in ten working days, not reported yet. */
  findings: Array<{ id: string; unitId: string; dueDate: string }>;
  /** An inspector's login per department. */
  staffOf: Map<string, string>;
  /** The demo's firm staff account, made the staff of the visited firm. */
  firm: TestClient;
}

/**
 * The demo's completed visit with the most findings, each made an open issue; the logins of the
 * departments' inspectors; the demo's firm account made the firm's staff.
 */
export async function openIssues(t: TestContext): Promise<Issues> {
  const db = t.database.db;
  const [done] = await db
    .select({ id: inspectionVisits.id, firmId: inspectionVisits.firmId, n: sql<number>`count(*)::int` })
    .from(inspectionVisits)
    .innerJoin(inspectionPlans, eq(inspectionPlans.id, inspectionVisits.planId))
    .innerJoin(inspectionFindings, eq(inspectionFindings.visitId, inspectionVisits.id))
    .where(sql`${inspectionPlans.status} = 'published' and ${inspectionVisits.status} = 'completed'`)
    .groupBy(inspectionVisits.id, inspectionVisits.firmId)
    .orderBy(desc(sql`count(*)`), inspectionVisits.id)
    .limit(1);
  expect(done).toBeDefined();
  const dueDate = dueAfter(todayInChina(), 10);
  await db
    .update(inspectionFindings)
    .set({
      result: 'issue',
      requirement: '按要求整改',
      deadlineDays: 10,
      dueDate,
      rectifiedAt: null,
      rectifiedBy: null,
      rectificationNote: null,
    })
    .where(eq(inspectionFindings.visitId, done!.id));
  const findings = await db
    .select({
      id: inspectionFindings.id,
      unitId: inspectionItems.unitId,
      dueDate: inspectionFindings.dueDate,
    })
    .from(inspectionFindings)
    .innerJoin(inspectionItems, eq(inspectionItems.id, inspectionFindings.itemId))
    .where(eq(inspectionFindings.visitId, done!.id))
    .orderBy(inspectionFindings.id);
  const firmUser = (await userIdByLogin(db, 'firm1'))!;
  await db.execute(
    sql`update business_firm_members set firm_id = ${done!.firmId} where user_id = ${firmUser}`,
  );
  const office = await t.as('office');
  const inspectors = (
    await office.get<{ items: { login: string; unit: { id: string } }[] }>(
      '/api/v1/inspections/inspectors?pageSize=200',
    )
  ).body.items;
  const staffOf = new Map<string, string>();
  for (const p of inspectors) if (!staffOf.has(p.unit.id)) staffOf.set(p.unit.id, p.login);
  return {
    visitId: done!.id,
    findings: findings.map((f) => ({ ...f, dueDate: f.dueDate! })),
    staffOf,
    firm: await t.as('firm1'),
  };
}

/** The firm's staff report a rectification done; the finding as the firm then reads it. */
export async function report(firm: TestClient, findingId: string, note = '已整改完毕'): Promise<Finding> {
  const res = await firm.post<VisitResult>(`/api/v1/inspections/findings/${findingId}/rectification`, {
    note,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.items.find((i) => i.finding?.id === findingId)!.finding!;
}

export const acceptPath = (id: string) => `/api/v1/inspections/findings/${id}/rectification/accept`;
export const returnPath = (id: string) => `/api/v1/inspections/findings/${id}/rectification/return`;

/** The notices of `key` a firm's account received, oldest first. */
export async function noticesOf(t: TestContext, login: string, key: string) {
  const userId = (await userIdByLogin(t.database.db, login))!;
  const rows = await t.database.db
    .select()
    .from(notifications)
    .where(inArray(notifications.userId, [userId]))
    .orderBy(notifications.createdAt);
  return rows.filter((n) => n.key === key).map((n) => n.params);
}

/**
 * Runs `work` with the completed visit seen as under way again (its team records findings and
 * takes photos then), and completes it again as it was afterwards, whatever `work` does.
 */
export async function whileUnderWay<T>(t: TestContext, visitId: string, work: () => Promise<T>): Promise<T> {
  const db = t.database.db;
  const [visit] = await db.select().from(inspectionVisits).where(eq(inspectionVisits.id, visitId));
  await db
    .update(inspectionVisits)
    .set({ status: 'started', completedAt: null })
    .where(eq(inspectionVisits.id, visitId));
  try {
    return await work();
  } finally {
    await db
      .update(inspectionVisits)
      .set({ status: 'completed', completedAt: visit!.completedAt })
      .where(eq(inspectionVisits.id, visitId));
  }
}

/**
 * An inspector of one of the findings' departments who is not on the visit's team (`teamLogins`),
 * signed in, with the finding of their department: a verifier of that finding's rectification.
 */
export async function verifierOffTeam(t: TestContext, issues: Issues, teamLogins: ReadonlySet<string>) {
  const inspectors = (
    await (
      await t.as('office')
    ).get<{ items: { login: string; unit: { id: string } }[] }>('/api/v1/inspections/inspectors?pageSize=200')
  ).body.items;
  const units = new Set(issues.findings.map((f) => f.unitId));
  const mine = inspectors.find((p) => !teamLogins.has(p.login) && units.has(p.unit.id));
  expect(mine, 'a verifier off the team').toBeDefined();
  return {
    findingId: issues.findings.find((f) => f.unitId === mine!.unit.id)!.id,
    verifier: await t.as(mine!.login),
  };
}
