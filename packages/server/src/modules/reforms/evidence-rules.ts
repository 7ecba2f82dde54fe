import { fileKinds } from '../../files/store.js';
import type { AttachmentRules, Owner } from '../../kernel/attachments.js';

/** Evidence files of monthly reports: <data>/files/reforms/<report>/<evidence id>. */
export const evidenceRules: AttachmentRules = {
  area: 'reforms',
  kinds: [fileKinds.pdf, fileKinds.png, fileKinds.jpeg, fileKinds.docx, fileKinds.xlsx],
  actions: { add: 'reformEvidence.add', remove: 'reformEvidence.remove' },
  auditAs: { entityType: 'reformEvidence' },
};

export const evidenceOwner = (reportId: string): Owner => ({ kind: 'reformReport', id: reportId });
