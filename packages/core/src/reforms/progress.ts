/**
 * Progress of reform projects and their lists (改革清单). A project's progress is the weighted
 * share of its milestones done: Σ weight × done / Σ weight, where `done` is 0 or 1, or the fraction
 * a report gave and the reform office approved. A list's progress is the plain mean of its
 * projects' progress, so a project with many milestones counts no more than one with few.
 */

/** A milestone as the roll-up sees it: its weight (> 0) and how much of it is done (0..1). */
export interface WeightedMilestone {
  weight: number;
  done: number;
}

/** Input the roll-up refuses: a weight that is not a positive number, a done share outside 0..1. */
export class ReformProgressError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReformProgressError';
  }
}

function check(m: WeightedMilestone): void {
  if (!(Number.isFinite(m.weight) && m.weight > 0))
    throw new ReformProgressError(`a milestone weight must be a positive number, not ${m.weight}`);
  if (!(m.done >= 0 && m.done <= 1)) throw new ReformProgressError(`done must lie in 0..1, not ${m.done}`);
}

/**
 * Σ weight × done / Σ weight over the milestones, in 0..1; 0 for a project without milestones
 * (nothing planned is nothing done). Each product w × d is at most w and floating-point sums
 * are monotonic, so the quotient never exceeds 1.
 */
export function projectProgress(milestones: readonly WeightedMilestone[]): number {
  let largest = 0;
  for (const m of milestones) {
    check(m);
    largest = Math.max(largest, m.weight);
  }
  if (largest === 0) return 0;
  // Each weight relative to the largest: a tiny weight (5e-324) times a share (0.001) would
  // underflow to 0 and lose its milestone, and scaling every weight would move the result.
  let weighted = 0;
  let total = 0;
  for (const m of milestones) {
    const w = m.weight / largest;
    weighted += w * m.done;
    total += w;
  }
  return weighted / total;
}

/** The mean of the projects' progress; 0 for a list without projects. */
export function meanProgress(progress: readonly number[]): number {
  if (progress.length === 0) return 0;
  let sum = 0;
  for (const p of progress) sum += p;
  return sum / progress.length;
}

export interface RollUpProject {
  id: string;
  listId: string;
}

export interface RollUpMilestone extends WeightedMilestone {
  projectId: string;
}

export interface RollUpInput {
  /** Every list, including those without projects (their progress is 0). */
  listIds: readonly string[];
  projects: readonly RollUpProject[];
  milestones: readonly RollUpMilestone[];
}

export interface ListRollUp {
  projects: number;
  /** Mean of its projects' progress, 0..1. */
  progress: number;
}

export interface RollUp {
  /** Progress of each project by id, 0..1. */
  projects: Map<string, number>;
  /** Each list by id, in the order of `listIds`. */
  lists: Map<string, ListRollUp>;
}

/**
 * Every project's and every list's progress in one pass over the milestones (what the public
 * summary and the ledger recompute on each read). The sums are taken in the milestones' order
 * per project, exactly as `projectProgress` takes them, so both give the same number.
 */
export function rollUp(input: RollUpInput): RollUp {
  // Grouped first, then each project through projectProgress: one formula for one project.
  const byProject = new Map<string, WeightedMilestone[]>();
  for (const p of input.projects) byProject.set(p.id, []);
  for (const m of input.milestones) {
    const ms = byProject.get(m.projectId);
    if (!ms) throw new ReformProgressError(`milestone of an unknown project ${m.projectId}`);
    ms.push(m);
  }
  const projects = new Map<string, number>();
  const byList = new Map<string, number[]>(input.listIds.map((id) => [id, []]));
  for (const p of input.projects) {
    const progress = projectProgress(byProject.get(p.id)!);
    projects.set(p.id, progress);
    const list = byList.get(p.listId);
    if (!list) throw new ReformProgressError(`project ${p.id} is on an unknown list ${p.listId}`);
    list.push(progress);
  }
  const lists = new Map<string, ListRollUp>();
  for (const [id, progress] of byList)
    lists.set(id, { projects: progress.length, progress: meanProgress(progress) });
  return { projects, lists };
}
