import { type PlanRowFigures, type PlanRowIndicator, planRowConcerns } from '@qianxing/core/targets';
import type { FieldError } from '../../../errors.js';

export { negativeAllowed } from '@qianxing/core/targets';

const messages = {
  target_wrong_way: (base: number, direction: string) =>
    `the target goes the wrong way: ${direction} is better than the base ${base}`,
  negative_value: () => 'cannot be negative',
};

/**
 * A row's concerns (`planRowConcerns`, the rule the plan editor reads too) as field errors, and
 * the reason it lacks when it has some: what blocks its submission. The web app words them.
 */
export function unexplainedConcerns(
  k: number,
  item: PlanRowFigures & { justification: string },
  indicator: PlanRowIndicator,
): FieldError[] {
  const concerns = planRowConcerns(k, item, indicator);
  if (concerns.length === 0 || item.justification.trim()) return [];
  return [
    ...concerns.map(({ path, code, params }) => ({
      path,
      code,
      message: messages[code](params?.base ?? 0, indicator.direction),
      ...(params ? { params } : {}),
    })),
    {
      path: `items.${k}.justification`,
      message: 'a figure goes against the indicator: give the reason',
      code: 'justification_required',
    },
  ];
}
