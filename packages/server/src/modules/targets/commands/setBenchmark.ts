import { and, eq, sql } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import type { Tx } from '../../../db/transaction.js';
import { AppError, type FieldError, forbidden } from '../../../errors.js';
import { defineCommand } from '../../../kernel/command.js';
import type { BenchmarkInput } from '../contracts/library.js';
import { canTarget } from '../policy.js';
import { targetBenchmarks, targetIndicators, targetRegions } from '../schema.js';

export type BenchmarkRow = typeof targetBenchmarks.$inferInsert;

/** Writes benchmark values, replacing those of the same region, indicator and period. */
export async function upsertBenchmarks(tx: Tx, rows: BenchmarkRow[]) {
  for (let i = 0; i < rows.length; i += 500) {
    await tx
      .insert(targetBenchmarks)
      .values(rows.slice(i, i + 500))
      .onConflictDoUpdate({
        target: [targetBenchmarks.regionId, targetBenchmarks.indicatorId, targetBenchmarks.period],
        set: { value: sql`excluded.value`, source: sql`excluded.source`, updatedAt: new Date() },
      });
  }
}

/** Sets one region's value of an indicator in a period. */
const command = defineCommand({
  name: 'benchmark.set',
  async load(ctx, input: BenchmarkInput) {
    if (!canTarget(ctx.principal, 'library.write')) throw forbidden();
    const [region] = await ctx.db.select().from(targetRegions).where(eq(targetRegions.id, input.regionId));
    const [indicator] = await ctx.db
      .select()
      .from(targetIndicators)
      .where(eq(targetIndicators.id, input.indicatorId));
    const problems: FieldError[] = [];
    if (!region) problems.push({ path: 'regionId', message: 'not found', code: 'not_found' });
    if (!indicator) problems.push({ path: 'indicatorId', message: 'not found', code: 'not_found' });
    if (problems.length) throw new AppError('VALIDATION', 'unknown region or indicator', problems);
  },
  async write(tx, _ctx, _loaded, input) {
    const [before] = await tx
      .select()
      .from(targetBenchmarks)
      .where(
        and(
          eq(targetBenchmarks.regionId, input.regionId),
          eq(targetBenchmarks.indicatorId, input.indicatorId),
          eq(targetBenchmarks.period, input.period),
        ),
      );
    await upsertBenchmarks(tx, [input]);
    return {
      result: undefined,
      audit: {
        entityType: 'benchmark',
        entityId: `${input.regionId}/${input.indicatorId}/${input.period}`,
        before,
        after: input,
      },
    };
  },
});

export const setBenchmark = (ctx: ServiceContext, input: BenchmarkInput): Promise<void> =>
  command.run(ctx, input);
