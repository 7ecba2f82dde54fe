import { toDayNumber } from '../calendar/index.js';

/**
 * The stages a signed investment project goes through, in order: 签约 (signed), 注册 (the project
 * company registered), 开工 (construction started), 投产 (in production), 达效 (up to its
 * designed output).
 */
export const projectStages = ['signed', 'registered', 'started', 'producing', 'effective'] as const;
export type ProjectStage = (typeof projectStages)[number];

/** The date each stage was reached, when it was (signed always is). */
export type StageDates = Partial<Record<ProjectStage, string>> & { signed: string };

/**
 * Days a project may stay at a stage before it counts as stalled, keyed by the stage it waits
 * to reach: 90 days from signing to registering the company, 180 more to break ground, a year of
 * construction to production, a year of ramp-up to designed output.
 */
export const defaultStallDays: Readonly<Record<Exclude<ProjectStage, 'signed'>, number>> = {
  registered: 90,
  started: 180,
  producing: 365,
  effective: 365,
};
export type StallDays = Record<Exclude<ProjectStage, 'signed'>, number>;

const days = (from: string, to: string) => toDayNumber(to) - toDayNumber(from);

/** The furthest stage reached. */
export function currentStage(dates: StageDates): ProjectStage {
  let at: ProjectStage = 'signed';
  for (const stage of projectStages) if (dates[stage]) at = stage;
  return at;
}

/** Why a stage date does not fit: a gap before it, or a date out of order with a neighbour. */
export type StageProblem =
  | { code: 'previous_stage_missing'; previous: ProjectStage }
  | { code: 'before_previous_stage'; previous: ProjectStage; previousOn: string }
  | { code: 'after_next_stage'; next: ProjectStage; nextOn: string };

/**
 * Whether `stage` may be dated `on` given the dates already known: every earlier stage must have
 * been reached, on or before `on`, and a later stage already dated must not come before it (a
 * correction of an earlier stage keeps the order too). Null when it fits.
 */
export function checkStageDate(dates: StageDates, stage: ProjectStage, on: string): StageProblem | null {
  const at = projectStages.indexOf(stage);
  for (let i = at - 1; i >= 0; i -= 1) {
    const previous = projectStages[i]!;
    const previousOn = dates[previous];
    if (!previousOn) return { code: 'previous_stage_missing', previous };
    if (on < previousOn) return { code: 'before_previous_stage', previous, previousOn };
  }
  for (const next of projectStages.slice(at + 1)) {
    const nextOn = dates[next];
    if (nextOn && nextOn < on) return { code: 'after_next_stage', next, nextOn };
  }
  return null;
}

/** The landing cycle (落地周期): calendar days from signing to production; null before production. */
export function landingCycleDays(dates: StageDates): number | null {
  return dates.producing ? days(dates.signed, dates.producing) : null;
}

/**
 * A project not yet up to designed output is stalled once it has waited longer than allowed at
 * its current stage for the next one, counted in calendar days from the date it reached its
 * current stage to `today`. Answers the days past that date, or null when it is not stalled.
 */
export function stalledDays(dates: StageDates, today: string, limits: StallDays = defaultStallDays) {
  const at = currentStage(dates);
  if (at === 'effective') return null;
  const next = projectStages[projectStages.indexOf(at) + 1] as Exclude<ProjectStage, 'signed'>;
  const waited = days(dates[at]!, today);
  return waited > limits[next] ? { waitingFor: next, days: waited } : null;
}

/** The median of a list of numbers; null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The change from `before` to `now` as a percentage; null when there is nothing to compare with. */
export function percentChange(now: number, before: number): number | null {
  return before === 0 ? null : ((now - before) / before) * 100;
}

export interface LandingPeriod {
  /** `2025` for a year, `2025-Q3` for a quarter. */
  period: string;
  /** Projects that reached production in the period. */
  projects: number;
  medianDays: number | null;
  /** Change of the median against the baseline year's, in percent (−40 meets the target). */
  change: number | null;
}

const periodOf = (date: string, by: 'year' | 'quarter') =>
  by === 'year' ? date.slice(0, 4) : `${date.slice(0, 4)}-Q${Math.ceil(Number(date.slice(5, 7)) / 3)}`;

/**
 * The trend of the landing cycle: per year or quarter of reaching production, the median landing
 * cycle of the projects that reached it then, and its change against the median of the baseline
 * year (all projects that reached production in that year). Periods in order; those with no
 * project are left out.
 */
export function landingTrend(
  projects: readonly StageDates[],
  by: 'year' | 'quarter',
  baselineYear: number,
): { baselineDays: number | null; periods: LandingPeriod[] } {
  const cycles = new Map<string, number[]>();
  const baseline: number[] = [];
  for (const p of projects) {
    const cycle = landingCycleDays(p);
    if (cycle === null) continue;
    const period = periodOf(p.producing!, by);
    cycles.set(period, [...(cycles.get(period) ?? []), cycle]);
    if (p.producing!.startsWith(`${baselineYear}-`)) baseline.push(cycle);
  }
  const baselineDays = median(baseline);
  const periods = [...cycles.keys()].sort().map((period) => {
    const list = cycles.get(period)!;
    const medianDays = median(list);
    return {
      period,
      projects: list.length,
      medianDays,
      change: medianDays === null || baselineDays === null ? null : percentChange(medianDays, baselineDays),
    };
  });
  return { baselineDays, periods };
}
