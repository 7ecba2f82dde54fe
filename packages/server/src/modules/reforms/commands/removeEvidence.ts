import type { ServiceContext } from '../../../context.js';
import * as kit from '../../../kernel/attachments.js';
import {
  checkEditable,
  evidenceRules,
  holdEditableReport,
  loadEvidence,
  mayEditSomeReport,
} from '../queries/evidence.js';

/** Removes an evidence file while its report is editable: the row with its audit event, then the bytes. */
export async function removeEvidence(ctx: ServiceContext, id: string): Promise<void> {
  mayEditSomeReport(ctx);
  const { e, resource } = await loadEvidence(ctx, id);
  checkEditable(ctx, resource);
  await kit.removeAttachment(ctx, e, evidenceRules, (tx) => holdEditableReport(tx, e.ownerId));
}
