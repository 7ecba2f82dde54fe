import { and, eq } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import { AppError, forbidden } from '../../../errors.js';
import { defineCommand } from '../../../kernel/command.js';
import type { Scorecard } from '../contracts/scorecards.js';
import { canTarget } from '../policy.js';
import { quarterEnd, quarterEnded } from '../queries/deadline.js';
import { computeQuarter, rankedUnits, scorecardView } from '../queries/scorecards.js';
import { targetScorecards } from '../schema.js';

/**
 * Computes (or recomputes) the draft scorecard of a quarter that has ended (in China time): one
 * not over yet has no reports that count, and its draft, once published, would stand on the
 * public leaderboard in place of the real newest ranking. A published one is frozen.
 */
const command = defineCommand({
  name: 'scorecard.compute',
  async load(ctx, period: string) {
    if (!canTarget(ctx.principal, 'scorecard.compute')) throw forbidden();
    if (!quarterEnded(period))
      throw new AppError('VALIDATION', `${period} has not ended yet`, [
        {
          path: 'period',
          message: `the quarter ends on ${quarterEnd(period)}`,
          code: 'scorecard_quarter_open',
          params: { end: quarterEnd(period) },
        },
      ]);
    const [old] = await ctx.db.select().from(targetScorecards).where(eq(targetScorecards.period, period));
    if (old?.status === 'published')
      throw new AppError('INVALID_STATE', `the ${period} scorecard is published`);
    return { old, result: await computeQuarter(ctx.db, period) };
  },
  async write(tx, _ctx, { old, result }, period) {
    const [saved] = old
      ? await tx
          .update(targetScorecards)
          .set({ result, computedAt: new Date() })
          .where(and(eq(targetScorecards.id, old.id), eq(targetScorecards.status, 'draft')))
          .returning()
      : await tx.insert(targetScorecards).values({ period, result }).returning();
    if (!saved) throw new AppError('INVALID_STATE', 'the scorecard changed meanwhile');
    return {
      result: scorecardView(saved),
      audit: {
        entityType: 'scorecard',
        entityId: saved.id,
        before: old ? { computedAt: old.computedAt } : undefined,
        after: { period, units: rankedUnits(result) },
      },
    };
  },
});

export const computeScorecard = (ctx: ServiceContext, period: string): Promise<Scorecard> =>
  command.run(ctx, period);
