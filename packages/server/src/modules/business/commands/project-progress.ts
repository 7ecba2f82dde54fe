import { checkStageDate, type ProjectStage, type StageProblem } from '@qianxing/core/business';
import type { ServiceContext } from '../../../context.js';
import { AppError } from '../../../errors.js';
import { defineCommand } from '../../../kernel/command.js';
import type { FundsInput, StageInput } from '../contracts-projects.js';
import { loadProject, stageDatesOf, stageEntries } from '../projects/lookup.js';
import { businessProjectFunds, businessProjectStages } from '../schema.js';

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

/** A new signing date must not come after any stage already reached. */
export async function checkStagesAfterSigning(ctx: ServiceContext, id: string, signedOn: string) {
  const dates = await currentDates(ctx, { id, signedOn });
  const problem = checkStageDate(dates, 'signed', signedOn);
  if (problem) throw stageError('signedOn', problem);
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
    return { row, before: dates[input.entry.stage as ProjectStage] ?? null };
  },
  async write(tx, ctx, { row, before }, { entry }) {
    const [saved] = await tx
      .insert(businessProjectStages)
      .values({
        projectId: row.id,
        stage: entry.stage,
        reachedOn: entry.reachedOn,
        note: entry.note,
        recordedBy: ctx.principal!.userId,
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
    if (input.entry.receivedOn < row.signedOn)
      throw new AppError('VALIDATION', 'funds before signing', [
        {
          path: 'receivedOn',
          message: 'before the signing date',
          code: 'before_signing',
          params: { date: row.signedOn },
        },
      ]);
    return row;
  },
  async write(tx, ctx, row, { entry }) {
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
