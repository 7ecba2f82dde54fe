/**
 * What in a unit's yearly plan row goes against its indicator: one rule, read by the server when
 * the plan is submitted and by the plan editor as figures are typed.
 */

/**
 * Words that mark an indicator measuring a change (增速, 增幅, 改善值, percentage points, …): its
 * figures may fall below zero. Any other indicator counts, sums or shares something, where a
 * negative figure is a slip of the sign.
 */
const changeWords = /增速|增长率|增幅|增减|增量|变化|变动|改善值|差值|百分点|growth|change/i;

/** Whether an indicator's figures may be negative, judged from its name and unit of measure. */
export const negativeAllowed = (name: string, measure: string): boolean =>
  changeWords.test(name) || changeWords.test(measure);

export interface PlanRowFigures {
  base: number | null;
  targets: ReadonlyArray<number | null>;
  benchmarkValue: number | null;
}

export interface PlanRowIndicator {
  direction: 'higher' | 'lower';
  negativeAllowed: boolean;
}

/** One figure against its indicator, at the path the server's field errors use (`items.<k>.targets.1`). */
export interface PlanConcern {
  path: string;
  code: 'target_wrong_way' | 'negative_value';
  /** `origin` picks the words of the direction (errors.field.target_wrong_way_higher). */
  params?: { base: number; origin: 'higher' | 'lower' };
}

/**
 * A row's concerns, one per figure: a quarter's target on the worse side of the unit's own base
 * (below it where higher is better, above it where lower is better), and a negative figure where
 * the indicator cannot be negative. Such a row is submitted only with the unit's reason (a
 * tolerated decline is scored as a floor to hold).
 */
export function planRowConcerns(k: number, row: PlanRowFigures, indicator: PlanRowIndicator): PlanConcern[] {
  const out: PlanConcern[] = [];
  const sign = indicator.direction === 'higher' ? 1 : -1;
  const negative = (path: string, value: number | null) => {
    if (value !== null && value < 0 && !indicator.negativeAllowed) out.push({ path, code: 'negative_value' });
  };
  negative(`items.${k}.base`, row.base);
  row.targets.forEach((target, q) => {
    const path = `items.${k}.targets.${q}`;
    if (target !== null && row.base !== null && sign * (target - row.base) < 0)
      out.push({ path, code: 'target_wrong_way', params: { base: row.base, origin: indicator.direction } });
    else negative(path, target);
  });
  negative(`items.${k}.benchmarkValue`, row.benchmarkValue);
  return out;
}
