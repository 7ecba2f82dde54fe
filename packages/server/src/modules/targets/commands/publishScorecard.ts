import { isDeepStrictEqual } from 'node:util';
import { and, eq } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import { AppError, forbidden, notFound } from '../../../errors.js';
import { defineCommand } from '../../../kernel/command.js';
import { movedMeanwhile } from '../../../kernel/workflow.js';
import type { Scorecard, ScorecardResult } from '../contracts/scorecards.js';
import { canTarget } from '../policy.js';
import { computeQuarter, rankedUnits, scorecardView } from '../queries/scorecards.js';
import { targetScorecards } from '../schema.js';
import { tellPublished } from './notify.js';

/**
 * Publishes a draft scorecard (季度晾晒): from then on it is public and frozen. One that ranks no
 * unit is refused: published, it would replace the newest real ranking on the leaderboard. So is
 * a draft the data has moved past (a report submitted or returned, a plan reopened, a benchmark
 * corrected since it was computed): published, it would rank on figures the office has since
 * rejected or leave out a report that came in, and the frozen quarter could never be corrected.
 * The quarter is scored again inside the transaction and must equal the draft.
 */
const command = defineCommand({
  name: 'scorecard.publish',
  async load(ctx, id: string) {
    if (!canTarget(ctx.principal, 'scorecard.publish')) throw forbidden();
    const [old] = await ctx.db.select().from(targetScorecards).where(eq(targetScorecards.id, id));
    if (!old) throw notFound('scorecard');
    if (old.status !== 'draft')
      throw new AppError('INVALID_STATE', 'the scorecard is already published', [
        {
          path: 'period',
          message: 'the scorecard is published',
          code: 'scorecard_published',
          params: { period: old.period },
        },
      ]);
    if (rankedUnits(old.result as ScorecardResult) === 0)
      throw new AppError('INVALID_STATE', `the ${old.period} scorecard ranks no unit`, [
        { path: 'result', message: 'no unit is ranked', code: 'nothing_ranked' },
      ]);
  },
  async write(tx, ctx, _loaded, id) {
    const [draft] = await tx.select().from(targetScorecards).where(eq(targetScorecards.id, id)).for('update');
    if (draft?.status !== 'draft') throw movedMeanwhile({ name: 'scorecard' });
    // Through JSON, as the stored draft went: fields left undefined are not stored.
    const fresh: unknown = JSON.parse(JSON.stringify(await computeQuarter(tx, draft.period)));
    if (!isDeepStrictEqual(fresh, draft.result))
      throw new AppError('INVALID_STATE', `the ${draft.period} data changed since the draft was computed`, [
        { path: 'result', message: 'compute the draft again and check it', code: 'scorecard_stale' },
      ]);
    const [saved] = await tx
      .update(targetScorecards)
      .set({ status: 'published', publishedAt: new Date(), publishedBy: ctx.principal!.userId })
      .where(and(eq(targetScorecards.id, id), eq(targetScorecards.status, 'draft')))
      .returning();
    if (!saved) throw movedMeanwhile({ name: 'scorecard' });
    await tellPublished(tx, saved.period, saved.result as ScorecardResult);
    return {
      result: scorecardView(saved),
      audit: {
        entityType: 'scorecard',
        entityId: id,
        before: { status: 'draft' },
        after: { status: 'published', period: saved.period, result: saved.result },
      },
    };
  },
});

export const publishScorecard = (ctx: ServiceContext, id: string): Promise<Scorecard> => command.run(ctx, id);
