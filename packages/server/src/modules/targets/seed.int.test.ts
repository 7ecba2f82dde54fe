import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test-support/app.js';
import type { PublicScorecard } from './contracts/scorecards.js';

process.env.QIANXING_DATA_DIR = mkdtempSync(join(tmpdir(), 'qx-targets-seed-'));

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
});
