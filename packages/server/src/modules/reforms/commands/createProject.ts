import type { ServiceContext } from '../../../context.js';
import { defineCommand } from '../../../kernel/command.js';
import { unitsByIds } from '../../units/api.js';
import type { ReformProject, ReformProjectInput } from '../contracts.js';
import { getProject } from '../queries/projects.js';
import { reformProjects, reformProjectUnits } from '../schema.js';
import { assignmentNotices, tellUnits, unitStaff, unitsOf } from './assigned-notice.js';
import { holdListOf, holdUnitsOf } from './held-parents.js';
import { checkCodeFree, checkLeadInScope, checkReferences, mayAtAll } from './project-common.js';

/** The reform office puts a project on a list, led by a unit in its scope; its units' staff are told. */
const command = defineCommand({
  name: 'reformProject.create',
  async load(ctx, input: ReformProjectInput) {
    mayAtAll(ctx, 'project.create');
    // Scope first: a lead unit outside the office's scope is refused before any other check.
    const lead = (await unitsByIds(ctx.db, [input.leadUnitId])).get(input.leadUnitId);
    if (lead) checkLeadInScope(ctx, 'project.create', lead);
    await checkReferences(ctx.db, input);
    await checkCodeFree(ctx.db, input.code);
    return { who: await unitStaff(ctx.db, ctx.principal!.userId, unitsOf(input)) };
  },
  async write(tx, _ctx, { who }, { coUnitIds, ...input }) {
    // The list or a unit may have been deleted since the checks.
    await holdListOf(tx, input.listId);
    await holdUnitsOf(tx, { leadUnitId: input.leadUnitId, coUnitIds });
    const [row] = await tx.insert(reformProjects).values(input).returning();
    if (coUnitIds.length)
      await tx.insert(reformProjectUnits).values(coUnitIds.map((unitId) => ({ projectId: row!.id, unitId })));
    await tellUnits(tx, assignmentNotices(undefined, { ...row!, coUnitIds }, who));
    return {
      result: row!.id,
      audit: { entityType: 'reformProject', entityId: row!.id, after: { ...input, coUnitIds } },
    };
  },
});

export async function createProject(ctx: ServiceContext, input: ReformProjectInput): Promise<ReformProject> {
  return getProject(ctx, await command.run(ctx, input));
}
