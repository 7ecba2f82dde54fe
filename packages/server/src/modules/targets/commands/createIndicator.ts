import type { ServiceContext } from '../../../context.js';
import { AppError, forbidden } from '../../../errors.js';
import { defineCommand } from '../../../kernel/command.js';
import type { Indicator, IndicatorInput } from '../contracts/library.js';
import { canTarget } from '../policy.js';
import { indicatorByCode, indicatorView } from '../queries/indicators.js';
import { targetIndicators } from '../schema.js';

/** Adds an indicator to the library under a code not yet used. */
const command = defineCommand({
  name: 'indicator.create',
  async load(ctx, input: IndicatorInput) {
    if (!canTarget(ctx.principal, 'library.write')) throw forbidden();
    if (await indicatorByCode(ctx.db, input.code))
      throw new AppError('CONFLICT', `indicator ${input.code} exists`, [
        { path: 'code', message: 'taken', code: 'taken' },
      ]);
  },
  async write(tx, _ctx, _loaded, input) {
    const [row] = await tx.insert(targetIndicators).values(input).returning();
    const after = indicatorView(row!);
    return { result: after, audit: { entityType: 'indicator', entityId: after.id, after } };
  },
});

export const createIndicator = (ctx: ServiceContext, input: IndicatorInput): Promise<Indicator> =>
  command.run(ctx, input);
