import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import type { InspectionTask } from './contracts.js';
import type { Plan } from './contracts-plans.js';
import { itemsOf, unitId } from './test-helpers.js';

/**
 * A department's task due over part of a plan's period is planned within the days both share.
 * Its own year (2025) keeps the demo's tasks and plans out. Run on PGlite, and on PostgreSQL
 * with DATABASE_URL set.
 */
let t: TestContext;
let office: TestClient;
beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users', 'business', 'inspections'] });
  office = await t.as('office');
});
afterAll(() => t.close());

type Problem = { errors: { code: string; params: Record<string, string> }[] };

async function drawnTask(code: string, periodStart: string, periodEnd: string) {
  const items = await itemsOf(t, code);
  const created = await office.post<InspectionTask>('/api/v1/inspections/tasks', {
    title: `部分时段任务 ${code} ${periodStart}`,
    unitIds: [await unitId(t, code)],
    itemIds: items.map((i) => i.id),
    sample: { high: 2, medium: 1, low: 1 },
    inspectorsPerVisit: 2,
    periodStart,
    periodEnd,
  });
  expect(created.status).toBe(201);
  expect((await office.post(`/api/v1/inspections/tasks/${created.body.id}/announce`)).status).toBe(200);
  const drawn = await office.post<InspectionTask>(`/api/v1/inspections/tasks/${created.body.id}/draw`);
  expect(drawn.status).toBe(200);
  return drawn.body;
}

const inside = (date: string, p: { start: string; end: string }) => date >= p.start && date <= p.end;

describe('a task whose period overlaps the plan’s without covering it', () => {
  let plan: Plan;
  let tasks: InspectionTask[];

  it('is offered, and each of its visits falls on a day of both periods', async () => {
    tasks = [
      // Within March; from late March into May; the whole year.
      await drawnTask('QJ-D20', '2025-03-10', '2025-03-21'),
      await drawnTask('QJ-D25', '2025-03-24', '2025-05-20'),
      await drawnTask('QJ-D21', '2025-01-01', '2025-12-31'),
    ];
    const res = await office.post<Plan>('/api/v1/inspections/plans', {
      periodStart: '2025-03-01',
      periodEnd: '2025-03-31',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    plan = res.body;
    const periodOf = new Map(tasks.map((x) => [x.id, { start: x.periodStart, end: x.periodEnd }]));
    // Every drawn firm of every task is planned or listed with its reason.
    const carried = new Set([
      ...plan.visits.flatMap((v) => v.tasks.map((k) => `${k.id}/${v.firm.id}`)),
      ...plan.unplanned.map((u) => `${u.task.id}/${u.firm.id}`),
    ]);
    for (const task of tasks)
      for (const v of task.visits) expect(carried).toContain(`${task.id}/${v.firm.id}`);
    for (const task of tasks.slice(0, 2))
      expect(plan.visits.some((v) => v.tasks.some((k) => k.id === task.id))).toBe(true);
    for (const v of plan.visits) {
      const own = v.tasks.map((k) => periodOf.get(k.id)!);
      const allowed = {
        start: [...own.map((p) => p.start), plan.periodStart].sort().at(-1)!,
        end: [...own.map((p) => p.end), plan.periodEnd].sort()[0]!,
      };
      expect(v.allowedPeriod).toEqual(allowed);
      for (const p of own) expect(inside(v.date, p), `${v.date} in ${JSON.stringify(p)}`).toBe(true);
    }
    const late = plan.visits.find((v) => v.tasks.some((k) => k.id === tasks[1]!.id))!;
    expect(late.allowedPeriod).toEqual({ start: '2025-03-24', end: '2025-03-31' });
    expect(plan.figures.planned + plan.figures.unplanned).toBeGreaterThanOrEqual(
      tasks.reduce((n, x) => n + x.visits.length, 0),
    );
  });

  it('a visit moved by hand stays within its tasks’ period, the refusal naming the days', async () => {
    const v = plan.visits.find((w) => w.tasks.some((k) => k.id === tasks[0]!.id))!;
    const url = `/api/v1/inspections/plans/${plan.id}/visits/${v.id}`;
    const inspectorIds = v.inspectors.map((p) => p.id);
    // 3 March 2025 is a Monday of the plan's period, a week before the task's.
    const res = await office.put<Problem>(url, { date: '2025-03-03', inspectorIds });
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toMatchObject({
      code: 'outside_task_period',
      params: { start: '2025-03-10', end: '2025-03-21', task: tasks[0]!.title },
    });
    // Outside the plan's period the plan's own rule speaks first.
    const out = await office.put<Problem>(url, { date: '2025-04-01', inspectorIds });
    expect(out.body.errors[0]).toMatchObject({ code: 'outside_period' });
  });

  it('a later plan does not plan again what an earlier one took of a task running past its end', async () => {
    const res = await office.post<Plan>('/api/v1/inspections/plans', {
      periodStart: '2025-04-01',
      periodEnd: '2025-04-30',
    });
    // Every drawn firm of the three tasks is already in March's plan: nothing is left to plan.
    expect(res.status).toBe(400);
    expect((res.body as unknown as Problem).errors[0]).toMatchObject({ code: 'nothing_to_plan' });
  });
});
