import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, count, eq } from 'drizzle-orm';
import { expect } from 'vitest';
import type { TestClient, TestContext } from '../../test-support/app.js';
import { auditOf } from '../../test-support/audit-of.js';
import { unitByCode } from '../units/api.js';
import type { InspectionTask } from './contracts.js';
import type { Plan } from './contracts-plans.js';
import {
  inspectionItems,
  inspectionPlans,
  inspectionTasks,
  inspectionVisits,
  type VisitStatus,
} from './schema.js';

/** Shared by the inspections integration tests. */
export const unitId = async (t: TestContext, code: string) => (await unitByCode(t.database.db, code))!.id;

export async function itemsOf(t: TestContext, code: string) {
  return t.database.db
    .select()
    .from(inspectionItems)
    .where(eq(inspectionItems.unitId, await unitId(t, code)));
}

/** A visit of the demo's published week in `status`. */
export async function publishedVisit(t: TestContext, status: VisitStatus) {
  const [row] = await t.database.db
    .select({ visit: inspectionVisits })
    .from(inspectionVisits)
    .innerJoin(inspectionPlans, eq(inspectionPlans.id, inspectionVisits.planId))
    .where(and(eq(inspectionPlans.status, 'published'), eq(inspectionVisits.status, status)))
    .limit(1);
  expect(row).toBeDefined();
  return row!.visit;
}

export const taskCount = async (t: TestContext) =>
  (await t.database.db.select({ n: count() }).from(inspectionTasks))[0]!.n;

export { auditOf };

const cliMain = join(import.meta.dirname, '..', '..', '..', '..', 'cli', 'bin', 'qianxing.js');

/**
 * Runs the real `qianxing verify-draw` on a draw's input and result, written to files as someone
 * who downloaded them would: the built CLI when it exists, else its sources (its own launcher).
 */
export function verifyWithCli(input: unknown, result: unknown): { status: number; out: string } {
  const dir = mkdtempSync(join(tmpdir(), 'qianxing-draw-'));
  try {
    const inputFile = join(dir, 'input.json');
    const resultFile = join(dir, 'result.json');
    writeFileSync(inputFile, JSON.stringify(input));
    writeFileSync(resultFile, JSON.stringify(result));
    const r = spawnSync(
      process.execPath,
      [cliMain, 'verify-draw', '--input', inputFile, '--result', resultFile],
      {
        encoding: 'utf8',
      },
    );
    return { status: r.status ?? -1, out: `${r.stdout}${r.stderr}` };
  } finally {
    // The command has exited: spawnSync waits for it.
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A PNG's signature and a few bytes more: enough for the file store's type sniffing. */
export const pngBytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);

/**
 * A task over the units of `codes`, announced and drawn by the office (three high, two medium and
 * one low risk firms, two inspectors a visit): what a test of joint planning starts from.
 */
export async function drawnTask(
  t: TestContext,
  office: TestClient,
  codes: string[],
  period: { periodStart: string; periodEnd: string },
  title = `抽取人员测试 ${codes.join('+')}`,
): Promise<InspectionTask> {
  const items = (await Promise.all(codes.map((c) => itemsOf(t, c)))).flat();
  const created = await office.post<InspectionTask>('/api/v1/inspections/tasks', {
    title,
    unitIds: await Promise.all(codes.map((c) => unitId(t, c))),
    itemIds: items.map((i) => i.id),
    sample: { high: 3, medium: 2, low: 1 },
    inspectorsPerVisit: 2,
    ...period,
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  expect((await office.post(`/api/v1/inspections/tasks/${created.body.id}/announce`)).status).toBe(200);
  const drawn = await office.post<InspectionTask>(`/api/v1/inspections/tasks/${created.body.id}/draw`);
  expect(drawn.status).toBe(200);
  return drawn.body;
}

/** Plans never overlap: the draft plans make way for the one a test makes. */
export async function deleteDrafts(t: TestContext, office: TestClient) {
  const drafts = await t.database.db
    .select()
    .from(inspectionPlans)
    .where(eq(inspectionPlans.status, 'draft'));
  for (const d of drafts) expect((await office.delete(`/api/v1/inspections/plans/${d.id}`)).status).toBe(204);
}

/** A problem+json answer: its code and the field errors that name the reason. */
export interface Problem {
  code: string;
  errors: Array<{ path: string; code: string; params?: Record<string, string | number> }>;
}

/** The demo's draft plan as the office reads it, and its first visit that has a team. */
export async function demoDraftAndVisit(t: TestContext, office: TestClient) {
  const [draft] = await t.database.db
    .select()
    .from(inspectionPlans)
    .where(eq(inspectionPlans.status, 'draft'));
  const plan = (await office.get<Plan>(`/api/v1/inspections/plans/${draft!.id}`)).body;
  return { plan, visit: plan.visits.find((w) => w.inspectors.length > 0)! };
}

/**
 * Asks to publish `plan` and expects the 409 refusal `code` for a team changed since the draft,
 * the plan still a draft and no publication audited. Answers the visit it names (the first by
 * date) and the inspector's name as given, after checking the date and firm are that visit's.
 */
export async function refusedPublication(t: TestContext, office: TestClient, plan: Plan, code: string) {
  const res = await office.post<{ errors: { path: string; code: string; params: object }[] }>(
    `/api/v1/inspections/plans/${plan.id}/publish`,
  );
  expect(res.status).toBe(409);
  expect(res.body.errors[0]).toMatchObject({ path: 'visits', code });
  const named = res.body.errors[0]!.params as { visitId: string; inspector: string };
  const at = plan.visits.find((w) => w.id === named.visitId)!;
  expect(named).toMatchObject({ date: at.date, firm: at.firm.name });
  const [after] = await t.database.db.select().from(inspectionPlans).where(eq(inspectionPlans.id, plan.id));
  expect(after!.status).toBe('draft');
  expect(await auditOf(t, plan.id)).not.toContain('inspectionPlan.publish');
  return { at, inspector: named.inspector };
}

/** Publishes `plan`, which must now go through. */
export async function publishes(office: TestClient, plan: Plan) {
  const published = await office.post(`/api/v1/inspections/plans/${plan.id}/publish`);
  expect(published.status, JSON.stringify(published.body)).toBe(200);
}
