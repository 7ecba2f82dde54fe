/**
 * Key battles (十大攻坚战) and the three-step plan (一年起势、三年成势、五年胜势), browser-safe.
 *
 * A battle's progress is the plain mean of its parts' progress, each in 0..1: every phase's own
 * progress (0 or 1 for a done flag, or the fraction the office recorded) and every linked
 * project's progress as `projectProgress` gives it (Σ weight × done / Σ weight of its milestones).
 * A phase and a project weigh the same; a battle with neither is at 0.
 */
import { meanProgress, ReformProgressError } from './progress.js';

export const planSteps = ['rise', 'momentum', 'victory'] as const;
export type PlanStep = (typeof planSteps)[number];

/** Where each step ends, in years from the plan's start: one, three and five. */
const stepEnds: Record<PlanStep, number> = { rise: 1, momentum: 3, victory: 5 };

export interface StepBand {
  step: PlanStep;
  /** First day, YYYY-MM-DD. */
  start: string;
  /** Last day, YYYY-MM-DD. */
  end: string;
}

const addYears = (date: string, years: number) =>
  `${String(Number(date.slice(0, 4)) + years).padStart(4, '0')}${date.slice(4)}`;
const dayBefore = (date: string) =>
  new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/**
 * The three steps as consecutive date ranges from the plan's start: the first year, then to the
 * end of the third, then to the end of the fifth. A start on 29 February counts from 1 March.
 */
export function planBands(start: string): StepBand[] {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(start) || Number.isNaN(Date.parse(`${start}T00:00:00Z`)))
    throw new ReformProgressError(`a plan starts on a date, not ${start}`);
  const from = start.endsWith('-02-29') ? `${start.slice(0, 4)}-03-01` : start;
  let begin = from;
  return planSteps.map((step) => {
    const next = addYears(from, stepEnds[step]);
    const band = { step, start: begin, end: dayBefore(next) };
    begin = next;
    return band;
  });
}

/** The step a date falls in, or null before the plan or after its fifth year. */
export function stepOf(start: string, date: string): PlanStep | null {
  return planBands(start).find((b) => b.start <= date && date <= b.end)?.step ?? null;
}

/** A battle's progress: the mean over its phases' and its projects' progress together, in 0..1. */
export function battleProgress(parts: { phases: readonly number[]; projects: readonly number[] }): number {
  const all = [...parts.phases, ...parts.projects];
  for (const p of all)
    if (!(p >= 0 && p <= 1)) throw new ReformProgressError(`progress must lie in 0..1, not ${p}`);
  return meanProgress(all);
}
