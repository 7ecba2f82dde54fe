import type { ServiceContext } from '../../../context.js';
import { refuseOnUniqueViolation } from '../../../db/sql-state.js';
import { AppError, forbidden } from '../../../errors.js';
import { defineCommand } from '../../../kernel/command.js';
import type { Indicator, IndicatorInput } from '../contracts/library.js';
import { canTarget } from '../policy.js';
import { indicatorByCode, indicatorView } from '../queries/indicators.js';
import { targetIndicators } from '../schema.js';

/** Adds an indicator to the library under a code not yet used. */
/** Another indicator has the code: indicators are found by it in plans and in Excel. */
export const indicatorTaken = (code: string) =>
  new AppError('CONFLICT', `indicator ${code} exists`, [{ path: 'code', message: 'taken', code: 'taken' }]);

const command = defineCommand({
  name: 'indicator.create',
  async load(ctx, input: IndicatorInput) {
    if (!canTarget(ctx.principal, 'library.write')) throw forbidden();
    if (await indicatorByCode(ctx.db, input.code)) throw indicatorTaken(input.code);
  },
  async write(tx, _ctx, _loaded, input) {
    // An indicator added at the same moment with the code passed the check too: the index refuses this one.
    const [row] = await tx
      .insert(targetIndicators)
      .values(input)
      .returning()
      .catch(refuseOnUniqueViolation(() => indicatorTaken(input.code)));
    const after = indicatorView(row!);
    return { result: after, audit: { entityType: 'indicator', entityId: after.id, after } };
  },
});

export const createIndicator = (ctx: ServiceContext, input: IndicatorInput): Promise<Indicator> =>
  command.run(ctx, input);
