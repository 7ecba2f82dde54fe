/**
 * What in a plan row goes against its indicator, as the server checks it on submission
 * (server: modules/targets/commands/plan-concerns.ts): a quarter's target on the worse side of the
 * base, a negative figure where the indicator cannot be negative. The editor marks them as they
 * are typed and asks for the unit's reason; the office's review shows them beside that reason.
 */
export interface Concern {
  /** As the server's field paths: `items.<k>.targets.1`. */
  path: string;
  code: 'target_wrong_way' | 'negative_value';
  params?: { base: number; origin: 'higher' | 'lower' };
}

export interface ConcernRow {
  base: number | null;
  targets: ReadonlyArray<number | null>;
  benchmarkValue: number | null;
  direction: 'higher' | 'lower';
  negativeAllowed: boolean;
}

export function rowConcerns(k: number, row: ConcernRow): Concern[] {
  const out: Concern[] = [];
  const sign = row.direction === 'higher' ? 1 : -1;
  const negative = (path: string, value: number | null) => {
    if (value !== null && value < 0 && !row.negativeAllowed) out.push({ path, code: 'negative_value' });
  };
  negative(`items.${k}.base`, row.base);
  row.targets.forEach((target, q) => {
    const path = `items.${k}.targets.${q}`;
    if (target !== null && row.base !== null && sign * (target - row.base) < 0)
      out.push({ path, code: 'target_wrong_way', params: { base: row.base, origin: row.direction } });
    else negative(path, target);
  });
  negative(`items.${k}.benchmarkValue`, row.benchmarkValue);
  return out;
}
