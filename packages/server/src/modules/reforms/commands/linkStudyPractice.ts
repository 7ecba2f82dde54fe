import { eq } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import { forbidden, notFound } from '../../../errors.js';
import { defineCommand } from '../../../kernel/command.js';
import { wrongState } from '../../../kernel/workflow.js';
import type { StudyLinkInput, StudyVisit } from '../contracts-study.js';
import { canStudy, studyVisitFlow } from '../policy-study.js';
import { getVisit, loadVisit } from '../queries/study-visits.js';
import { reformStudyPracticeProjects, reformStudyPractices } from '../schema.js';
import { checkProjects, holdProjects, mayStudyAtAll } from './study-common.js';

/**
 * Sets the reform projects a practice inspired. Projects often start after the report is in, so
 * this stays open once the visit is reported, when the practices themselves no longer change.
 */
const command = defineCommand({
  name: 'reformStudy.linkProjects',
  async load(ctx, { id, input }: { id: string; input: StudyLinkInput }) {
    mayStudyAtAll(ctx, 'study.link');
    const [practice] = await ctx.db
      .select()
      .from(reformStudyPractices)
      .where(eq(reformStudyPractices.id, id));
    if (!practice) throw notFound('practice');
    const { row, resource } = await loadVisit(ctx.db, practice.visitId);
    if (!canStudy(ctx.principal, 'study.link', { ...resource, status: 'done' })) throw forbidden();
    if (!canStudy(ctx.principal, 'study.link', resource))
      throw wrongState(studyVisitFlow, row.status, ['done', 'reported']);
    await checkProjects(ctx.db, [{ path: 'projectIds', ids: input.projectIds }]);
    return { visitId: practice.visitId };
  },
  async write(tx, _ctx, { visitId }, { id, input }) {
    // The practice held first: the learning saved again since the checks replaced it (it is not
    // found), and a save or another link started after waits for this one, so two links of one
    // practice never write its links over each other.
    const [held] = await tx
      .select({ id: reformStudyPractices.id })
      .from(reformStudyPractices)
      .where(eq(reformStudyPractices.id, id))
      .for('update');
    if (!held) throw notFound('practice');
    // The projects may have been deleted since the checks.
    await holdProjects(tx, [{ path: 'projectIds', ids: input.projectIds }]);
    const before = (
      await tx
        .select({ projectId: reformStudyPracticeProjects.projectId })
        .from(reformStudyPracticeProjects)
        .where(eq(reformStudyPracticeProjects.practiceId, id))
    ).map((b) => b.projectId);
    await tx.delete(reformStudyPracticeProjects).where(eq(reformStudyPracticeProjects.practiceId, id));
    const ids = [...new Set(input.projectIds)];
    if (ids.length)
      await tx
        .insert(reformStudyPracticeProjects)
        .values(ids.map((projectId) => ({ practiceId: id, projectId })));
    return {
      result: visitId,
      audit: {
        entityType: 'reformStudyVisit',
        entityId: visitId,
        before: { practiceId: id, projectIds: before },
        after: { practiceId: id, projectIds: ids },
      },
    };
  },
});

export async function linkStudyPractice(
  ctx: ServiceContext,
  practiceId: string,
  input: StudyLinkInput,
): Promise<StudyVisit> {
  return getVisit(ctx, await command.run(ctx, { id: practiceId, input }));
}
