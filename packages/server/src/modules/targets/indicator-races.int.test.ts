import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { contextOf, racing, refusal } from '../../test-support/racing.js';
import { createIndicator } from './commands/createIndicator.js';
import { updateIndicator } from './commands/updateIndicator.js';
import { IndicatorInput } from './contracts/library.js';

/**
 * An indicator code taken by another request at the same moment: both pass the check made before
 * the transaction, and the second meets the unique index; it is refused as the check refuses it
 * (CONFLICT, code, taken). `racing` puts the first request between the second one's check and its
 * write, so these run alike on PGlite and PostgreSQL.
 */
let t: TestContext;
let office: TestClient;
beforeAll(async () => {
  t = await createTestContext();
  office = await t.as('office');
});
afterAll(() => t.close());

const body = (code: string, name: string) =>
  IndicatorInput.parse({ code, name, category: 'economy', measure: '%', direction: 'higher' });
const raced = async (code: string) => {
  const ctx = await contextOf(t, office);
  const first = async () =>
    expect((await office.post('/api/v1/targets/indicators', body(code, '先到'))).status).toBe(201);
  return { ...ctx, db: racing(ctx.db, first) };
};
const taken = { code: 'CONFLICT', errors: [{ path: 'code', code: 'taken' }] };

describe('an indicator code taken at the same moment', () => {
  it('refuses the second indicator added with it', async () => {
    expect(await refusal(createIndicator(await raced('RACE-01'), body('RACE-01', '后到')))).toMatchObject(
      taken,
    );
  });

  it('refuses an indicator recoded to it', async () => {
    const mine = await office.post<{ id: string }>('/api/v1/targets/indicators', body('RACE-02', '原有'));
    expect(mine.status).toBe(201);
    expect(
      await refusal(updateIndicator(await raced('RACE-03'), mine.body.id, { code: 'RACE-03' })),
    ).toMatchObject(taken);
  });
});
