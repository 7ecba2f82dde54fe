import { eq } from 'drizzle-orm';
import { actor, type ServiceContext } from '../../../context.js';
import { listAttachments } from '../../../kernel/attachments.js';
import { defineCommand } from '../../../kernel/command.js';
import { deliver } from '../../../kernel/notifications.js';
import { maskNumbersInText } from '../../../privacy.js';
import type { ReturnInput } from '../contracts-visits.js';
import { inspectionFindings } from '../schema.js';
import { maskedForAudit } from './audit-masked.js';
import { firmStaff, holdReported, rectificationToVerify } from './rectification-common.js';
import { rectificationOwner } from './visit-common.js';

interface ReturnRequest extends ReturnInput {
  findingId: string;
}

/**
 * The item's department returns a reported rectification (退回重新整改) with a reason: the firm's
 * report is cleared, so the rectification is open again for the firm against its original due
 * date (the return grants no new time: a report that did not rectify was not a rectification),
 * and the firm's staff are told the reason in the same transaction. The report's note and its
 * photos' ids stay in the audit event; the last return stays on the finding.
 */
const command = defineCommand({
  name: 'inspectionRectification.return',
  load: (ctx, { findingId }: ReturnRequest) => rectificationToVerify(ctx, findingId),
  async write(tx, ctx, { finding, visit, item, firm }, { reason }) {
    await holdReported(tx, finding);
    // The report's photos stay for the firm's next report (what was done so far still shows);
    // the return records which there were, as the report's note is recorded.
    const photos = (await listAttachments(tx, rectificationOwner(finding.id))).map((p) => p.id);
    const at = new Date();
    await tx
      .update(inspectionFindings)
      .set({
        rectifiedAt: null,
        rectifiedBy: null,
        rectificationNote: null,
        returnedAt: at,
        returnedBy: actor(ctx).userId,
        returnReason: reason,
        updatedAt: at,
      })
      .where(eq(inspectionFindings.id, finding.id));
    await deliver(
      tx,
      (await firmStaff(tx, visit)).map((userId) => ({
        userId,
        key: 'inspections.notice.rectificationReturned',
        // A line of the firm's inbox: numbers masked as in every list; its visit page keeps them.
        params: {
          visitId: visit.id,
          firm,
          item,
          date: visit.date,
          reason: maskNumbersInText(reason),
          dueDate: finding.dueDate,
        },
      })),
    );
    return {
      result: finding.id,
      audit: {
        entityType: 'inspectionFinding',
        entityId: finding.id,
        before: maskedForAudit({
          note: finding.rectificationNote,
          reportedAt: finding.rectifiedAt?.toISOString(),
          photos,
        }),
        after: maskedForAudit({ returned: true, reason }),
      },
    };
  },
});

export async function returnRectification(ctx: ServiceContext, input: ReturnRequest): Promise<string> {
  return command.run(ctx, input);
}
