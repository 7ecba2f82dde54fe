import type { ServiceContext } from '../../../context.js';
import * as kit from '../../../kernel/attachments.js';
import { checkEditable, evidenceRules, holdEditableReport, loadEvidence } from '../queries/evidence.js';

/** Removes an evidence file while its report may be edited (the kernel audits `evidence.remove`). */
export async function removeEvidence(ctx: ServiceContext, id: string): Promise<void> {
  const { e, r } = await loadEvidence(ctx, id);
  checkEditable(ctx, r);
  await kit.removeAttachment(ctx, e, evidenceRules, (tx) => holdEditableReport(tx, e.ownerId));
}
