import { sha256Hex } from '@qianxing/core/draw';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import type { InspectionTask } from './contracts.js';
import type { PublicDraw } from './contracts-public.js';
import { itemsOf, unitId } from './test-helpers.js';

let t: TestContext;
let office: TestClient;
beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users', 'business', 'inspections'] });
  office = await t.as('office');
});
afterAll(() => t.close());

const publicDraw = async (id: string) => {
  const res = await t
    .client()
    .get<{ items: PublicDraw[] }>('/api/v1/public/inspections/draws?page=1&pageSize=100');
  return res.body.items.find((d) => d.id === id);
};

describe('commit, then reveal', () => {
  it('whatever the order of announce and draw calls, no seed shows before its hash, and neither ever changes', async () => {
    const body = {
      title: '顺序性质测试',
      unitIds: [await unitId(t, 'QJ-D19')],
      itemIds: (await itemsOf(t, 'QJ-D19')).map((i) => i.id),
      sample: { high: 1, medium: 1, low: 0 },
      periodStart: '2026-12-01',
      periodEnd: '2026-12-31',
    };
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom('announce', 'draw'), { minLength: 1, maxLength: 5 }),
        async (ops) => {
          const { body: task } = await office.post<InspectionTask>('/api/v1/inspections/tasks', body);
          let hash: string | null = null;
          let seed: string | null = null;
          for (const op of ops) {
            const res = await office.post<InspectionTask & { code?: string }>(
              `/api/v1/inspections/tasks/${task.id}/${op}`,
            );
            const expected = op === 'announce' ? hash === null : hash !== null && seed === null;
            expect(res.status).toBe(expected ? 200 : 422);
            const now = await office.get<InspectionTask>(`/api/v1/inspections/tasks/${task.id}`);
            if (hash !== null) expect(now.body.seedHash).toBe(hash);
            hash = now.body.seedHash;
            if (seed !== null) expect(now.body.seed).toBe(seed);
            seed = now.body.seed;
            if (seed !== null) expect(sha256Hex(seed)).toBe(hash);
            const shown = await publicDraw(task.id);
            if (hash === null) expect(shown).toBeUndefined();
            else expect(shown).toMatchObject({ seedHash: hash, seed });
          }
        },
      ),
      { numRuns: 12 },
    );
  });
});
