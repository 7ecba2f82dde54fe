import { eq } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import { AppError, forbidden } from '../../../errors.js';
import { defineCommand } from '../../../kernel/command.js';
import type { Region, RegionInput } from '../contracts/library.js';
import { canTarget } from '../policy.js';
import { regionView } from '../queries/regions.js';
import { targetRegions } from '../schema.js';

/** Adds a region to compare with under a code not yet used. */
const command = defineCommand({
  name: 'region.create',
  async load(ctx, input: RegionInput) {
    if (!canTarget(ctx.principal, 'library.write')) throw forbidden();
    const [taken] = await ctx.db.select().from(targetRegions).where(eq(targetRegions.code, input.code));
    if (taken)
      throw new AppError('CONFLICT', `region ${input.code} exists`, [
        { path: 'code', message: 'taken', code: 'taken' },
      ]);
  },
  async write(tx, _ctx, _loaded, input) {
    const [row] = await tx.insert(targetRegions).values(input).returning();
    const after = regionView(row!);
    return { result: after, audit: { entityType: 'region', entityId: after.id, after } };
  },
});

export const createRegion = (ctx: ServiceContext, input: RegionInput): Promise<Region> =>
  command.run(ctx, input);
