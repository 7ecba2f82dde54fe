import { audit } from '../../audit/audit.js';
import { actor, type ServiceContext } from '../../context.js';
import type { Db } from '../../db/client.js';
import { AppError, forbidden } from '../../errors.js';

/**
 * The review flow shared by catch-up plans and quarterly reports: the unit submits a draft (or
 * a returned one), the office approves or returns it. Each step is conditional on the state
 * read, so two reviewers racing cannot both succeed.
 */
export type ReviewStep = 'submit' | 'approve' | 'return';
type Status = 'draft' | 'submitted' | 'approved' | 'returned';

export const stepTarget: Record<ReviewStep, Status> = {
  submit: 'submitted',
  approve: 'approved',
  return: 'returned',
};
export const stepSources = (step: ReviewStep): Status[] =>
  step === 'submit' ? ['draft', 'returned'] : ['submitted'];

/**
 * Refuses a step the actor may take in no state (FORBIDDEN) before one the document is in the
 * wrong state for (INVALID_STATE), and a submission with nothing in it (`empty` says what).
 */
export async function checkStep(
  what: 'plan' | 'report',
  step: ReviewStep,
  current: Status,
  mayIn: (status: Status) => boolean,
  entries: { count: () => Promise<number>; empty: string },
) {
  const from = stepSources(step);
  if (!from.some(mayIn)) throw forbidden();
  if (!from.includes(current)) throw new AppError('INVALID_STATE', `the ${what} is ${current}`);
  if (step === 'submit' && (await entries.count()) === 0) throw new AppError('INVALID_STATE', entries.empty);
}

/** The columns a step sets besides any of its own. */
export function stepChanges(ctx: ServiceContext, step: ReviewStep, now: Date, reason?: string) {
  return step === 'submit'
    ? { status: stepTarget[step], submittedAt: now, returnReason: null, updatedAt: now }
    : {
        status: stepTarget[step],
        reviewedAt: now,
        reviewedBy: ctx.principal!.userId,
        returnReason: reason ?? null,
        updatedAt: now,
      };
}

/** Applies the conditional update and writes its audit event in one transaction. */
export async function commitStep(
  ctx: ServiceContext,
  event: {
    what: 'plan' | 'report';
    id: string;
    step: ReviewStep;
    before: Status;
    after: Record<string, unknown>;
  },
  update: (tx: Db) => Promise<unknown[]>,
) {
  await ctx.db.transaction(async (tx) => {
    if ((await update(tx)).length === 0)
      throw new AppError('INVALID_STATE', `the ${event.what} changed meanwhile`);
    await audit(tx, actor(ctx), {
      action: `${event.what}.${event.step}`,
      entityType: event.what,
      entityId: event.id,
      before: { status: event.before },
      after: { status: stepTarget[event.step], ...event.after },
    });
  });
}
