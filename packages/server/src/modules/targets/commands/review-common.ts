import type { ServiceContext } from '../../../context.js';
import { AppError, type FieldError } from '../../../errors.js';
import {
  assertMoved,
  checkTransition,
  defineWorkflow,
  sourcesOf,
  targetOf,
} from '../../../kernel/workflow.js';
import { maskedForAudit } from './audit-masked.js';

/**
 * The review flow shared by catch-up plans and quarterly reports: the unit submits a draft (or
 * a returned one), the office approves or returns it.
 */
export const reviewFlow = defineWorkflow({
  name: 'review',
  entity: 'targetPlan',
  states: ['draft', 'submitted', 'approved', 'returned'] as const,
  transitions: {
    submit: { from: ['draft', 'returned'], to: 'submitted' },
    approve: { from: ['submitted'], to: 'approved' },
    return: { from: ['submitted'], to: 'returned' },
    // Plans only: the office sends an approved plan back for revision, saying why (reopenPlan.ts).
    reopen: { from: ['approved'], to: 'returned' },
  },
});

/** Plans and reports share the flow; each page words its states its own way. */
export const reviewEntity = { plan: 'targetPlan', report: 'targetReport' } as const;

export type ReviewStep = keyof typeof reviewFlow.transitions;
type Status = (typeof reviewFlow.states)[number];

export const stepSources = (step: ReviewStep): Status[] => sourcesOf(reviewFlow, step);

/**
 * Refuses a step the actor may take in no state (FORBIDDEN) before one the document is in the
 * wrong state for (INVALID_STATE), and a submission with nothing in it (`empty`: the field error
 * naming what is missing).
 */
export async function checkStep(
  what: 'plan' | 'report',
  step: ReviewStep,
  current: Status,
  mayIn: (status: Status) => boolean,
  entries: { count: () => Promise<number>; empty: FieldError },
) {
  checkTransition({ ...reviewFlow, name: what, entity: reviewEntity[what] }, step, current, mayIn);
  if (step === 'submit' && (await entries.count()) === 0)
    throw new AppError('INVALID_STATE', entries.empty.message, [entries.empty]);
}

/**
 * The columns a step sets besides any of its own; a submission is dated `submittedAt` (now, or
 * for a returned report its first submission).
 */
export function stepChanges(
  ctx: ServiceContext,
  step: ReviewStep,
  now: Date,
  reason?: string,
  submittedAt = now,
) {
  return step === 'submit'
    ? { status: targetOf(reviewFlow, step), submittedAt, returnReason: null, updatedAt: now }
    : {
        status: targetOf(reviewFlow, step),
        reviewedAt: now,
        reviewedBy: ctx.principal!.userId,
        returnReason: reason ?? null,
        updatedAt: now,
      };
}

/** What a review step has read and will write: the state it leaves, the columns it sets, what it adds to the audit. */
export interface StepLoaded {
  before: Status;
  changes: ReturnType<typeof stepChanges> & { late?: boolean };
  after: Record<string, unknown>;
  /** When set, the write moves the document only if it was not edited since this (its updatedAt when checked). */
  unchangedSince?: Date;
  /** A plan being reopened: its year, whose published quarters are checked again in the transaction. */
  year?: number;
  /** A report: its plan and quarter, checked again in the transaction. */
  report?: { planId: string; period: string };
}

/**
 * The audit entry of a step (its action is the command's name, `<plan|report>.<step>`), once its
 * conditional update has moved the document; a document another reviewer moved first refuses.
 */
export function stepAudit(
  what: 'plan' | 'report',
  id: string,
  step: ReviewStep,
  loaded: StepLoaded,
  moved: unknown[],
) {
  assertMoved({ name: what }, moved);
  return {
    entityType: what,
    entityId: id,
    before: { status: loaded.before },
    // A reason may hold a phone or ID number typed into it: the log keeps it masked.
    after: maskedForAudit({ status: targetOf(reviewFlow, step), ...loaded.after }),
  };
}
