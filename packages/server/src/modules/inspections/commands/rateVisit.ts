import { eq } from 'drizzle-orm';
import { actor, type ServiceContext } from '../../../context.js';
import { AppError, forbidden } from '../../../errors.js';
import { defineCommand } from '../../../kernel/command.js';
import type { RatingInput, VisitResult } from '../contracts-visits.js';
import { canInspect } from '../policy.js';
import { getResult } from '../queries/results.js';
import { inspectionVisitRatings } from '../schema.js';
import { maskedForAudit } from './audit-masked.js';
import { firmVisit } from './visit-common.js';

interface RateInput extends RatingInput {
  visitId: string;
}

const rated = () =>
  new AppError('CONFLICT', 'the visit is rated', [
    { path: 'score', message: 'already rated', code: 'already_rated' },
  ]);

/** The firm rates a completed visit once (1–5, an optional comment); a second rating is a conflict. */
const command = defineCommand({
  name: 'inspectionVisit.rate',
  async load(ctx, { visitId }: RateInput) {
    const loaded = await firmVisit(ctx, visitId);
    if (!canInspect(ctx.principal, 'visit.rate', loaded.resource)) throw forbidden();
    const [existing] = await ctx.db
      .select({ visitId: inspectionVisitRatings.visitId })
      .from(inspectionVisitRatings)
      .where(eq(inspectionVisitRatings.visitId, visitId));
    if (existing) throw rated();
    return loaded;
  },
  async write(tx, ctx, _loaded, { visitId, score, comment }) {
    const done = await tx
      .insert(inspectionVisitRatings)
      .values({ visitId, score, comment: comment || null, ratedBy: actor(ctx).userId })
      .onConflictDoNothing()
      .returning({ visitId: inspectionVisitRatings.visitId });
    if (done.length === 0) throw rated();
    return {
      result: visitId,
      audit: {
        entityType: 'inspectionVisit',
        entityId: visitId,
        after: maskedForAudit({ score, comment: comment || null }),
      },
    };
  },
});

export async function rateVisit(ctx: ServiceContext, input: RateInput): Promise<VisitResult> {
  return getResult(ctx, await command.run(ctx, input));
}
