import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { makeDistrict, makeUnit, signedIn } from '../../test-support/factories.js';
import { makeIndicator, makePlan } from '../../test-support/factories-targets.js';
import type { Unit } from '../units/api.js';

let t: TestContext;
let office: TestClient;
/** The units in the tree's order: the street, a community under it, the town, then departments. */
let inTree: Unit[];
const plans = new Map<string, string>();
beforeAll(async () => {
  t = await createTestContext({ seed: [] });
  const tree = await makeDistrict(t);
  const community = await makeUnit(t, { parent: tree.street, kind: 'community' });
  const later = [];
  for (let k = 0; k < 3; k++) later.push(await makeUnit(t, { parent: tree.district, kind: 'department' }));
  inTree = [tree.street, community, tree.town, tree.department, ...later];
  office = await signedIn(t, 'admin', tree.district);
  const indicators = [await makeIndicator(office)];
  // Written in an order of their own, neither the tree's nor its reverse.
  for (const k of [3, 0, 5, 1, 6, 2, 4]) {
    const unit = inTree[k]!;
    const staff = await signedIn(t, 'department_staff', unit);
    for (const year of [2027, 2026]) {
      const plan = await makePlan({ unit, staff, indicators, state: 'approved', office, year });
      if (year === 2026) plans.set(unit.id, plan.id);
    }
    for (const period of ['2026Q2', '2026Q1'])
      await staff.post('/api/v1/targets/reports', { planId: plans.get(unit.id), period, values: [] });
  }
});
afterAll(() => t.close());

const names = () => inTree.map((u) => u.name);

describe('the office’s lists of plans and reports', () => {
  it('list plans by year, then each unit’s place in the unit tree', async () => {
    const res = await office.get<Array<{ year: number; unitName: string }>>('/api/v1/targets/plans');
    expect(res.body.map((p) => [p.year, p.unitName])).toEqual([
      ...names().map((n) => [2026, n]),
      ...names().map((n) => [2027, n]),
    ]);
  });

  it('list reports by quarter, then each unit’s place in the unit tree', async () => {
    const all = await office.get<{ items: Array<{ period: string; unitName: string }> }>(
      '/api/v1/targets/reports',
    );
    expect(all.body.items.map((r) => [r.period, r.unitName])).toEqual([
      ...names().map((n) => ['2026Q1', n]),
      ...names().map((n) => ['2026Q2', n]),
    ]);
    const one = await office.get<{ items: Array<{ unitName: string }> }>(
      '/api/v1/targets/reports?period=2026Q2',
    );
    expect(one.body.items.map((r) => r.unitName)).toEqual(names());
  });
});
