import type { FieldError } from '../../../errors.js';
import type { targetPlanItems, targetPlans } from '../schema.js';

type PlanRow = Pick<typeof targetPlans.$inferSelect, 'contactName' | 'contactPhone'>;
type ItemRow = Pick<
  typeof targetPlanItems.$inferSelect,
  | 'base'
  | 'targetQ1'
  | 'targetQ2'
  | 'targetQ3'
  | 'targetQ4'
  | 'benchmarkRegionId'
  | 'benchmarkValue'
  | 'weight'
>;

const required = (path: string): FieldError => ({ path, message: 'required', code: 'required' });

/**
 * What a plan still lacks before it can be submitted, one field error per blank: the contact
 * and phone, and for each row (`items.<k>`, in the plan's order) the base, the four quarterly
 * targets, a benchmark (a region or a value) and the weight. A draft may keep any of them blank.
 */
export function missingForSubmit(plan: PlanRow, items: ItemRow[]): FieldError[] {
  const problems: FieldError[] = [];
  if (!plan.contactName.trim()) problems.push(required('contactName'));
  if (!plan.contactPhone.trim()) problems.push(required('contactPhone'));
  items.forEach((item, k) => {
    if (item.base === null) problems.push(required(`items.${k}.base`));
    [item.targetQ1, item.targetQ2, item.targetQ3, item.targetQ4].forEach((target, q) => {
      if (target === null) problems.push(required(`items.${k}.targets.${q}`));
    });
    if (item.benchmarkRegionId === null && item.benchmarkValue === null)
      problems.push({
        path: `items.${k}.benchmarkValue`,
        message: 'a benchmark region or value is required',
        code: 'benchmark_missing',
      });
    if (item.weight === null) problems.push(required(`items.${k}.weight`));
  });
  return problems;
}
