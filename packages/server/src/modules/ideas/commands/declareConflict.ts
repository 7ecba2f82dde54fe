import { sql } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import { AppError, forbidden } from '../../../errors.js';
import { defineCommand } from '../../../kernel/command.js';
import { getUnit } from '../../units/api.js';
import { canIdea } from '../policy.js';
import { unitIndex } from '../queries/lookup.js';
import { ideaExpertConflicts, ideaReviews, ideaSuggestions } from '../schema.js';

const command = defineCommand({
  name: 'review.declareConflict',
  async load(ctx, unitId: string) {
    if (!canIdea(ctx.principal, 'review.score')) throw forbidden();
    const unit = await getUnit(ctx.db, unitId).catch(() => undefined);
    if (!unit)
      throw new AppError('VALIDATION', 'unknown unit', [
        { path: 'unitId', message: 'not found', code: 'not_found' },
      ]);
    return { expertId: ctx.principal!.userId };
  },
  async write(tx, ctx, { expertId }, unitId) {
    await tx.insert(ideaExpertConflicts).values({ expertId, unitId }).onConflictDoNothing();
    // Open assignments in that subtree go back to the pool.
    const path = (await unitIndex(ctx.db)).get(unitId)!.path;
    const inside = [...(await unitIndex(ctx.db))]
      .filter(([, u]) => u.path.startsWith(path))
      .map(([id]) => id);
    await tx.execute(sql`
      delete from ${ideaReviews} where expert_id = ${expertId} and submitted_at is null and suggestion_id in (
        select id from ${ideaSuggestions} where town_id in (${sql.join(
          inside.map((i) => sql`${i}`),
          sql`, `,
        )}))`);
    return { result: undefined, audit: { entityType: 'user', entityId: expertId, after: { unitId } } };
  },
});

/** An expert declares a conflict with a unit: its suggestions (and those below) are not theirs to score. */
export async function declareConflict(ctx: ServiceContext, unitId: string) {
  await command.run(ctx, unitId);
}
