import { eq } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import { refuseOnUniqueViolation } from '../../../db/sql-state.js';
import { forbidden, notFound } from '../../../errors.js';
import { defineCommand } from '../../../kernel/command.js';
import type { Indicator, IndicatorPatch } from '../contracts/library.js';
import { canTarget } from '../policy.js';
import { indicatorByCode, indicatorView } from '../queries/indicators.js';
import { targetIndicators } from '../schema.js';
import { indicatorTaken } from './createIndicator.js';
import { refuseDirectionFlip } from './indicator-direction.js';

/**
 * Changes an indicator of the library; a new code must be free, and the direction stays while an
 * submitted or approved plan of a year still being scored uses the indicator (CONFLICT, `direction_in_use`).
 */
const command = defineCommand({
  name: 'indicator.update',
  async load(ctx, { id, patch }: { id: string; patch: IndicatorPatch }) {
    if (!canTarget(ctx.principal, 'library.write')) throw forbidden();
    const [old] = await ctx.db.select().from(targetIndicators).where(eq(targetIndicators.id, id));
    if (!old) throw notFound('indicator');
    if (patch.code && patch.code !== old.code && (await indicatorByCode(ctx.db, patch.code)))
      throw indicatorTaken(patch.code);
    return old;
  },
  async write(tx, _ctx, old, { id, patch }) {
    // Checked in the transaction: a plan submitted or approved meanwhile keeps its direction.
    if (patch.direction && patch.direction !== old.direction) await refuseDirectionFlip(tx, id);
    const [row] = await tx
      .update(targetIndicators)
      .set({ ...patch, updatedAt: new Date() })
      .where(eq(targetIndicators.id, id))
      .returning()
      .catch(refuseOnUniqueViolation(() => indicatorTaken(patch.code ?? old.code)));
    const after = indicatorView(row!);
    return {
      result: after,
      audit: { entityType: 'indicator', entityId: id, before: indicatorView(old), after },
    };
  },
});

export const updateIndicator = (ctx: ServiceContext, id: string, patch: IndicatorPatch): Promise<Indicator> =>
  command.run(ctx, { id, patch });
