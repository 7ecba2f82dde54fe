import { eq } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import type { Tx } from '../../../db/transaction.js';
import { forbidden, notFound } from '../../../errors.js';
import { unitsByIds } from '../../units/api.js';
import { canReform, type ReformResource } from '../policy.js';
import type { ProjectRow } from '../queries/lookup.js';
import { reformProjects } from '../schema.js';

/**
 * In a write's transaction: the project's row held until it commits, and the caller's right to
 * edit it asked again of the lead unit as it now stands (the project may have been handed to
 * another unit since the checks). A change of its dates and a save of its milestones hold it
 * first, so each sees the other's result: a milestone never ends up due outside the project.
 * `no key update` lets a report or a link that names the project (its foreign key) go on.
 */
export async function holdProject(
  tx: Tx,
  ctx: ServiceContext,
  id: string,
): Promise<{ row: ProjectRow; resource: ReformResource }> {
  const [row] = await tx.select().from(reformProjects).where(eq(reformProjects.id, id)).for('no key update');
  if (!row) throw notFound('project');
  const lead = (await unitsByIds(tx, [row.leadUnitId])).get(row.leadUnitId);
  const resource = { unitPath: lead?.path ?? '' };
  if (!canReform(ctx.principal, 'project.edit', resource)) throw forbidden();
  return { row, resource };
}
