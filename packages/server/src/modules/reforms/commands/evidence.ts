import type { ServiceContext } from '../../../context.js';
import { AppError, forbidden, notFound } from '../../../errors.js';
import * as kit from '../../../kernel/attachments.js';
import { evidenceOwner, evidenceRules } from '../evidence-rules.js';
import { canReform, mayEverReform, type ReformResource } from '../policy.js';
import { readableReport } from '../queries/reports.js';

/** Evidence changes only while the lead unit may edit its report (a draft or a returned one). */
function checkEditable(ctx: ServiceContext, r: ReformResource) {
  if (!canReform(ctx.principal, 'report.edit', { ...r, status: undefined })) throw forbidden();
  if (!canReform(ctx.principal, 'report.edit', r))
    throw new AppError('INVALID_STATE', `the report is ${r.status}`);
}

export async function addEvidence(ctx: ServiceContext, reportId: string, upload: () => Promise<kit.Upload>) {
  if (!mayEverReform(ctx.principal, 'report.edit')) throw forbidden();
  const { resource } = await readableReport(ctx, reportId);
  checkEditable(ctx, resource);
  return kit.addAttachment(ctx, evidenceOwner(reportId), evidenceRules, upload);
}

async function loadEvidence(ctx: ServiceContext, id: string) {
  const e = await kit.findAttachment(ctx.db, id, evidenceOwner('').kind);
  const { resource } = await readableReport(ctx, e.ownerId).catch(() => {
    throw notFound('evidence');
  });
  return { e, resource };
}

/** The bytes, to those who may read the report only. */
export async function readEvidence(ctx: ServiceContext, id: string) {
  return kit.readAttachment((await loadEvidence(ctx, id)).e);
}

export async function removeEvidence(ctx: ServiceContext, id: string): Promise<void> {
  if (!mayEverReform(ctx.principal, 'report.edit')) throw forbidden();
  const { e, resource } = await loadEvidence(ctx, id);
  checkEditable(ctx, resource);
  await kit.removeAttachment(ctx, e, evidenceRules);
}
