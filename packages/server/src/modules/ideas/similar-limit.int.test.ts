import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test-support/app.js';
import { makeUnit, signedIn } from '../../test-support/factories.js';
import { makeCampaign } from '../../test-support/factories-ideas.js';

let t: TestContext;
let citizen: () => ReturnType<typeof signedIn>;
beforeAll(async () => {
  process.env.QIANXING_IDEAS_SIMILAR_LIMIT = '3';
  t = await createTestContext({ seed: [] });
  const district = await makeUnit(t);
  await makeCampaign(await signedIn(t, 'admin', district));
  citizen = () => signedIn(t, 'citizen', district);
});
afterAll(async () => {
  delete process.env.QIANXING_IDEAS_SIMILAR_LIMIT;
  await t.close();
});

const path = '/api/v1/public/suggestions/similar';
const draft = { text: '高铁站到城区的接驳公交太少' };

describe('similar-suggestion look-ups are rate-limited', () => {
  it('refuses an address past the limit and lets another address go on', async () => {
    const one = t.client('10.7.0.1');
    for (let i = 0; i < 3; i++) expect((await one.post(path, draft)).status).toBe(200);
    const refused = await one.post<{ code: string }>(path, draft);
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe('RATE_LIMITED');
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    expect((await t.client('10.7.0.2').post(path, draft)).status).toBe(200);
  });

  it('counts a signed-in account on its own, not on its address', async () => {
    const account = await citizen();
    const neighbour = t.client(account.ip);
    for (let i = 0; i < 3; i++) expect((await neighbour.post(path, draft)).status).toBe(200);
    expect((await neighbour.post(path, draft)).status).toBe(429);
    expect((await account.post(path, draft)).status).toBe(200);
  });
});
