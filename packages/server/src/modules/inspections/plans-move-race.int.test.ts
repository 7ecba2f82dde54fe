import { officialCalendar } from '@qianxing/core/calendar';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../context.js';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { contextOf, racing, refusal, sideBySide } from '../../test-support/racing.js';
import { moveVisit } from './commands/moveVisit.js';
import { checkVisitMove } from './commands/visit-rules.js';
import type { Plan } from './contracts-plans.js';
import { inspectionPlans, inspectionVisits } from './schema.js';
import { auditOf, drawnTask } from './test-helpers.js';

/**
 * Two office users moving two visits of one draft plan onto the same day of an inspector they
 * share: the second move is checked again behind the plan's row, and refused when the first
 * filled the day. Its own year (2025) keeps the demo's plans out. Run on PGlite, and on
 * PostgreSQL with DATABASE_URL set; the two moves written at the same moment only on PostgreSQL:
 * on PGlite's one connection the transactions take turns, so there is no race to lose. (Moves of
 * two plans never meet on a day: plans' periods do not overlap.)
 */
let t: TestContext;
let office: TestClient;
let officeCtx: ServiceContext;
beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users', 'business', 'inspections'] });
  office = await t.as('office');
  officeCtx = await contextOf(t, office);
});
afterAll(() => t.close());

const passes = (work: Promise<unknown>) =>
  work.then(
    () => true,
    () => false,
  );

/**
 * A draft plan of `period` (one visit an inspector a day) with two visits sharing an inspector,
 * and a day each of them may move to on its own.
 */
async function twoVisitsAndADay(period: { periodStart: string; periodEnd: string }, label: string) {
  await drawnTask(t, office, ['QJ-D20'], period, `${label} D20`);
  await drawnTask(t, office, ['QJ-D25'], period, `${label} D25`);
  // One visit an inspector a day: a second visit on a day is over capacity.
  const made = await office.post<Plan>('/api/v1/inspections/plans', { ...period, capacityPerDay: 1 });
  expect(made.status, JSON.stringify(made.body)).toBe(201);
  const db = t.database.db;
  const [plan] = await db.select().from(inspectionPlans).where(eq(inspectionPlans.id, made.body.id));
  const visits = await db.select().from(inspectionVisits).where(eq(inspectionVisits.planId, plan!.id));
  const days = officialCalendar.workdaysIn(period.periodStart, period.periodEnd);

  // Two visits sharing an inspector, and a day each of them may move to on its own.
  let found: { a: (typeof visits)[number]; b: (typeof visits)[number]; day: string } | undefined;
  for (const a of visits)
    for (const b of visits) {
      if (found || a.id >= b.id || !a.inspectorIds.some((p) => b.inspectorIds.includes(p))) continue;
      for (const day of days) {
        if (found || day === a.date || day === b.date) continue;
        const moveA = { date: day, inspectorIds: a.inspectorIds };
        const moveB = { date: day, inspectorIds: b.inspectorIds };
        if (
          (await passes(checkVisitMove(db, plan!, a, moveA))) &&
          (await passes(checkVisitMove(db, plan!, b, moveB)))
        )
          found = { a, b, day };
      }
    }
  expect(found, 'two visits sharing an inspector, free on one day').toBeDefined();
  return { plan: plan!, ...found! };
}

describe('two visits moved at once onto an inspector’s full day', () => {
  it('lets the first move and refuses the second, which writes nothing', async () => {
    const { plan, a, b, day } = await twoVisitsAndADay(
      { periodStart: '2025-06-02', periodEnd: '2025-06-27' },
      '改期竞争',
    );
    const db = t.database.db;
    const other = await contextOf(t, await t.as('office'));
    const first = () =>
      moveVisit(other, {
        planId: plan.id,
        visitId: a.id,
        move: { date: day, inspectorIds: a.inspectorIds },
      });
    const refused = await refusal(
      moveVisit(
        { ...officeCtx, db: racing(officeCtx.db, first) },
        { planId: plan.id, visitId: b.id, move: { date: day, inspectorIds: b.inspectorIds } },
      ),
    );
    expect(refused).toMatchObject({
      code: 'VALIDATION',
      errors: [expect.objectContaining({ path: 'inspectorIds', code: 'inspector_full' })],
    });
    const [movedA] = await db.select().from(inspectionVisits).where(eq(inspectionVisits.id, a.id));
    const [keptB] = await db.select().from(inspectionVisits).where(eq(inspectionVisits.id, b.id));
    expect(movedA!.date).toBe(day);
    expect(keptB).toEqual(b);
    expect(await auditOf(t, b.id)).toEqual([]);
  });
});

describe.runIf(!!process.env.DATABASE_URL)('two visits’ moves written at the same moment', () => {
  it('lets one fill the inspector’s day and refuses the other behind the plan’s row', async () => {
    const { plan, a, b, day } = await twoVisitsAndADay(
      { periodStart: '2025-09-01', periodEnd: '2025-09-26' },
      '并发改期',
    );
    // Each move's write waits before its commit for the other's: unless one waits for the other
    // to commit, both count the day free.
    const side = sideBySide(2, 'before commit');
    const other = await contextOf(t, await t.as('office'));
    const moveOf = (ctx: ServiceContext, v: typeof a) =>
      refusal(
        moveVisit(side(ctx), {
          planId: plan.id,
          visitId: v.id,
          move: { date: day, inspectorIds: v.inspectorIds },
        }),
      );
    const outcomes = await Promise.all([moveOf(other, a), moveOf(officeCtx, b)]);
    expect(outcomes.filter((o) => o === undefined)).toHaveLength(1);
    expect(outcomes.find((o) => o !== undefined)).toMatchObject({
      code: 'VALIDATION',
      errors: [expect.objectContaining({ path: 'inspectorIds', code: 'inspector_full' })],
    });
    const db = t.database.db;
    const onDay = await db.select().from(inspectionVisits).where(eq(inspectionVisits.date, day));
    const shared = a.inspectorIds.filter((p) => b.inspectorIds.includes(p));
    for (const p of shared) expect(onDay.filter((v) => v.inspectorIds.includes(p))).toHaveLength(1);
  });
});
