import { eq, inArray } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import { AppError, type FieldError, forbidden } from '../../../errors.js';
import { defineCommand } from '../../../kernel/command.js';
import type { ReformMilestonesInput, ReformProject } from '../contracts.js';
import { canReform } from '../policy.js';
import { type LoadedProject, type MilestoneRow, milestonesOf } from '../queries/lookup.js';
import { getProject, projectForReading } from '../queries/projects.js';
import { reformMilestones } from '../schema.js';
import { followState, tellFollowers } from './adoption-follow.js';
import { mayAtAll } from './project-common.js';

/** What is wrong with a milestone plan for this project, field by field. */
function problemsOf(p: LoadedProject, existing: Map<string, MilestoneRow>, input: ReformMilestonesInput) {
  const problems: FieldError[] = [];
  const kept = new Set<string>();
  input.milestones.forEach((m, k) => {
    if (m.id && !existing.has(m.id))
      problems.push({
        path: `milestones.${k}.id`,
        message: 'not a milestone of this project',
        code: 'not_found',
      });
    if (m.id && kept.has(m.id))
      problems.push({ path: `milestones.${k}.id`, message: 'listed twice', code: 'listed_twice' });
    if (m.id) kept.add(m.id);
    if (m.dueDate < p.row.startDate || m.dueDate > p.row.endDate)
      problems.push({
        path: `milestones.${k}.dueDate`,
        message: `due within the project, ${p.row.startDate} to ${p.row.endDate}`,
        code: 'outside_project_period',
        params: { minimum: p.row.startDate, maximum: p.row.endDate },
      });
  });
  for (const m of existing.values())
    if (!kept.has(m.id) && m.done > 0)
      problems.push({
        path: 'milestones',
        message: `${m.name} has approved progress and stays`,
        code: 'milestone_has_progress',
        params: { value: m.name },
      });
  return problems;
}

/**
 * Replaces a project's milestone plan (the editor sends it whole): milestones with an id keep what
 * is done of them, new ones start at 0, and one left out is removed unless progress on it was
 * approved. The project's lead unit and the reform office edit it.
 */
const command = defineCommand({
  name: 'reformMilestone.save',
  async load(ctx, input: { projectId: string; plan: ReformMilestonesInput }) {
    mayAtAll(ctx, 'project.edit');
    const p = await projectForReading(ctx, input.projectId);
    if (!canReform(ctx.principal, 'project.edit', p.resource)) throw forbidden();
    const existing = new Map((await milestonesOf(ctx.db, [p.row.id])).map((m) => [m.id, m]));
    const problems = problemsOf(p, existing, input.plan);
    if (problems.length) throw new AppError('VALIDATION', 'the milestone plan is invalid', problems);
    return { existing };
  },
  async write(tx, _ctx, { existing }, { projectId, plan }) {
    const followed = await followState(tx, projectId);
    const now = new Date();
    const kept = new Set(plan.milestones.flatMap((m) => (m.id ? [m.id] : [])));
    const removed = [...existing.keys()].filter((id) => !kept.has(id));
    if (removed.length) await tx.delete(reformMilestones).where(inArray(reformMilestones.id, removed));
    for (const [sort, m] of plan.milestones.entries()) {
      const values = { name: m.name, weight: m.weight, dueDate: m.dueDate, sort, updatedAt: now };
      if (m.id) await tx.update(reformMilestones).set(values).where(eq(reformMilestones.id, m.id));
      else await tx.insert(reformMilestones).values({ ...values, projectId });
    }
    // New weights move the progress: the followers of the suggestions it came from hear of it.
    await tellFollowers(tx, projectId, followed);
    const view = (m: Pick<MilestoneRow, 'name' | 'weight' | 'dueDate'> & { id?: string | undefined }) => ({
      id: m.id,
      name: m.name,
      weight: m.weight,
      dueDate: m.dueDate,
    });
    return {
      result: projectId,
      audit: {
        entityType: 'reformProject',
        entityId: projectId,
        before: [...existing.values()].map(view),
        after: plan.milestones.map(view),
      },
    };
  },
});

export async function saveMilestones(
  ctx: ServiceContext,
  projectId: string,
  plan: ReformMilestonesInput,
): Promise<ReformProject> {
  return getProject(ctx, await command.run(ctx, { projectId, plan }));
}
