import type { ServiceContext } from '../../../context.js';
import type { Db } from '../../../db/client.js';
import { AppError, forbidden, notFound } from '../../../errors.js';
import * as kit from '../../../kernel/attachments.js';
import { wrongState } from '../../../kernel/workflow.js';
import { canStudy, studyVisitFlow } from '../policy-study.js';
import { loadVisit, readableVisit, studyReportOwner, studyReportRules } from '../queries/study-visits.js';
import { holdRecordableVisit, mayStudyAtAll } from './study-common.js';

/** The file changes while the organising unit records the visit (it is done, not yet reported). */
async function recordable(ctx: ServiceContext, visitId: string) {
  mayStudyAtAll(ctx, 'study.record');
  const { row, resource } = await loadVisit(ctx.db, visitId);
  if (!canStudy(ctx.principal, 'study.record', { ...resource, status: 'done' })) throw forbidden();
  if (!canStudy(ctx.principal, 'study.record', resource))
    throw wrongState(studyVisitFlow, row.status, ['done']);
}

/**
 * Uploads the visit's learning report (PDF or Word); one per visit, so a second is a conflict until
 * the first is removed. The kernel's attachments write the file, its row and `reformStudyReport.add`.
 */
export async function addStudyReport(
  ctx: ServiceContext,
  visitId: string,
  upload: () => Promise<kit.Upload>,
) {
  await recordable(ctx, visitId);
  const taken = async (db: Db) => {
    if ((await kit.listAttachments(db, studyReportOwner(visitId))).length > 0)
      throw new AppError('CONFLICT', 'the visit has its report; remove it first', [
        { path: 'file', message: 'the visit has its report', code: 'taken' },
      ]);
  };
  await taken(ctx.db);
  // Checked again with the visit held: two uploads at once would otherwise both find none.
  return kit.addAttachment(ctx, studyReportOwner(visitId), studyReportRules, upload, async (tx) => {
    await holdRecordableVisit(tx, visitId);
    await taken(tx);
  });
}

async function loadReport(ctx: ServiceContext, id: string) {
  const a = await kit.findAttachment(ctx.db, id, studyReportOwner('').kind);
  await readableVisit(ctx, a.ownerId).catch(() => {
    throw notFound('attachment');
  });
  return a;
}

/** The report's bytes, to every cadre who reads the visit. */
export async function readStudyReport(ctx: ServiceContext, id: string) {
  return kit.readAttachment(await loadReport(ctx, id));
}

export async function removeStudyReport(ctx: ServiceContext, id: string): Promise<void> {
  mayStudyAtAll(ctx, 'study.record');
  const a = await loadReport(ctx, id);
  await recordable(ctx, a.ownerId);
  await kit.removeAttachment(ctx, a, studyReportRules, (tx) => holdRecordableVisit(tx, a.ownerId));
}
