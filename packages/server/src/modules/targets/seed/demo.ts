import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Random, seededRandom } from '@qianxing/core/random';
import { sql } from 'drizzle-orm';
import { audit, systemActor } from '../../../audit/audit.js';
import type { ServiceContext } from '../../../context.js';
import { type Tx, transaction } from '../../../db/transaction.js';
import { type ParsedRegional, parseRegionalCsv, writeRegional } from '../commands/importRegional.js';
import { reportDeadline } from '../queries/deadline.js';
import { unitCategory, unitMap } from '../queries/lookup.js';
import { computeQuarter } from '../queries/scorecards.js';
import { demoSource, regionalSource } from '../regional-source.js';
import {
  targetBenchmarks,
  targetIndicators,
  targetPlanItems,
  targetPlans,
  targetRegions,
  targetReports,
  targetReportValues,
  targetScorecards,
} from '../schema.js';
import { seedCounties } from './demo-counties.js';
import { demoIndicatorFor, demoIndicators } from './demo-indicators.js';
import { demoDistrictSeries } from './demo-regional.js';

/** The real Wuling prefecture data, from the repository's fixture copy. */
const fixture = fileURLToPath(
  new URL('../../../../../../test/fixtures/regional/prefecture_gdp_wuling_2000_2020.csv', import.meta.url),
);

const r2 = (x: number) => Math.round(x * 100) / 100;

/**
 * Demo data of the targets module, all marked demo: the 308-indicator library, 涪陵 and 恩施
 * benchmarks, approved 2026 plans of the towns and departments (QJ-D01 is left without one
 * so the demo account can write it), three quarters of reports, the published Q1 and Q2
 * scorecards, and the regional comparison data (real prefecture data plus the district's
 * generated series). Batched: a few dozen statements in all.
 */
type Indicator = typeof targetIndicators.$inferSelect;
type Plan = typeof targetPlans.$inferSelect;
type Item = typeof targetPlanItems.$inferInsert & { base: number; planId: string; indicatorId: string };

export async function seedTargetsDemo(ctx: ServiceContext): Promise<void> {
  const [has] = await ctx.db.select({ n: sql<number>`count(*)::int` }).from(targetIndicators);
  if ((has?.n ?? 0) > 0) return;
  // Seeded, so every demo database looks the same; the steps below draw from it in a fixed order.
  const rand = seededRandom(20261126);
  // By code: the unit tree's order follows generated ids, which differ between databases.
  const units = [...(await unitMap(ctx.db)).values()]
    .filter((u) => unitCategory(u.kind) !== 'other' && u.code !== 'QJ-D01')
    .sort((a, b) => a.code.localeCompare(b.code));
  // Read before the transaction: the fixture is parsed in this thread, a moment of CPU.
  const regional = existsSync(fixture) ? await parseRegionalCsv(readFileSync(fixture, 'utf8')) : null;
  await transaction(ctx.db, async (tx) => {
    const indicators = await tx
      .insert(targetIndicators)
      .values(demoIndicators.map((i) => ({ ...i, isDemo: true })))
      .returning();
    const peers = await seedRegions(tx, regional);
    const scale = indicators.map((i) => (i.measure === '%' ? 40 + rand() * 50 : 10 + rand() * 990));
    await seedBenchmarks(tx, rand, indicators, scale, peers);
    const plans = await seedPlans(tx, rand, units);
    const kinds = new Map(units.map((u) => [u.id, unitCategory(u.kind)]));
    const items = planItems(rand, plans, indicators, scale, peers, (p) => kinds.get(p.unitId)!);
    for (let i = 0; i < items.length; i += 500)
      await tx.insert(targetPlanItems).values(items.slice(i, i + 500));
    await seedReports(tx, rand, plans, items);
    for (const period of ['2026Q1', '2026Q2'])
      await tx.insert(targetScorecards).values({
        period,
        status: 'published',
        result: await computeQuarter(tx, period),
        publishedAt: new Date(`${period === '2026Q1' ? '2026-04-30' : '2026-07-31'}T02:00:00Z`),
      });
    await audit(tx, systemActor('seed'), {
      action: 'targets.seedDemo',
      entityType: 'targets',
      entityId: 'demo',
      after: { indicators: indicators.length, plans: plans.length, items: items.length },
    });
  });
}

/** The regional data (real prefectures, the district's generated series) and the two peers' ids. */
async function seedRegions(tx: Tx, regional: ParsedRegional | null): Promise<string[]> {
  if (regional) await writeRegional(tx, regional, regionalSource, false);
  await tx
    .insert(targetRegions)
    .values([
      { code: 'QJ', name: '黔江区', kind: 'self', sort: 0, isDemo: true },
      { code: 'FL', name: '涪陵区', kind: 'peer', sort: 1, isDemo: true },
      { code: 'CN422800', name: '恩施土家族苗族自治州', kind: 'wuling_city', sort: 2, isDemo: true },
    ])
    .onConflictDoNothing({ target: targetRegions.code });
  const regions = new Map((await tx.select().from(targetRegions)).map((r) => [r.code, r.id]));
  await writeRegional(tx, { regions: [], values: demoDistrictSeries() }, demoSource, true);
  await seedCounties(tx);
  return [regions.get('FL')!, regions.get('CN422800')!];
}

