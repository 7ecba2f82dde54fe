import { and, eq } from 'drizzle-orm';
import { notFound } from '../../../errors.js';
import { defineCommand } from '../../../kernel/command.js';
import { loadFirm } from '../lookup.js';
import { businessFirmMembers } from '../schema.js';

/**
 * Takes an account off a firm's staff: it no longer sees the firm. The account itself stays (an
 * enterprise account of the public site); the office disables it in the accounts if it must go.
 */
export const removeFirmMember = defineCommand({
  name: 'firmMember.remove',
  async load(ctx, input: { firmId: string; userId: string }) {
    await loadFirm(ctx, input.firmId, 'firm.manageStaff');
    const [member] = await ctx.db
      .select()
      .from(businessFirmMembers)
      .where(and(eq(businessFirmMembers.firmId, input.firmId), eq(businessFirmMembers.userId, input.userId)));
    if (!member) throw notFound('member');
    return member;
  },
  async write(tx, _ctx, member) {
    await tx
      .delete(businessFirmMembers)
      .where(
        and(eq(businessFirmMembers.firmId, member.firmId), eq(businessFirmMembers.userId, member.userId)),
      );
    return {
      result: undefined,
      audit: { entityType: 'firm', entityId: member.firmId, before: { member: member.userId } },
    };
  },
});
