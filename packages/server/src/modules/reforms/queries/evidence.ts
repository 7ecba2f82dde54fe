import type { ServiceContext } from '../../../context.js';
import { AppError, forbidden, notFound } from '../../../errors.js';
import * as kit from '../../../kernel/attachments.js';
import { canReform, mayEverReform, type ReformResource } from '../policy.js';
import { evidenceOwner } from './lookup.js';
import { readableReport } from './reports.js';

export { evidenceOwner, evidenceRules } from './lookup.js';

/** A lead unit that may edit reports somewhere, else FORBIDDEN before any lookup. */
export function mayEditSomeReport(ctx: ServiceContext) {
  if (!mayEverReform(ctx.principal, 'report.edit')) throw forbidden();
}

/** Evidence changes only while the lead unit may edit its report (a draft or a returned one). */
export function checkEditable(ctx: ServiceContext, r: ReformResource) {
  if (!canReform(ctx.principal, 'report.edit', { ...r, status: undefined })) throw forbidden();
  if (!canReform(ctx.principal, 'report.edit', r))
    throw new AppError('INVALID_STATE', `the report is ${r.status}`);
}

/** The evidence file and its report as the checks see it; not found to those who may not read the report. */
export async function loadEvidence(ctx: ServiceContext, id: string) {
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
