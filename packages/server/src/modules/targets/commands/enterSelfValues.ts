import { limits } from '@qianxing/core/limits';
import { isRegionalShare } from '@qianxing/core/targets';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import { AppError, type FieldError, forbidden, notFound } from '../../../errors.js';
import { defineCommand, type Tx } from '../../../kernel/command.js';
import { type MetricCode, type RegionalSelfValues, regionalMetrics } from '../contracts/regional.js';
import { canTarget } from '../policy.js';
import { targetRegionalValues, targetRegions } from '../schema.js';

/** The three sectors' shares of the GDP: parts of one whole, so together at most 100 %. */
const sectorShares: readonly MetricCode[] = ['Gdpct02', 'Gdpct03', 'Gdpct04'];
/** Shares as published are rounded to a decimal or two: their sum may pass 100 by that much. */
const sharesSumAtMost = 100.5;

/**
 * A share is a percentage of the whole, and the sector shares entered together add up to at most
 * 100 (with room for rounding); the other figures only need to be finite.
 */
function checkRanges(input: RegionalSelfValues) {
  const problems: FieldError[] = input.values.flatMap((v, i) =>
    isRegionalShare(v.metric, regionalMetrics[v.metric].measure) &&
    (v.value < limits.regionalShare.min || v.value > limits.regionalShare.max)
      ? [{ path: `values.${i}.value`, message: 'a share is between 0 and 100', code: 'share_range' }]
      : [],
  );
  const over = sharesOver(input.values.filter((v) => sectorShares.includes(v.metric)));
  if (over) problems.push(over);
  if (problems.length) throw new AppError('VALIDATION', 'a share is out of range', problems);
}

/** The field error of sector shares that add up to more than 100 (with rounding room), if they do. */
function sharesOver(sectors: Array<{ metric: MetricCode; value: number }>): FieldError | undefined {
  const sum = sectors.reduce((n, v) => n + v.value, 0);
  if (sum <= sharesSumAtMost) return undefined;
  const fields = sectors.map((v) => `${v.metric} (${regionalMetrics[v.metric].nameEn})`).join(', ');
  return {
    path: 'values',
    message: `the sector shares ${fields} add up to more than 100`,
    code: 'sector_shares_over_100',
    params: { sum: Math.round(sum * 100) / 100 },
  };
}

/**
 * Locks the region's row for the rest of the transaction: a second entry for it waits for the
 * first to commit, and then reads the shares that one wrote.
 */
const lockRegion = (tx: Tx, regionId: string) =>
  tx.select({ id: targetRegions.id }).from(targetRegions).where(eq(targetRegions.id, regionId)).for('update');

/**
 * The year's sector shares as stored, read inside the entry's transaction once its values are
 * written: a request that enters one share adds to the others already kept, so two requests each
 * within bounds may not together pass 100.
 */
const storedShares = (tx: Tx, regionId: string, year: number) =>
  tx
    .select({ metric: targetRegionalValues.metric, value: targetRegionalValues.value })
    .from(targetRegionalValues)
    .where(
      and(
        eq(targetRegionalValues.regionId, regionId),
        eq(targetRegionalValues.year, year),
        inArray(targetRegionalValues.metric, [...sectorShares]),
      ),
    ) as Promise<Array<{ metric: MetricCode; value: number }>>;

/** The office enters (or corrects) the district's own statistics for a year; each value becomes `entered`. */
const command = defineCommand({
  name: 'regional.enter',
  async load(ctx, input: RegionalSelfValues) {
    if (!canTarget(ctx.principal, 'regional.write')) throw forbidden();
    checkRanges(input);
    // The district's own figures, or a county peer's: those have no published dataset here.
    const [self] = await ctx.db
      .select()
      .from(targetRegions)
      .where(
        input.regionId
          ? and(eq(targetRegions.id, input.regionId), inArray(targetRegions.kind, ['self', 'county']))
          : eq(targetRegions.kind, 'self'),
      )
      .limit(1);
    if (!self) throw notFound('region');
    const before = await ctx.db
      .select({
        metric: targetRegionalValues.metric,
        value: targetRegionalValues.value,
        provenance: targetRegionalValues.provenance,
      })
      .from(targetRegionalValues)
      .where(
        and(
          eq(targetRegionalValues.regionId, self.id),
          eq(targetRegionalValues.year, input.year),
          inArray(
            targetRegionalValues.metric,
            input.values.map((v) => v.metric),
          ),
        ),
      );
    return { self, before };
  },
  async write(tx, _ctx, { self, before }, input) {
    await lockRegion(tx, self.id);
    await tx
      .insert(targetRegionalValues)
      .values(
        input.values.map((v) => ({
          regionId: self.id,
          year: input.year,
          metric: v.metric,
          value: v.value,
          source: `${self.name}统计数据（区填报）`,
          isDemo: false,
          provenance: 'entered' as const,
        })),
      )
      .onConflictDoUpdate({
        target: [targetRegionalValues.regionId, targetRegionalValues.year, targetRegionalValues.metric],
        set: {
          value: sql`excluded.value`,
          source: sql`excluded.source`,
          isDemo: false,
          provenance: 'entered',
        },
      });
    const over = sharesOver(await storedShares(tx, self.id, input.year));
    if (over)
      throw new AppError('VALIDATION', 'the stored sector shares would add up to more than 100', [over]);
    return {
      result: { year: input.year, values: input.values.length },
      audit: {
        entityType: 'regional',
        entityId: self.id,
        before: { values: before },
        after: { values: input.values },
      },
    };
  },
});

export const enterSelfValues = (ctx: ServiceContext, input: RegionalSelfValues) => command.run(ctx, input);
