import { eq } from 'drizzle-orm';
import { refuseOnUniqueViolation } from '../../../db/sql-state.js';
import { forbidden } from '../../../errors.js';
import { defineCommand } from '../../../kernel/command.js';
import type { Firm, FirmInput } from '../contracts.js';
import { checkIndustry, checkTown, codeTaken } from '../lookup.js';
import { mayEver } from '../policy.js';
import { businessFirms } from '../schema.js';
import { auditable, firmViews } from '../views.js';

/** Files a firm in the registry, in a town of the office's scope; its credit code is its key. */
export const createFirm = defineCommand({
  name: 'firm.create',
  async load(ctx, input: FirmInput) {
    if (!mayEver(ctx.principal, 'firm.create')) throw forbidden();
    await checkTown(ctx, input.townId, 'firm.create');
    await checkIndustry(ctx.db, input.industryCode);
    const [taken] = await ctx.db
      .select({ id: businessFirms.id })
      .from(businessFirms)
      .where(eq(businessFirms.creditCode, input.creditCode));
    if (taken) throw codeTaken();
    return input;
  },
  async write(tx, ctx, input) {
    // Of two racing requests with one code, the unique index refuses the second (CONFLICT).
    // A firm registered at the same moment with the code passed the check too: its index refuses this one.
    const [row] = await tx
      .insert(businessFirms)
      .values(input)
      .returning()
      .catch(refuseOnUniqueViolation(() => codeTaken()));
    const [view] = await firmViews(tx, ctx.principal, [row!], { whole: true, locale: ctx.locale });
    return {
      result: view as Firm,
      audit: { entityType: 'firm', entityId: row!.id, after: auditable(input) },
    };
  },
});
