import { and, eq } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import { forbidden, notFound } from '../../../errors.js';
import { defineCommand } from '../../../kernel/command.js';
import { canIdea } from '../policy.js';
import { ideaExpertConflicts } from '../schema.js';

const command = defineCommand({
  name: 'review.withdrawConflict',
  async load(ctx, _unitId: string) {
    if (!canIdea(ctx.principal, 'review.score')) throw forbidden();
    return { expertId: ctx.principal!.userId };
  },
  async write(tx, _ctx, { expertId }, unitId) {
    const gone = await tx
      .delete(ideaExpertConflicts)
      .where(and(eq(ideaExpertConflicts.expertId, expertId), eq(ideaExpertConflicts.unitId, unitId)))
      .returning();
    if (gone.length === 0) throw notFound('conflict');
    return { result: undefined, audit: { entityType: 'user', entityId: expertId, before: { unitId } } };
  },
});

/**
 * An expert withdraws a conflict declared by mistake. Assignments it released are not restored:
 * the office's next assignment may give them to anyone again.
 */
export async function withdrawConflict(ctx: ServiceContext, unitId: string) {
  await command.run(ctx, unitId);
}
