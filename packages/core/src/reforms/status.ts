import { projectProgress, type WeightedMilestone } from './progress.js';

/** Where a project stands, as the ledger and the public pages show it. */
export const projectStatuses = ['not_started', 'on_track', 'behind', 'completed'] as const;
export type ProjectStatus = (typeof projectStatuses)[number];

export interface DatedMilestone extends WeightedMilestone {
  /** YYYY-MM-DD. */
  dueDate: string;
}

export interface StatusInput {
  /** YYYY-MM-DD, the project's start and end. */
  start: string;
  end: string;
  milestones: readonly DatedMilestone[];
}

/** Milestones past their due date (the whole due day counts) and not wholly done. */
export const overdueMilestones = <M extends DatedMilestone>(milestones: readonly M[], today: string): M[] =>
  milestones.filter((m) => m.dueDate < today && m.done < 1);

/**
 * 已完成 when it has milestones and every one is wholly done; 滞后 when a milestone is overdue or
 * the end date has passed unfinished; 未启动 before its start with nothing done; 推进中 otherwise.
 */
export function projectStatus(p: StatusInput, today: string): ProjectStatus {
  const all = p.milestones.length > 0 && p.milestones.every((m) => m.done === 1);
  if (all) return 'completed';
  if (overdueMilestones(p.milestones, today).length > 0 || p.end < today) return 'behind';
  if (today < p.start && projectProgress(p.milestones) === 0) return 'not_started';
  return 'on_track';
}
