import type { ServiceContext } from '../../../context.js';
import * as kit from '../../../kernel/attachments.js';
import {
  checkEditable,
  evidenceOwner,
  evidenceRules,
  holdEditableReport,
  mayEditSomeReport,
} from '../queries/evidence.js';
import { readableReport } from '../queries/reports.js';

/**
 * Attaches an evidence file to a report its lead unit may still edit. The kernel's attachments
 * write the file, its row and the audit event (`reformEvidence.add`), the report held editable in
 * their transaction: an upload still running when the report is submitted is refused.
 */
export async function addEvidence(ctx: ServiceContext, reportId: string, upload: () => Promise<kit.Upload>) {
  mayEditSomeReport(ctx);
  const { resource } = await readableReport(ctx, reportId);
  checkEditable(ctx, resource);
  return kit.addAttachment(ctx, evidenceOwner(reportId), evidenceRules, upload, (tx) =>
    holdEditableReport(tx, reportId),
  );
}
