import type { Unit } from '../modules/units/api.js';
import type { TestClient } from './app.js';

/**
 * Factories of the targets module, through its routes as the office and a unit's staff use them:
 * indicators of the library, a unit's yearly plan in a given state of review.
 */
let serial = 0;

export interface MadeIndicator {
  id: string;
  code: string;
  name: string;
  direction: 'higher' | 'lower';
}

/** An indicator added to the library by the office; higher is better unless `direction` says not. */
export async function makeIndicator(
  office: TestClient,
  options: { direction?: 'higher' | 'lower'; code?: string; name?: string } = {},
): Promise<MadeIndicator> {
  const n = ++serial;
  const res = await office.post<MadeIndicator>('/api/v1/targets/indicators', {
    code: options.code ?? `IND-${n}`,
    name: options.name ?? `测试指标${n}`,
    measure: '%',
    direction: options.direction ?? 'higher',
    category: 'economy',
    source: '区统计局',
  });
  if (res.status !== 201) throw new Error(`indicator: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export type PlanState = 'draft' | 'submitted' | 'approved';

/** The items of a plan: a base of 100 and four quarterly targets moving the better way. */
export const planItems = (indicators: readonly MadeIndicator[]) =>
  indicators.map((i) => ({
    indicatorId: i.id,
    base: 100,
    targets: i.direction === 'higher' ? [105, 110, 115, 120] : [95, 90, 85, 80],
    benchmarkValue: 130,
  }));

/**
 * The plan of `unit` for `year`, written by its `staff` with the given indicators, and brought to
 * `state`: submitted by the staff, then approved by `office` (an admin over the unit).
 */
export async function makePlan(options: {
  unit: Pick<Unit, 'id'>;
  staff: TestClient;
  indicators: readonly MadeIndicator[];
  state?: PlanState;
  office?: TestClient;
  year?: number;
}): Promise<{ id: string; status: PlanState }> {
  const { staff } = options;
  const created = await staff.post<{ id: string; status: PlanState }>('/api/v1/targets/plans', {
    unitId: options.unit.id,
    year: options.year ?? 2026,
    contactName: '联络员',
    contactPhone: '13912345678',
    items: planItems(options.indicators),
  });
  if (created.status !== 201) throw new Error(`plan: ${created.status} ${JSON.stringify(created.body)}`);
  const state = options.state ?? 'draft';
  if (state === 'draft') return created.body;
  const plan = `/api/v1/targets/plans/${created.body.id}`;
  const submitted = await staff.post<{ id: string; status: PlanState }>(`${plan}/submit`);
  if (submitted.body.status !== 'submitted')
    throw new Error(`plan submit: ${JSON.stringify(submitted.body)}`);
  if (state === 'submitted') return submitted.body;
  if (!options.office) throw new Error('an approved plan needs the office to approve it');
  const approved = await options.office.post<{ id: string; status: PlanState }>(`${plan}/approve`);
  if (approved.body.status !== 'approved') throw new Error(`plan approve: ${JSON.stringify(approved.body)}`);
  return approved.body;
}
