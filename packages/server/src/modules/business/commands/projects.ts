import { eq } from 'drizzle-orm';
import { forbidden } from '../../../errors.js';
import { defineCommand } from '../../../kernel/command.js';
import type { ProjectInput, ProjectPatch } from '../contracts-projects.js';
import { canProject, mayEverProject } from '../policy-projects.js';
import { checkProjectRefs } from '../projects/checks.js';
import { loadProject } from '../projects/lookup.js';
import { businessProjects } from '../schema.js';
import { checkFundsAfterSigning, checkStagesAfterSigning } from './project-progress.js';

/** The office files a signed project under a lead unit of its scope. */
export const createProject = defineCommand({
  name: 'project.create',
  async load(ctx, input: ProjectInput) {
    // A role that files no project learns nothing of which references exist.
    if (!mayEverProject(ctx.principal, 'project.create')) throw forbidden();
    const unit = await checkProjectRefs(ctx, input);
    if (!canProject(ctx.principal, 'project.create', { unitPath: unit!.path })) throw forbidden();
  },
  async write(tx, _ctx, _l, input) {
    const [row] = await tx.insert(businessProjects).values(input).returning({ id: businessProjects.id });
    return {
      result: { id: row!.id },
      audit: { entityType: 'businessProject', entityId: row!.id, after: input },
    };
  },
});

/**
 * The office corrects a project's terms. A new signing date must still come before every stage
 * reached and every funds in place; a new lead unit must lie in the office's scope too.
 */
export const updateProject = defineCommand({
  name: 'project.update',
  async load(ctx, input: { id: string; patch: ProjectPatch }) {
    const loaded = await loadProject(ctx, input.id, 'project.update');
    const unit = await checkProjectRefs(ctx, input.patch);
    if (unit && !canProject(ctx.principal, 'project.update', { unitPath: unit.path })) throw forbidden();
    if (input.patch.signedOn) {
      await checkStagesAfterSigning(ctx, loaded.row.id, input.patch.signedOn);
      await checkFundsAfterSigning(ctx, loaded.row.id, input.patch.signedOn);
    }
    return loaded;
  },
  async write(tx, ctx, { row }, { patch }) {
    // Checked again under the project's lock: a stage or funds recorded since the check may come before it.
    if (patch.signedOn) {
      await checkStagesAfterSigning(ctx, row.id, patch.signedOn, true);
      await checkFundsAfterSigning(ctx, row.id, patch.signedOn);
    }
    await tx
      .update(businessProjects)
      .set({ ...patch, updatedAt: new Date() })
      .where(eq(businessProjects.id, row.id));
    const before = Object.fromEntries(Object.keys(patch).map((k) => [k, row[k as keyof typeof row]]));
    return {
      result: { id: row.id },
      audit: { entityType: 'businessProject', entityId: row.id, before, after: patch },
    };
  },
});
