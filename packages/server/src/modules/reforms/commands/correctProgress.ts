import { and, eq } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import { AppError, forbidden, notFound } from '../../../errors.js';
import { defineCommand } from '../../../kernel/command.js';
import { maskNumbersInText } from '../../../privacy.js';
import type { ReformProject } from '../contracts.js';
import type { ReformProgressCorrectionInput } from '../contracts-history.js';
import { canReform } from '../policy.js';
import { milestonesOf } from '../queries/lookup.js';
import { getProject, projectForReading } from '../queries/projects.js';
import { reformMilestones, reformProgressCorrections } from '../schema.js';
import { followState, tellFollowers } from './adoption-follow.js';
import { maskedForAudit } from './audit-masked.js';
import { holdProjectKey } from './held-parents.js';
import { holdersOver, tell } from './notify-common.js';
import { mayAtAll } from './project-common.js';

/** 0..1 as a percentage with one decimal, as the pages show it. */
const percentOf = (share: number) => Math.round(share * 1000) / 10;

interface Input {
  projectId: string;
  milestoneId: string;
  body: ReformProgressCorrectionInput;
}

/**
 * The reform office corrects downward a milestone's progress it approved by mistake (进度更正):
 * the done share drops to the figure given, the reason is kept in the project's history and the
 * audit event, and the lead unit is told. It only lowers: progress rises through the lead unit's
 * reports and their approval, and the rule that a report never goes below the approved figure
 * stays as it is (the next report starts from the corrected figure).
 */
const command = defineCommand({
  name: 'reformMilestone.correct',
  async load(ctx, input: Input) {
    mayAtAll(ctx, 'progress.correct');
    const p = await projectForReading(ctx, input.projectId);
    if (!canReform(ctx.principal, 'progress.correct', p.resource)) throw forbidden();
    const m = (await milestonesOf(ctx.db, [p.row.id])).find((x) => x.id === input.milestoneId);
    if (!m) throw notFound('milestone');
    if (input.body.done >= m.done)
      throw new AppError(
        'VALIDATION',
        `a correction lowers ${m.name} below its approved ${percentOf(m.done)}%`,
        [
          {
            path: 'done',
            message: `below the approved ${percentOf(m.done)}%`,
            code: 'not_below_approved',
            params: { value: m.name, maximum: percentOf(m.done) },
          },
        ],
      );
    return { project: p, milestone: m, unit: await holdersOver(ctx.db, 'department_staff', p.lead.path) };
  },
  async write(tx, ctx, { project, milestone, unit }, { body }) {
    // Held first: a delete since the checks took the milestone with the project, and one started
    // after waits for the correction, instead of each waiting for the other's rows.
    await holdProjectKey(tx, project.row.id);
    const followed = await followState(tx, project.row.id);
    const now = new Date();
    // Only from the figure it was read at: an approval in between is looked at again first.
    const moved = await tx
      .update(reformMilestones)
      .set({ done: body.done, doneAt: body.done === 1 ? milestone.doneAt : null, updatedAt: now })
      .where(and(eq(reformMilestones.id, milestone.id), eq(reformMilestones.done, milestone.done)))
      .returning({ id: reformMilestones.id });
    if (!moved.length)
      throw new AppError('CONFLICT', 'the milestone’s progress changed meanwhile; reload', [
        { path: 'done', message: 'changed since it was read', code: 'edited_meanwhile' },
      ]);
    const [row] = await tx
      .insert(reformProgressCorrections)
      .values({
        projectId: project.row.id,
        milestoneId: milestone.id,
        milestoneName: milestone.name,
        doneBefore: milestone.done,
        doneAfter: body.done,
        reason: body.reason,
        correctedBy: ctx.principal!.userId,
        correctedAt: now,
      })
      .returning({ id: reformProgressCorrections.id });
    await tellFollowers(tx, project.row.id, followed);
    await tell(tx, unit, 'reforms.notice.corrected', {
      projectId: project.row.id,
      projectName: project.row.name,
      milestoneName: milestone.name,
      from: percentOf(milestone.done),
      to: percentOf(body.done),
      // A line of the unit's inbox: numbers masked; the project's history keeps the reason whole.
      reason: maskNumbersInText(body.reason),
    });
    return {
      result: project.row.id,
      audit: {
        entityType: 'reformProject',
        entityId: project.row.id,
        before: { milestoneId: milestone.id, name: milestone.name, done: milestone.done },
        after: maskedForAudit({
          milestoneId: milestone.id,
          done: body.done,
          reason: body.reason,
          correctionId: row!.id,
        }),
      },
    };
  },
});

export async function correctProgress(ctx: ServiceContext, input: Input): Promise<ReformProject> {
  return getProject(ctx, await command.run(ctx, input));
}
