import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test-support/app.js';
import type { ReformList } from '../contracts.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users', 'reforms'] });
});
afterAll(() => t.close());

describe('the demo reform lists', () => {
  it('are numbered in order from 1, as a new list continues them', async () => {
    const lists = (await (await t.as('office')).get<ReformList[]>('/api/v1/reforms/lists')).body;
    expect(lists.map((l) => l.sort)).toEqual([1, 2, 3]);
  });
});
