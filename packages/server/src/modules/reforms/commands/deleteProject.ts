import { eq, sql } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import { AppError, forbidden } from '../../../errors.js';
import { defineCommand } from '../../../kernel/command.js';
import { canReform } from '../policy.js';
import { projectForReading } from '../queries/projects.js';
import { reformCases, reformProjects, reformReports } from '../schema.js';
import { mayAtAll } from './project-common.js';

/**
 * The reform office removes a project entered by mistake: one no report has been written for and
 * no case drawn from. Its places under key battles go with it.
 */
const command = defineCommand({
  name: 'reformProject.delete',
  async load(ctx, input: { id: string }) {
    mayAtAll(ctx, 'project.assign');
    const p = await projectForReading(ctx, input.id);
    if (!canReform(ctx.principal, 'project.assign', p.resource)) throw forbidden();
    const [reports] = await ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(reformReports)
      .where(eq(reformReports.projectId, input.id));
    const [cases] = await ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(reformCases)
      .where(eq(reformCases.projectId, input.id));
    if ((reports?.n ?? 0) > 0 || (cases?.n ?? 0) > 0)
      throw new AppError('CONFLICT', 'the project has reports or cases', [
        { path: 'id', message: 'has reports or cases', code: 'in_use', params: { value: p.row.code } },
      ]);
    return p;
  },
  async write(tx, _ctx, p) {
    // Milestones, co-units and battle links go with it (on delete cascade).
    await tx.delete(reformProjects).where(eq(reformProjects.id, p.row.id));
    return { result: undefined, audit: { entityType: 'reformProject', entityId: p.row.id, before: p.row } };
  },
});

export async function deleteProject(ctx: ServiceContext, id: string): Promise<void> {
  await command.run(ctx, { id });
}
