import { and, eq, inArray } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import type { Db } from '../../../db/client.js';
import type { Tx } from '../../../db/transaction.js';
import { AppError, type FieldError, forbidden } from '../../../errors.js';
import {
  assertMoved,
  checkTransition,
  defineWorkflow,
  sourcesOf,
  targetOf,
} from '../../../kernel/workflow.js';
import { canReform, mayEverReform } from '../policy.js';
import { milestonesOf } from '../queries/lookup.js';
import { readableReport } from '../queries/reports.js';
import { reformReports } from '../schema.js';

/** The monthly report's review: the lead unit submits a draft (or a returned one), the office approves or returns it. */
export const reportFlow = defineWorkflow({
  name: 'reformReport',
  entity: 'reformReport',
  states: ['draft', 'submitted', 'approved', 'returned'] as const,
  transitions: {
    submit: { from: ['draft', 'returned'], to: 'submitted' },
    approve: { from: ['submitted'], to: 'approved' },
    return: { from: ['submitted'], to: 'returned' },
  },
});

export type ReportStep = keyof typeof reportFlow.transitions;
type Status = (typeof reportFlow.states)[number];

/**
 * Loads a report for a step: not found when the caller may not read it, FORBIDDEN when they may
 * take the step from no state, INVALID_STATE when the report is in the wrong one.
 */
export async function loadForStep(ctx: ServiceContext, id: string, step: ReportStep) {
  const action = step === 'submit' ? 'report.submit' : 'report.review';
  if (!mayEverReform(ctx.principal, action)) throw forbidden();
  const loaded = await readableReport(ctx, id);
  checkTransition(reportFlow, step, loaded.row.status, (status: Status) =>
    canReform(ctx.principal, action, { ...loaded.project.resource, status }),
  );
  return loaded;
}

/** The conditional write of a step: it moves the report only from the state it was read in. */
export async function moveReport(tx: Tx, id: string, step: ReportStep, changes: Record<string, unknown>) {
  const moved = await tx
    .update(reformReports)
    .set({ ...changes, status: targetOf(reportFlow, step), updatedAt: new Date() })
    .where(and(eq(reformReports.id, id), inArray(reformReports.status, sourcesOf(reportFlow, step))))
    .returning({ id: reformReports.id });
  assertMoved(reportFlow, moved);
}

/** 0..1 as a percentage with one decimal, as the pages show it. */
const percentOf = (share: number) => Math.round(share * 1000) / 10;

/**
 * A report speaks only of its project's milestones, each once, and never below what is already
 * approved of one: approved progress does not go backwards through a report.
 */
export async function checkItems(
  db: Db,
  projectId: string,
  items: ReadonlyArray<{ milestoneId: string; done?: number }>,
) {
  const milestones = new Map((await milestonesOf(db, [projectId])).map((m) => [m.id, m]));
  const own = new Set(milestones.keys());
  const seen = new Set<string>();
  const problems: FieldError[] = [];
  items.forEach((i, k) => {
    if (!own.has(i.milestoneId))
      problems.push({
        path: `items.${k}.milestoneId`,
        message: 'not a milestone of the project',
        code: 'not_found',
      });
    if (seen.has(i.milestoneId))
      problems.push({ path: `items.${k}.milestoneId`, message: 'listed twice', code: 'listed_twice' });
    seen.add(i.milestoneId);
    const m = milestones.get(i.milestoneId);
    if (m && i.done !== undefined && i.done < m.done)
      problems.push({
        path: `items.${k}.done`,
        message: `${m.name} is already approved at ${percentOf(m.done)}%; a report cannot lower it`,
        code: 'below_approved',
        params: { value: m.name, minimum: percentOf(m.done) },
      });
  });
  if (problems.length) throw new AppError('VALIDATION', 'the reported milestones are invalid', problems);
}
