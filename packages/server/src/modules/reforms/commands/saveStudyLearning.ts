import { eq } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import { AppError, type FieldError, forbidden } from '../../../errors.js';
import { defineCommand } from '../../../kernel/command.js';
import { wrongState } from '../../../kernel/workflow.js';
import type { StudyLearningInput, StudyVisit } from '../contracts-study.js';
import { canStudy, studyVisitFlow } from '../policy-study.js';
import { getVisit, insightsOf, loadVisit, practicesOf } from '../queries/study-visits.js';
import { reformStudyInsights, reformStudyPracticeProjects, reformStudyPractices } from '../schema.js';
import { checkProjects, holdProjects, holdRecordableVisit, mayStudyAtAll } from './study-common.js';

/** A practice comes from a place the delegation went to. */
function checkPlaces(destinations: readonly string[], input: StudyLearningInput) {
  const problems: FieldError[] = input.practices.flatMap((p, i) =>
    destinations.includes(p.sourcePlace)
      ? []
      : [
          {
            path: `practices.${i}.sourcePlace`,
            message: 'not a destination of the visit',
            code: 'unknown_place',
          },
        ],
  );
  if (problems.length) throw new AppError('VALIDATION', problems[0]!.message, problems);
}

/**
 * The organising unit records what a done visit brought back, sent whole by the editor: the
 * practices learned (each from one of the destinations, linked to the projects it inspired), the
 * insights and the learning report's summary. Every reference is checked before anything is written.
 */
const command = defineCommand({
  name: 'reformStudy.saveLearning',
  async load(ctx, { id, input }: { id: string; input: StudyLearningInput }) {
    mayStudyAtAll(ctx, 'study.record');
    const { row, resource } = await loadVisit(ctx.db, id);
    if (!canStudy(ctx.principal, 'study.record', { ...resource, status: 'done' })) throw forbidden();
    if (!canStudy(ctx.principal, 'study.record', resource))
      throw wrongState(studyVisitFlow, row.status, ['done']);
    checkPlaces(row.destinations, input);
    await checkProjects(
      ctx.db,
      input.practices.map((p, i) => ({ path: `practices.${i}.projectIds`, ids: p.projectIds })),
    );
    const [practices, insights] = await Promise.all([practicesOf(ctx.db, [id]), insightsOf(ctx.db, [id])]);
    return {
      before: {
        practices: practices.map((p) => ({
          title: p.title,
          sourcePlace: p.sourcePlace,
          projectIds: p.projects.map((x) => x.id),
        })),
        insights: insights.map((i) => i.text),
        reportSummary: row.reportSummary,
      },
    };
  },
  async write(tx, _ctx, { before }, { id, input }) {
    // First, on condition the visit is still being recorded: a report handed in meanwhile closed it.
    await holdRecordableVisit(tx, id, { reportSummary: input.reportSummary });
    // The projects the practices name may have been deleted since the checks.
    await holdProjects(
      tx,
      input.practices.map((p, i) => ({ path: `practices.${i}.projectIds`, ids: p.projectIds })),
    );
    await tx.delete(reformStudyPractices).where(eq(reformStudyPractices.visitId, id));
    await tx.delete(reformStudyInsights).where(eq(reformStudyInsights.visitId, id));
    if (input.practices.length) {
      const rows = await tx
        .insert(reformStudyPractices)
        .values(
          input.practices.map((p, sort) => ({
            visitId: id,
            sort,
            title: p.title,
            description: p.description,
            sourcePlace: p.sourcePlace,
          })),
        )
        .returning({ id: reformStudyPractices.id, sort: reformStudyPractices.sort });
      const links = rows.flatMap((r) =>
        [...new Set(input.practices[r.sort]!.projectIds)].map((projectId) => ({
          practiceId: r.id,
          projectId,
        })),
      );
      if (links.length) await tx.insert(reformStudyPracticeProjects).values(links);
    }
    if (input.insights.length)
      await tx
        .insert(reformStudyInsights)
        .values(input.insights.map((text, sort) => ({ visitId: id, sort, text })));
    return {
      result: id,
      audit: {
        entityType: 'reformStudyVisit',
        entityId: id,
        before,
        after: {
          practices: input.practices.map((p) => ({
            title: p.title,
            sourcePlace: p.sourcePlace,
            projectIds: p.projectIds,
          })),
          insights: input.insights,
          reportSummary: input.reportSummary,
        },
      },
    };
  },
});

export async function saveStudyLearning(
  ctx: ServiceContext,
  id: string,
  input: StudyLearningInput,
): Promise<StudyVisit> {
  return getVisit(ctx, await command.run(ctx, { id, input }));
}
