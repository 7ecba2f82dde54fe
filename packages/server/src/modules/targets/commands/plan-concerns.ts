import type { FieldError } from '../../../errors.js';

/**
 * Words that mark an indicator measuring a change (增速, 增幅, 改善值, percentage points, …): its
 * figures may fall below zero. Any other indicator counts, sums or shares something, where a
 * negative figure is a slip of the sign.
 */
const changeWords = /增速|增长率|增幅|增减|增量|变化|变动|改善值|差值|百分点|growth|change/i;

/** Whether an indicator's figures may be negative, judged from its name and unit of measure. */
export const negativeAllowed = (name: string, measure: string): boolean =>
  changeWords.test(name) || changeWords.test(measure);

export interface ConcernItem {
  base: number | null;
  targets: ReadonlyArray<number | null>;
  benchmarkValue: number | null;
}
export interface ConcernIndicator {
  direction: 'higher' | 'lower';
  negativeAllowed: boolean;
}

/**
 * What in a plan row goes against its indicator, one field error per figure (`items.<k>.…`): a
 * quarter's target on the worse side of the unit's own base (below it where higher is better,
 * above it where lower is better), and a negative figure where the indicator cannot be negative.
 * Such a row is submitted only with the unit's reason (a tolerated decline is scored as a floor
 * to hold); without one, submitting is refused. The web app's plan editor words the same checks.
 */
export function itemConcerns(k: number, item: ConcernItem, indicator: ConcernIndicator): FieldError[] {
  const problems: FieldError[] = [];
  const sign = indicator.direction === 'higher' ? 1 : -1;
  const negative = (path: string, value: number | null) => {
    if (value !== null && value < 0 && !indicator.negativeAllowed)
      problems.push({ path, message: 'cannot be negative', code: 'negative_value' });
  };
  negative(`items.${k}.base`, item.base);
  item.targets.forEach((target, q) => {
    const path = `items.${k}.targets.${q}`;
    if (target !== null && item.base !== null && sign * (target - item.base) < 0)
      problems.push({
        path,
        message: `the target goes the wrong way: ${indicator.direction} is better than the base ${item.base}`,
        code: 'target_wrong_way',
        // `origin` picks the words of the direction (errors.field.target_wrong_way_higher).
        params: { base: item.base, origin: indicator.direction },
      });
    else negative(path, target);
  });
  negative(`items.${k}.benchmarkValue`, item.benchmarkValue);
  return problems;
}

/** A row's concerns, and the reason it lacks when it has some: what blocks its submission. */
export function unexplainedConcerns(
  k: number,
  item: ConcernItem & { justification: string },
  indicator: ConcernIndicator,
): FieldError[] {
  const concerns = itemConcerns(k, item, indicator);
  if (concerns.length === 0 || item.justification.trim()) return [];
  return [
    ...concerns,
    {
      path: `items.${k}.justification`,
      message: 'a figure goes against the indicator: give the reason',
      code: 'justification_required',
    },
  ];
}
