import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test-support/app.js';
import { tempFolders } from '../../test-support/temp-folders.js';
import { listUnits } from '../units/api.js';
import type { PublicScorecard } from './contracts/scorecards.js';
import { unitCategory } from './queries/lookup.js';
import { targetIndicators, targetPlanItems, targetPlans } from './schema.js';

// A data folder of this file's own, removed after it; the setting is put back for the next file.
const previousDataDir = process.env.QIANXING_DATA_DIR;
process.env.QIANXING_DATA_DIR = tempFolders('qx-targets-seed-')();
afterAll(() => {
  if (previousDataDir === undefined) delete process.env.QIANXING_DATA_DIR;
  else process.env.QIANXING_DATA_DIR = previousDataDir;
});

const contexts: TestContext[] = [];
afterAll(async () => {
  for (const t of contexts) await t.close();
});

/** The published 2026Q2 standings of a fresh demo database, by unit name. */
async function standings() {
  const t = await createTestContext();
  contexts.push(t);
  const res = await t.client().get<PublicScorecard>('/api/v1/public/scorecards/2026Q2');
  expect(res.status).toBe(200);
  return Object.fromEntries(
    res.body.categories.flatMap((c) => c.units.map((u) => [u.unitName, { score: u.score, rank: u.rank }])),
  );
}

describe('the targets demo', () => {
  it('is the same in every fresh database, whatever ids the units get', async () => {
    const first = await standings();
    const second = await standings();
    expect(Object.keys(first).length).toBeGreaterThan(30);
    expect(second).toEqual(first);
    // Two fresh demo databases: 17 s on a quiet machine, more on a busy one.
  }, 120_000);

  it("gives a department's plan the district's indicators and a town's plan the towns'", async () => {
    const t = contexts[0] ?? (await createTestContext());
    if (!contexts.includes(t)) contexts.push(t);
    const db = t.database.db;
    const kinds = new Map((await listUnits(db)).map((u) => [u.id, unitCategory(u.kind)]));
    const rows = await db
      .select({ unitId: targetPlans.unitId, code: targetIndicators.code, name: targetIndicators.name })
      .from(targetPlanItems)
      .innerJoin(targetPlans, eq(targetPlans.id, targetPlanItems.planId))
      .innerJoin(targetIndicators, eq(targetIndicators.id, targetPlanItems.indicatorId));
    const byKind = (kind: string) => rows.filter((r) => kinds.get(r.unitId) === kind);
    expect(byKind('department').length).toBeGreaterThan(100);
    expect(byKind('town').length).toBeGreaterThan(100);
    expect(byKind('department').filter((r) => r.name.endsWith('（乡镇）'))).toEqual([]);
    expect(byKind('town').filter((r) => !r.name.endsWith('（乡镇）'))).toEqual([]);
  }, 60_000);
});
