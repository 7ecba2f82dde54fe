import { eq } from 'drizzle-orm';
import { actor, type ServiceContext } from '../../../context.js';
import { defineCommand } from '../../../kernel/command.js';
import { deliver } from '../../../kernel/notifications.js';
import { inspectionFindings } from '../schema.js';
import { firmStaff, holdReported, rectificationToVerify } from './rectification-common.js';

/**
 * The item's department accepts a rectification the firm reported done (整改验收通过), which
 * closes it for good; the firm's staff are told in the same transaction. Once only.
 */
const command = defineCommand({
  name: 'inspectionRectification.accept',
  load: (ctx, { findingId }: { findingId: string }) => rectificationToVerify(ctx, findingId),
  async write(tx, ctx, { finding, visit, item, firm }) {
    await holdReported(tx, finding);
    const at = new Date();
    await tx
      .update(inspectionFindings)
      .set({ verifiedAt: at, verifiedBy: actor(ctx).userId, updatedAt: at })
      .where(eq(inspectionFindings.id, finding.id));
    await deliver(
      tx,
      (await firmStaff(tx, visit)).map((userId) => ({
        userId,
        key: 'inspections.notice.rectificationAccepted',
        params: { visitId: visit.id, firm, item, date: visit.date },
      })),
    );
    return {
      result: finding.id,
      audit: { entityType: 'inspectionFinding', entityId: finding.id, after: { verified: true } },
    };
  },
});

export async function acceptRectification(ctx: ServiceContext, findingId: string): Promise<string> {
  return command.run(ctx, { findingId });
}
