import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { makeDistrict, signedIn } from '../../test-support/factories.js';
import { contextOf, racing, sideBySide } from '../../test-support/racing.js';
import { computeScorecard } from './commands/computeScorecard.js';
import type { Scorecard } from './contracts/scorecards.js';
import { targetScorecards } from './schema.js';
import { auditOf } from './test-helpers.js';

/**
 * A quarter's first compute pressed twice at once (two tabs, two clerks of the office): both ask
 * for the quarter's draft, so both get it, one draft, the second a recompute of the first's,
 * rather than the second failing on the quarter's unique index. Both tests fail without that on
 * PGlite and PostgreSQL; the two transactions of the second truly overlap only on PostgreSQL (on
 * PGlite's one connection they take turns, the second having read no draft before the first
 * committed). Run on PGlite, and on PostgreSQL with DATABASE_URL set.
 */
let t: TestContext;
let office: TestClient;
beforeAll(async () => {
  t = await createTestContext({ seed: [] });
  const tree = await makeDistrict(t);
  office = await signedIn(t, 'admin', tree.district);
});
afterAll(() => t.close());

const cardsOf = (period: string) =>
  t.database.db.select().from(targetScorecards).where(eq(targetScorecards.period, period));

describe('the first compute of a quarter pressed twice at once', () => {
  it('gives the second the draft the first made, computed again', async () => {
    const ctx = await contextOf(t, office);
    let first: Scorecard | undefined;
    const firstCompute = async () => {
      const res = await office.post<Scorecard>('/api/v1/targets/scorecards', { period: '2020Q1' });
      expect(res.status).toBe(200);
      first = res.body;
    };
    const second = await computeScorecard({ ...ctx, db: racing(ctx.db, firstCompute) }, '2020Q1');
    expect(second).toMatchObject({ id: first!.id, period: '2020Q1', status: 'draft' });
    expect(await cardsOf('2020Q1')).toHaveLength(1);
    expect(await auditOf(t, first!.id)).toEqual(['scorecard.compute', 'scorecard.compute']);
  });

  it('makes one draft of two computes in transactions open side by side', async () => {
    const ctx = await contextOf(t, office);
    const together = sideBySide(2, 'before commit');
    const both = await Promise.all([
      computeScorecard(together(ctx), '2020Q2'),
      computeScorecard(together(ctx), '2020Q2'),
    ]);
    expect(both[0]!.id).toBe(both[1]!.id);
    expect(await cardsOf('2020Q2')).toHaveLength(1);
  });
});
