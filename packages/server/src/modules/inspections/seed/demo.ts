import { randomBytes } from 'node:crypto';
import { drawInspections, sha256Hex } from '@qianxing/core/draw';
import { type Random, seededRandom } from '@qianxing/core/random';
import { audit, systemActor } from '../../../audit/audit.js';
import type { ServiceContext } from '../../../context.js';
import { transaction } from '../../../db/transaction.js';
import { AppError } from '../../../errors.js';
import { todayInChina } from '../../../kernel/deadlines.js';
import type { DemoSeed } from '../../../kernel/module.js';
import { allFirmIds } from '../../business/api.js';
import { type UnitBrief, unitBriefs } from '../../units/api.js';
import { insertUser } from '../../users/api.js';
import { draftPlan, savePlan } from '../commands/createPlan.js';
import { checkDrawable, frozenInput } from '../queries/draw-input.js';
import type { Source } from '../queries/plan-input.js';
import {
  inspectionConflicts,
  inspectionDrawnFirms,
  inspectionFirmProfiles,
  inspectionInspectors,
  inspectionItems,
  inspectionTaskItems,
  inspectionTasks,
  inspectionTaskUnits,
  type RiskLevel,
} from '../schema.js';
import { demoDepartments, demoLeftToPlan, demoTasks, inspectorNames } from './demo-data.js';
import { demoDraftPeriod } from './demo-period.js';
import { seedVisitsDemo } from './demo-visits.js';

const riskOf = (r: number): RiskLevel => (r < 0.12 ? 'high' : r < 0.42 ? 'medium' : 'low');

