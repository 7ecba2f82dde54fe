import { and, eq, inArray } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import type { Tx } from '../../../db/transaction.js';
import { forbidden, notFound } from '../../../errors.js';
import * as kit from '../../../kernel/attachments.js';
import { movedMeanwhile, wrongState } from '../../../kernel/workflow.js';
import { canReform, mayEverReform, type ReformResource } from '../policy.js';
import { reformReports } from '../schema.js';
import { evidenceOwner } from './lookup.js';
import { readableReport } from './reports.js';

export { evidenceOwner, evidenceRules } from './lookup.js';

/** A reform report, as its refusals name it (the flow itself is in commands/report-common.ts). */
const reportStates = { name: 'reformReport', entity: 'reformReport' };

/** A lead unit that may edit reports somewhere, else FORBIDDEN before any lookup. */
export function mayEditSomeReport(ctx: ServiceContext) {
  if (!mayEverReform(ctx.principal, 'report.edit')) throw forbidden();
}

/** Evidence changes only while the lead unit may edit its report (a draft or a returned one). */
export function checkEditable(ctx: ServiceContext, r: ReformResource) {
  if (!canReform(ctx.principal, 'report.edit', { ...r, status: undefined })) throw forbidden();
  if (!canReform(ctx.principal, 'report.edit', r))
    throw wrongState(reportStates, r.status ?? '', ['draft', 'returned']);
}

/**
 * In the file's transaction: touches the report on condition it is still a draft or returned, so
 * a file cannot land on (or leave) a report submitted while it was uploading; the submission's own
 * conditional write then waits for this one, or this one finds it submitted and refuses.
 */
export async function holdEditableReport(tx: Tx, reportId: string): Promise<void> {
  const held = await tx
    .update(reformReports)
    .set({ updatedAt: new Date() })
    .where(and(eq(reformReports.id, reportId), inArray(reformReports.status, ['draft', 'returned'])))
    .returning({ id: reformReports.id });
  if (held.length === 0) throw movedMeanwhile(reportStates);
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
