import { and, eq } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import { unitsByIds } from '../../units/api.js';
import { canInspect } from '../policy.js';
import { inspectionFindings, inspectionItems } from '../schema.js';

/**
 * The items of a completed visit whose issues the caller's department verifies (整改验收): those
 * found wanting on an item of a unit in the caller's scope as a department's staff. A verifier
 * not on the team reads the visit for these items alone.
 */
export async function itemsToVerify(ctx: ServiceContext, visitId: string): Promise<string[]> {
  const issues = await ctx.db
    .select({ itemId: inspectionFindings.itemId, unitId: inspectionItems.unitId })
    .from(inspectionFindings)
    .innerJoin(inspectionItems, eq(inspectionItems.id, inspectionFindings.itemId))
    .where(and(eq(inspectionFindings.visitId, visitId), eq(inspectionFindings.result, 'issue')));
  if (issues.length === 0) return [];
  const units = await unitsByIds(
    ctx.db,
    issues.map((i) => i.unitId),
  );
  return issues
    .filter((i) => {
      const path = units.get(i.unitId)?.path;
      return !!path && canInspect(ctx.principal, 'visit.readToVerify', { unitPaths: [path] });
    })
    .map((i) => i.itemId);
}
