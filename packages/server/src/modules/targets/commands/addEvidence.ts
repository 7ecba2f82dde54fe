import type { ServiceContext } from '../../../context.js';
import * as kit from '../../../kernel/attachments.js';
import {
  checkEditable,
  evidenceOwner,
  evidenceRules,
  holdEditableReport,
  reportFor,
} from '../queries/evidence.js';

/**
 * Attaches an evidence file to a report the unit may still edit. The kernel's attachments write the
 * file, its row and the audit event (`evidence.add`).
 */
export async function addEvidence(ctx: ServiceContext, reportId: string, upload: () => Promise<kit.Upload>) {
  checkEditable(ctx, await reportFor(ctx, reportId, 'report'));
  return kit.addAttachment(ctx, evidenceOwner(reportId), evidenceRules, upload, (tx) =>
    holdEditableReport(tx, reportId),
  );
}
