import { eq } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import type { Tx } from '../../../db/transaction.js';
import { forbidden, notFound } from '../../../errors.js';
import { fileKinds } from '../../../files/store.js';
import * as kit from '../../../kernel/attachments.js';
import { maskedForAudit } from '../commands/audit-masked.js';
import { reportNotEditable } from '../commands/report-common.js';
import { canTarget, editable } from '../policy.js';
import { targetPlans, targetReports } from '../schema.js';
import { loadReport } from './reports.js';

/** Evidence files of quarterly reports: <data>/files/targets/<report>/<evidence id>. */
export const evidenceRules: kit.AttachmentRules = {
  area: 'targets',
  kinds: [fileKinds.pdf, fileKinds.png, fileKinds.jpeg, fileKinds.docx, fileKinds.xlsx],
  actions: { add: 'evidence.add', remove: 'evidence.remove' },
  auditAs: { entityType: 'evidence' },
  // A file is often named after whoever it concerns (张三-13812345678.pdf).
  maskForAudit: maskedForAudit,
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
  if (!canTarget(ctx.principal, 'report.edit', r)) throw reportNotEditable(r.status, r.planStatus);
}

/**
 * Inside the attachment's transaction: the report, locked, is still editable and its plan still
 * approved. An upload still running when the report is submitted or approved, or its plan
 * reopened, is refused; a submission waits for an upload that got there first and takes its file.
 * A lock rather than a touch of `updatedAt`, which the unit's open form compares on saving.
 */
export async function holdEditableReport(tx: Tx, reportId: string): Promise<void> {
  const [held] = await tx
    .select({ status: targetReports.status, planStatus: targetPlans.status })
    .from(targetReports)
    .innerJoin(targetPlans, eq(targetPlans.id, targetReports.planId))
    .where(eq(targetReports.id, reportId))
    .for('update', { of: targetReports });
  if (!held) throw notFound('report');
  if (!editable(held.status) || held.planStatus !== 'approved')
    throw reportNotEditable(held.status, held.planStatus);
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
