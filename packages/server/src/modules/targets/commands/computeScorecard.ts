import { and, eq } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import { AppError, forbidden } from '../../../errors.js';
import { defineCommand } from '../../../kernel/command.js';
import { movedMeanwhile } from '../../../kernel/workflow.js';
import type { Scorecard, ScorecardResult } from '../contracts/scorecards.js';
import { canTarget } from '../policy.js';
import { quarterEnd, quarterEnded } from '../queries/deadline.js';
import { computeQuarter, rankedUnits, scorecardView } from '../queries/scorecards.js';
import { targetScorecards } from '../schema.js';

type Row = typeof targetScorecards.$inferSelect;

const quarterPublished = (period: string) =>
  new AppError('INVALID_STATE', `the ${period} scorecard is published`, [
    {
      path: 'period',
      message: 'the scorecard is published',
      code: 'scorecard_published',
      params: { period },
    },
  ]);

/** The command's outcome: the draft as saved, audited with the computation it replaced, if any. */
const computed = (saved: Row, old: Row | undefined, result: ScorecardResult) => ({
  result: scorecardView(saved),
  audit: {
    entityType: 'scorecard',
    entityId: saved.id,
    before: old ? { computedAt: old.computedAt } : undefined,
    after: { period: saved.period, units: rankedUnits(result) },
  },
});

/**
 * Computes (or recomputes) the draft scorecard of a quarter that has ended (in China time): one
 * not over yet has no reports that count, and its draft, once published, would stand on the
 * public leaderboard in place of the real newest ranking. A published one is frozen. Two first
 * computes of a quarter at once make one draft: the second recomputes the first's.
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
    if (old?.status === 'published') throw quarterPublished(period);
    return { old, result: await computeQuarter(ctx.db, period) };
  },
  async write(tx, _ctx, { old: read, result }, period) {
    let old = read;
    if (!old) {
      const [made] = await tx
        .insert(targetScorecards)
        .values({ period, result })
        .onConflictDoNothing({ target: targetScorecards.period })
        .returning();
      if (made) return computed(made, undefined, result);
      // The quarter's first compute pressed twice at once (two tabs, two clerks): the insert
      // waited for the other one's to commit, and this one recomputes the draft it made, as
      // pressing again just after would, rather than failing on the quarter's unique index.
      [old] = await tx
        .select()
        .from(targetScorecards)
        .where(eq(targetScorecards.period, period))
        .for('update');
      if (old?.status === 'published') throw quarterPublished(period);
    }
    const [saved] = await tx
      .update(targetScorecards)
      .set({ result, computedAt: new Date() })
      .where(and(eq(targetScorecards.id, old!.id), eq(targetScorecards.status, 'draft')))
      .returning();
    if (!saved) throw movedMeanwhile({ name: 'scorecard' });
    return computed(saved, old, result);
  },
});

export const computeScorecard = (ctx: ServiceContext, period: string): Promise<Scorecard> =>
  command.run(ctx, period);