/** 涪陵 and 恩施 values of every indicator, better than the district's scale by a margin. */
async function seedBenchmarks(
  tx: Tx,
  rand: Random,
  indicators: Indicator[],
  scale: number[],
  peers: string[],
) {
  const rows = peers.flatMap((regionId, p) =>
    indicators.map((i, k) => ({
      regionId,
      indicatorId: i.id,
      period: '2025',
      value: r2(
        scale[k]! * (i.direction === 'higher' ? 1.1 + 0.2 * p : 0.9 - 0.1 * p) * (0.9 + rand() * 0.2),
      ),
      source: demoSource,
      isDemo: true,
    })),
  );
  for (let i = 0; i < rows.length; i += 500) await tx.insert(targetBenchmarks).values(rows.slice(i, i + 500));
}

/** An approved 2026 catch-up plan per unit. */
function seedPlans(tx: Tx, rand: Random, units: Array<{ id: string }>): Promise<Plan[]> {
  return tx
    .insert(targetPlans)
    .values(
      units.map((u) => ({
        unitId: u.id,
        year: 2026,
        status: 'approved' as const,
        contactName: '联络员',
        contactPhone: `139${String(Math.floor(rand() * 1e8)).padStart(8, '0')}`,
        submittedAt: new Date('2026-01-20T02:00:00Z'),
        reviewedAt: new Date('2026-01-25T02:00:00Z'),
        isDemo: true,
      })),
    )
    .returning();
}

/**
 * 8–12 consecutive indicators per plan, of those meant for the plan's kind of unit (a town's
 * plan holds the towns' figures, a department's the district's), each with quarterly targets
 * 4–16 % better over the year.
 */
function planItems(
  rand: Random,
  plans: Plan[],
  indicators: Indicator[],
  scale: number[],
  peers: string[],
  categoryOf: (plan: Plan) => 'department' | 'town' | 'other',
): Item[] {
  const pools = {
    department: indicators.flatMap((ind, k) => (demoIndicatorFor(ind.name) === 'department' ? [k] : [])),
    town: indicators.flatMap((ind, k) => (demoIndicatorFor(ind.name) === 'town' ? [k] : [])),
  };
  return plans.flatMap((plan, p) => {
    const pool = categoryOf(plan) === 'town' ? pools.town : pools.department;
    const n = 8 + Math.floor(rand() * 5);
    const start = Math.floor(rand() * (pool.length - n));
    return pool.slice(start, start + n).map((k, sort) => {
      const ind = indicators[k]!;
      const base = r2(scale[k]!);
      const sign = ind.direction === 'higher' ? 1 : -1;
      const goal = 0.04 + rand() * 0.12;
      const targets = [1, 2, 3, 4].map((q) => r2(base * (1 + (sign * goal * q) / 4)));
      return {
        planId: plan.id,
        indicatorId: ind.id,
        base,
        targetQ1: targets[0]!,
        targetQ2: targets[1]!,
        targetQ3: targets[2]!,
        targetQ4: targets[3]!,
        benchmarkRegionId: peers[(p + sort) % 2]!,
        weight: 1,
        sort,
      };
    });
  });
}

/** Reports of Q1 and Q2 approved and Q3 submitted, a tenth late, values by each unit's ability. */
async function seedReports(tx: Tx, rand: Random, plans: Plan[], items: Item[]) {
  const ability = new Map(plans.map((p) => [p.id, 0.45 + rand() * 0.75]));
  for (const [q, status] of [
    [1, 'approved'],
    [2, 'approved'],
    [3, 'submitted'],
  ] as const) {
    const period = `2026Q${q}`;
    const deadline = reportDeadline(period, 10);
    const reports = await tx
      .insert(targetReports)
      .values(
        plans.map((p) => {
          const late = rand() < 0.1;
          return {
            planId: p.id,
            unitId: p.unitId,
            period,
            status,
            deadline,
            late,
            submittedAt: new Date(`${deadline}T${late ? '23' : '01'}:00:00+08:00`),
            isDemo: true,
          };
        }),
      )
      .returning();
    const byPlan = new Map(reports.map((r) => [r.planId, r.id]));
    const values = items.flatMap((i) => {
      if (rand() < 0.05) return [];
      const target = [i.targetQ1, i.targetQ2, i.targetQ3, i.targetQ4][q - 1]!;
      const done = ability.get(i.planId)! * (0.8 + rand() * 0.4) + (q - 1) * 0.03;
      return [
        {
          reportId: byPlan.get(i.planId)!,
          indicatorId: i.indicatorId,
          value: r2(i.base + (target - i.base) * done),
          note: '',
        },
      ];
    });
    for (let i = 0; i < values.length; i += 1000)
      await tx.insert(targetReportValues).values(values.slice(i, i + 1000));
  }
}