function blockedDates(rand: Random): string[] {
  if (rand() > 0.15) return [];
  const month = 1 + Math.floor(rand() * 12);
  const day = 1 + Math.floor(rand() * 27);
  const first = `2026-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const next = `2026-${String(month).padStart(2, '0')}-${String(day + 1).padStart(2, '0')}`;
  return [first, next];
}

/** The departments' items, an inspector account per name, the firms' risk levels. */
async function seedPools(
  ctx: ServiceContext,
  seed: DemoSeed,
  rand: Random,
  units: Map<string, UnitBrief>,
  firmIds: string[],
) {
  const items: Array<typeof inspectionItems.$inferInsert & { id: string }> = [];
  for (const d of demoDepartments)
    d.items.forEach(([name, legalBasis, minutes, needs], k) => {
      items.push({
        id: crypto.randomUUID(),
        unitId: units.get(d.unit)!.id,
        code: `QJJC-${d.code}-${String(k + 1).padStart(2, '0')}`,
        name,
        legalBasis,
        qualification: needs ? d.qualification : null,
        expectedMinutes: minutes,
        isDemo: true,
      });
    });
  const inspectors: Array<typeof inspectionInspectors.$inferInsert & { id: string }> = [];
  for (const [i, d] of demoDepartments.entries())
    for (let k = 0; k < 4; k++) {
      const name = inspectorNames[i * 4 + k]!;
      const login = `inspector.${d.code.toLowerCase()}${k + 1}`;
      const { user, initialPassword } = await insertUser(
        ctx,
        { login, displayName: name, roles: [{ role: 'department_staff', unitId: units.get(d.unit)!.id }] },
        { isDemo: true, mustChangePassword: false },
      );
      // Printed with the other demo accounts: an inspector signs in on a phone to visit.
      seed.accounts.push({ login, password: initialPassword!, role: 'department_staff', unit: d.unit });
      // One in four also holds the district's general market qualification (综合执法).
      const extra = k === 3 && d.qualification !== '市场监管执法' ? ['市场监管执法'] : [];
      inspectors.push({
        id: crypto.randomUUID(),
        userId: user.id,
        unitId: units.get(d.unit)!.id,
        qualifications: [d.qualification, ...extra].sort(),
        workingDays: k === 2 ? [1, 2, 3, 4] : [1, 2, 3, 4, 5],
        isDemo: true,
      });
    }
  // A few declared conflicts (回避): an inspector's relative or former employer.
  const conflicts = inspectors
    .filter(() => rand() < 0.35)
    .map((p) => ({ inspectorId: p.id, firmId: firmIds[Math.floor(rand() * firmIds.length)]! }));
  const profiles = firmIds.map((firmId) => ({
    firmId,
    risk: riskOf(rand()),
    blockedDates: blockedDates(rand),
    isDemo: true,
  }));
  await transaction(ctx.db, async (tx) => {
    await tx.insert(inspectionItems).values(items);
    await tx.insert(inspectionInspectors).values(inspectors);
    if (conflicts.length) await tx.insert(inspectionConflicts).values(conflicts);
    for (let at = 0; at < profiles.length; at += 500)
      await tx.insert(inspectionFirmProfiles).values(profiles.slice(at, at + 500));
    await audit(tx, systemActor('seed'), {
      action: 'inspections.seedDemo',
      entityType: 'inspections',
      entityId: 'demo',
      after: { items: items.length, inspectors: inspectors.length, firms: profiles.length },
    });
  });
  return { items, userOf: new Map(inspectors.map((p) => [p.id, p.userId])) };
}

/**
 * The demo district's inspections: eight departments' item lists, four inspectors each (demo
 * accounts of their departments), risk levels for every demo firm, five published draws (two of
 * them joint tasks) and one announced and not yet drawn. Each draw is made as the commands make
 * it: a random seed, its hash, the frozen pools, `@qianxing/core/draw`. The drawn inspections
 * are then planned: a week of November published and partly visited (`demo-visits.ts`), and
 * joint visits from the next working day after the seeding (`demoDraftPeriod`), a draft for the
 * office to publish, which leaves the latest joint draw (`demoLeftToPlan`) for the office to plan.
 */
export async function seedInspectionsDemo(ctx: ServiceContext, seed: DemoSeed): Promise<void> {
  const units = new Map((await unitBriefs(ctx.db)).map((u) => [u.code, u]));
  const firmIds = await allFirmIds(ctx.db);
  if (firmIds.length === 0 || demoDepartments.some((d) => !units.has(d.unit))) return;
  const rand = seededRandom(20260316);
  const { items, userOf } = await seedPools(ctx, seed, rand, units, firmIds);
  const draftPeriod = demoDraftPeriod(todayInChina(seed.now));
  const taskIds = new Map<string, string>();
  for (const t of demoTasks) {
    const taskUnits = t.units.map((code) => units.get(code)!);
    const taskItems = items.filter((i) => taskUnits.some((u) => u.id === i.unitId));
    const qualifications = [
      ...new Set(taskItems.flatMap((i) => (i.qualification ? [i.qualification] : []))),
    ].sort();
    const frozen = await frozenInput(ctx.db, {
      units: taskUnits,
      qualifications,
      sample: t.sample,
      inspectorsPerVisit: t.perVisit,
    });
    checkDrawable(frozen);
    const seed = randomBytes(32).toString('hex');
    const announcedAt = new Date(t.announced);
    const drawnAt = new Date(announcedAt.getTime() + 3 * 86_400_000);
    const input = { seed, ...frozen };
    const result = t.drawn ? drawInspections(input) : null;
    const periodStart = t.announced.slice(0, 10);
    const id = crypto.randomUUID();
    taskIds.set(t.title, id);
    await transaction(ctx.db, async (tx) => {
      await tx.insert(inspectionTasks).values({
        id,
        title: t.title,
        status: t.drawn ? 'drawn' : 'announced',
        sample: t.sample,
        inspectorsPerVisit: t.perVisit,
        periodStart,
        periodEnd: periodEndOf(periodStart, draftPeriod.periodEnd),
        seed,
        seedHash: sha256Hex(seed),
        input: t.drawn ? input : frozen,
        result,
        announcedAt,
        drawnAt: t.drawn ? drawnAt : null,
        isDemo: true,
      });
      await tx.insert(inspectionTaskUnits).values(taskUnits.map((u) => ({ taskId: id, unitId: u.id })));
      await tx.insert(inspectionTaskItems).values(taskItems.map((i) => ({ taskId: id, itemId: i.id })));
      const risks = new Map(frozen.firms.map((f) => [f.id, f.risk as RiskLevel]));
      if (result?.visits.length)
        await tx.insert(inspectionDrawnFirms).values(
          result.visits.map((v) => ({
            taskId: id,
            firmId: v.firm,
            risk: risks.get(v.firm)!,
            inspectorIds: v.inspectors,
          })),
        );
      await audit(tx, systemActor('seed'), {
        action: 'inspectionTask.seedDemo',
        entityType: 'inspectionTask',
        entityId: id,
        after: { title: t.title, drawn: t.drawn },
      });
    });
  }
  // The latest joint draw is left out of the November week and of the draft: the office has a draw
  // still to plan, and takes it in by deleting the draft and making the plan of its days again
  // (plans never overlap, so that a firm is booked once). (The week picks its firms by id among
  // equals, and ids are new each time: left to it, the week took all of this draw's firms in some
  // seedings.)
  const leftToPlan = taskIds.get(demoLeftToPlan);
  await seedVisitsDemo(ctx, userOf, (s) => s.taskId !== leftToPlan);
  await seedDraftDemo(ctx, draftPeriod, (s) => s.taskId !== leftToPlan);
}

/**
 * A task runs to the end of the year it was announced in, or to the end of the demo's draft when
 * the demo is seeded so late that its draft runs into the next year.
 */
function periodEndOf(periodStart: string, draftEnd: string): string {
  const yearEnd = `${periodStart.slice(0, 4)}-12-31`;
  return draftEnd > yearEnd ? draftEnd : yearEnd;
}

/**
 * The draft for the office: the drawn inspections of the period no plan holds, but the draw left
 * to plan. None when the calendar does not hold the period's year yet (a demo seeded in a year
 * whose arrangement is not loaded): the office plans the period once it is.
 */
async function seedDraftDemo(
  ctx: ServiceContext,
  period: { periodStart: string; periodEnd: string },
  mayTake: (source: Source) => boolean,
): Promise<void> {
  const draft = await draftPlan(
    ctx.db,
    {
      ...period,
      maxHoursPerVisit: 4,
      inspectorsPerVisit: 2,
      capacityPerDay: 2,
    },
    (sources) => sources.filter(mayTake),
  ).catch((error: unknown) => {
    if (error instanceof AppError && error.errors.some((e) => e.code === 'period_not_covered')) return null;
    throw error;
  });
  if (!draft) return;
  await transaction(ctx.db, async (tx) => {
    const id = await savePlan(tx, draft, { userId: null, isDemo: true });
    await audit(tx, systemActor('seed'), {
      action: 'inspectionPlan.seedDemo',
      entityType: 'inspectionPlan',
      entityId: id,
      after: {
        visits: draft.visits.length,
        separateVisits: draft.separateVisits,
        lowerBound: draft.lowerBound,
      },
    });
  });
}
