import { eq } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import { forbidden, notFound } from '../../../errors.js';
import { defineCommand } from '../../../kernel/command.js';
import { firmsByIds, holdFirm } from '../../business/api.js';
import type { FirmRisk, FirmRiskInput } from '../contracts.js';
import { canInspect } from '../policy.js';
import { getFirmRisk } from '../queries/firms.js';
import { inspectionFirmProfiles } from '../schema.js';
import { uniqueSorted } from './inspector-common.js';

/** The district office sets a firm's risk level (分级分类) and the dates it cannot be visited. */
const command = defineCommand({
  name: 'inspectionFirm.setRisk',
  async load(ctx, { firmId }: { firmId: string; input: FirmRiskInput }) {
    if (!canInspect(ctx.principal, 'risk.write')) throw forbidden();
    if (!(await firmsByIds(ctx.db, [firmId])).has(firmId)) throw notFound('firm');
    const [before] = await ctx.db
      .select()
      .from(inspectionFirmProfiles)
      .where(eq(inspectionFirmProfiles.firmId, firmId));
    return { before };
  },
  async write(tx, _ctx, { before }, { firmId, input }) {
    const values = { risk: input.risk, blockedDates: uniqueSorted(input.blockedDates) };
    // A visit moving onto one of these dates holds the firm's row (visit-rules.ts): the two wait
    // for each other whether or not the firm has a profile row yet.
    await holdFirm(tx, firmId, 'no key update');
    await tx
      .insert(inspectionFirmProfiles)
      .values({ firmId, ...values })
      .onConflictDoUpdate({
        target: inspectionFirmProfiles.firmId,
        set: { ...values, updatedAt: new Date() },
      });
    return {
      result: firmId,
      audit: {
        entityType: 'firm',
        entityId: firmId,
        before: before ? { risk: before.risk, blockedDates: before.blockedDates } : undefined,
        after: values,
      },
    };
  },
});

export async function setFirmRisk(
  ctx: ServiceContext,
  firmId: string,
  input: FirmRiskInput,
): Promise<FirmRisk> {
  return getFirmRisk(ctx, await command.run(ctx, { firmId, input }));
}
