import { checkStageDate, type ProjectStage, type StageProblem } from '@qianxing/core/business';
import { eq, min, sql } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import { AppError, notFound } from '../../../errors.js';
import { defineCommand } from '../../../kernel/command.js';
import type { FundsInput, StageInput } from '../contracts-projects.js';
import { loadProject, stageDatesOf, stageEntries } from '../projects/lookup.js';
import { businessProjectFunds, businessProjectStages, businessProjects } from '../schema.js';

/** A stage date out of order, as a field error the pages word (dates only, no codes). */
function stageError(path: string, problem: StageProblem): AppError {
  const params: Record<string, string> =
    problem.code === 'before_previous_stage'
      ? { date: problem.previousOn }
      : problem.code === 'after_next_stage'
        ? { date: problem.nextOn }
        : {};
  return new AppError('VALIDATION', `the stage date is out of order (${problem.code})`, [
    { path, message: problem.code.replaceAll('_', ' '), code: problem.code, params },
  ]);
}

/** The stage dates a project now has, from its entries (the latest of each stage counts). */
async function currentDates(ctx: ServiceContext, row: { id: string; signedOn: string }) {
  return stageDatesOf(row, (await stageEntries(ctx.db, [row.id])).get(row.id) ?? []);
}

/**
 * The stage dates as they stand, read in a write's transaction (`ctx` reads through it) with the
 * project's row locked: two stages, or a stage and a new signing date, recorded at the same moment
 * are then checked one after the other, the second against what the first wrote.
 */
export async function lockedDates(ctx: ServiceContext, id: string) {
  const [row] = await ctx.db
    .select({ id: businessProjects.id, signedOn: businessProjects.signedOn })
    .from(businessProjects)
    .where(eq(businessProjects.id, id))
    .for('update');
  if (!row) throw notFound('project');
  return currentDates(ctx, row);
}

/**
 * A new signing date must not come after any stage already reached; `locked`, in the change's
 * transaction with the project's row held (as read, the signing date is replaced by the new one).
 */
export async function checkStagesAfterSigning(
  ctx: ServiceContext,
  id: string,
  signedOn: string,
  locked = false,
) {
  const dates = locked
    ? { ...(await lockedDates(ctx, id)), signed: signedOn }
    : await currentDates(ctx, { id, signedOn });
  const problem = checkStageDate(dates, 'signed', signedOn);
  if (problem) throw stageError('signedOn', problem);
}

/** Funds dated before the signing date (VALIDATION, `before_signing`, with the signing date). */
const beforeSigning = (signedOn: string) =>
  new AppError('VALIDATION', 'funds before signing', [
    {
      path: 'receivedOn',
      message: 'before the signing date',
      code: 'before_signing',
      params: { date: signedOn },
    },
  ]);

/**
 * A new signing date must not come after funds already in place (VALIDATION, `after_funds`, with
 * the first funds' date); in a write, read after `lockedDates` holds the project's row, so funds
 * recorded at the same moment are counted or wait for the new date.
 */
export async function checkFundsAfterSigning(ctx: ServiceContext, id: string, signedOn: string) {
  const [first] = await ctx.db
    .select({ on: min(businessProjectFunds.receivedOn) })
    .from(businessProjectFunds)
    .where(eq(businessProjectFunds.projectId, id));
  if (first?.on && first.on < signedOn)
    throw new AppError('VALIDATION', 'the signing date comes after funds in place', [
      { path: 'signedOn', message: 'after funds in place', code: 'after_funds', params: { date: first.on } },
    ]);
}

/**
 * Records that a project reached a stage on a date: every earlier stage must have been reached,
 * on or before it. Entries are never changed; recording a stage again corrects its date (the
 * latest entry counts), which must still keep the order with the stages after it.
 */
export const recordStage = defineCommand({
  name: 'project.recordStage',
  async load(ctx, input: { id: string; entry: StageInput }) {
    const { row } = await loadProject(ctx, input.id, 'project.recordStage');
    const dates = await currentDates(ctx, row);
    const problem = checkStageDate(dates, input.entry.stage as ProjectStage, input.entry.reachedOn);
    if (problem) throw stageError('reachedOn', problem);
    return { row };
  },
  async write(tx, ctx, { row }, { entry }) {
    // Checked again under the project's lock: a stage recorded since the check may break the order.
    const dates = await lockedDates(ctx, row.id);
    const problem = checkStageDate(dates, entry.stage as ProjectStage, entry.reachedOn);
    if (problem) throw stageError('reachedOn', problem);
    const before = dates[entry.stage as ProjectStage] ?? null;
    const [saved] = await tx
      .insert(businessProjectStages)
      .values({
        projectId: row.id,
        stage: entry.stage,
        reachedOn: entry.reachedOn,
        note: entry.note,
        recordedBy: ctx.principal!.userId,
        // The latest entry counts, so an entry is dated when it is written, after the lock: the
        // column's default, the transaction's start, would date one that waited for another
        // entry's lock before that entry.
        createdAt: sql`clock_timestamp()`,
      })
      .returning({ id: businessProjectStages.id });
    return {
      result: { id: saved!.id },
      audit: {
        entityType: 'businessProject',
        entityId: row.id,
        before: before ? { stage: entry.stage, reachedOn: before } : undefined,
        after: entry,
      },
    };
  },
});

/** Records funds put in place for a project, on or after its signing; entries are never changed. */
export const recordFunds = defineCommand({
  name: 'project.recordFunds',
  async load(ctx, input: { id: string; entry: FundsInput }) {
    const { row } = await loadProject(ctx, input.id, 'project.recordFunds');
    if (input.entry.receivedOn < row.signedOn) throw beforeSigning(row.signedOn);
    return row;
  },
  async write(tx, ctx, row, { entry }) {
    // The signing date as it stands under the project's lock: a correction moving it later
    // since the check either waits for these funds (and is refused by them) or refuses them.
    const { signed } = await lockedDates(ctx, row.id);
    if (entry.receivedOn < signed) throw beforeSigning(signed);
    const [saved] = await tx
      .insert(businessProjectFunds)
      .values({ projectId: row.id, ...entry, recordedBy: ctx.principal!.userId })
      .returning({ id: businessProjectFunds.id });
    return {
      result: { id: saved!.id },
      audit: { entityType: 'businessProject', entityId: row.id, after: { funds: saved!.id, ...entry } },
    };
  },
});
