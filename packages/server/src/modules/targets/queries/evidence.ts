import type { ServiceContext } from '../../../context.js';
import { AppError, forbidden, notFound } from '../../../errors.js';
import { fileKinds } from '../../../files/store.js';
import * as kit from '../../../kernel/attachments.js';
import { canTarget } from '../policy.js';
import { loadReport } from './reports.js';

/** Evidence files of quarterly reports: <data>/files/targets/<report>/<evidence id>. */
export const evidenceRules: kit.AttachmentRules = {
  area: 'targets',
  kinds: [fileKinds.pdf, fileKinds.png, fileKinds.jpeg, fileKinds.docx, fileKinds.xlsx],
  actions: { add: 'evidence.add', remove: 'evidence.remove' },
  auditAs: { entityType: 'evidence' },
};
export const evidenceOwner = (reportId: string): kit.Owner => ({ kind: 'report', id: reportId });

/** The report as the checks see it, or not-found when the actor may not read it. */
export async function reportFor(ctx: ServiceContext, reportId: string, missing: 'report' | 'evidence') {
  const { row, plan, unit } = await loadReport(ctx.db, reportId);
  const r = { unitPath: unit.path, status: row.status, planStatus: plan.status };
  if (!canTarget(ctx.principal, 'report.read', r)) throw notFound(missing);
  return r;
}

/** Evidence changes only while the unit may edit its report. */
export function checkEditable(ctx: ServiceContext, r: Awaited<ReturnType<typeof reportFor>>) {
  if (!canTarget(ctx.principal, 'report.edit', { ...r, status: undefined })) throw forbidden();
  if (!canTarget(ctx.principal, 'report.edit', r))
    throw new AppError('INVALID_STATE', `the report is ${r.status}`);
}

/** An evidence file and its report, or not-found when the actor may not read the report. */
export async function loadEvidence(ctx: ServiceContext, id: string) {
  const e = await kit.findAttachment(ctx.db, id, 'report').catch(() => {
    throw notFound('evidence');
  });
  return { e, r: await reportFor(ctx, e.ownerId, 'evidence') };
}

/** The bytes, to those who may read the report only. */
export async function readEvidence(ctx: ServiceContext, id: string) {
  return kit.readAttachment((await loadEvidence(ctx, id)).e);
}
