/**
 * Reform projects (改革清单), browser-safe: the progress roll-up of milestones into projects and
 * of projects into lists, and where a project stands.
 */

export { battleProgress, type PlanStep, planBands, planSteps, type StepBand, stepOf } from './battle.js';
export {
  type ListRollUp,
  meanProgress,
  projectProgress,
  ReformProgressError,
  type RollUp,
  type RollUpInput,
  type RollUpMilestone,
  type RollUpProject,
  rollUp,
  type WeightedMilestone,
} from './progress.js';
export {
  type DatedMilestone,
  overdueMilestones,
  type ProjectStatus,
  projectStatus,
  projectStatuses,
  type StatusInput,
} from './status.js';
