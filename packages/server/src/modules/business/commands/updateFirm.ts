import { and, eq, ne } from 'drizzle-orm';
import { refuseOnUniqueViolation } from '../../../db/sql-state.js';
import { defineCommand } from '../../../kernel/command.js';
import type { Firm, FirmUpdate } from '../contracts.js';
import { checkIndustry, checkTown, codeTaken, loadFirm } from '../lookup.js';
import { businessFirms } from '../schema.js';
import { auditable, firmViews } from '../views.js';

/**
 * Changes a firm's record. Moving it to another town needs the office over both towns; a
 * corrected credit code must be free.
 */
export const updateFirm = defineCommand({
  name: 'firm.update',
  async load(ctx, input: { id: string; changes: FirmUpdate }) {
    const { row } = await loadFirm(ctx, input.id, 'firm.update');
    const { changes } = input;
    if (changes.townId && changes.townId !== row.townId) await checkTown(ctx, changes.townId, 'firm.update');
    if (changes.industryCode && changes.industryCode !== row.industryCode)
      await checkIndustry(ctx.db, changes.industryCode);
    if (changes.creditCode && changes.creditCode !== row.creditCode) {
      const [taken] = await ctx.db
        .select({ id: businessFirms.id })
        .from(businessFirms)
        .where(and(eq(businessFirms.creditCode, changes.creditCode), ne(businessFirms.id, row.id)));
      if (taken) throw codeTaken();
    }
    return row;
  },
  async write(tx, ctx, before, { changes }) {
    const [row] = await tx
      .update(businessFirms)
      .set({ ...changes, updatedAt: new Date() })
      .where(eq(businessFirms.id, before.id))
      .returning()
      // Another firm given the code at the same moment passed the check too: the index refuses this one.
      .catch(refuseOnUniqueViolation(() => codeTaken()));
    const [view] = await firmViews(tx, ctx.principal, [row!], { whole: true, locale: ctx.locale });
    const changed = Object.keys(changes) as Array<keyof FirmUpdate>;
    return {
      result: view as Firm,
      audit: {
        entityType: 'firm',
        entityId: before.id,
        before: auditable(Object.fromEntries(changed.map((k) => [k, before[k]]))),
        after: auditable(changes),
      },
    };
  },
});
