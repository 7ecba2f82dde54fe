import { and, eq } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import type { Db } from '../../../db/client.js';
import { AppError, type FieldError } from '../../../errors.js';
import * as kit from '../../../kernel/attachments.js';
import { defineCommand, type Tx } from '../../../kernel/command.js';
import { todayInChina } from '../../../kernel/deadlines.js';
import { assertMoved, checkTransition, sourcesOf, targetOf } from '../../../kernel/workflow.js';
import type { StudyVisit } from '../contracts-study.js';
import { canStudy, type StudyAction, studyVisitFlow } from '../policy-study.js';
import { getVisit, loadVisit, studyReportOwner, type VisitRow } from '../queries/study-visits.js';
import { reformStudyVisits } from '../schema.js';
import { mayStudyAtAll } from './study-common.js';

type Step = keyof typeof studyVisitFlow.transitions;
const actionOf: Record<Step, StudyAction> = { complete: 'study.complete', report: 'study.report' };

/** A report is handed in with its file and its summary; either missing is a 400 naming it. */
async function checkReport(db: Db, row: Pick<VisitRow, 'id' | 'reportSummary'>) {
  const files = await kit.listAttachments(db, studyReportOwner(row.id));
  const problems: FieldError[] = [];
  if (files.length === 0)
    problems.push({ path: 'reportFile', message: 'the report file is missing', code: 'report_file_missing' });
  if (!row.reportSummary.trim())
    problems.push({
      path: 'reportSummary',
      message: 'the summary is missing',
      code: 'report_summary_missing',
    });
  if (problems.length) throw new AppError('VALIDATION', problems[0]!.message, problems);
}

const tripNotOver = () =>
  new AppError('INVALID_STATE', 'the trip has not ended yet', [
    { path: 'endDate', message: 'the trip has not ended yet', code: 'trip_not_over' },
  ]);

/** One step of the visit's workflow, conditional on the status read. */
const moving = (step: Step) => ({
  async load(ctx: ServiceContext, { id }: { id: string }) {
    mayStudyAtAll(ctx, actionOf[step]);
    const { row, resource } = await loadVisit(ctx.db, id);
    checkTransition(studyVisitFlow, step, row.status, (status) =>
      canStudy(ctx.principal, actionOf[step], { ...resource, status }),
    );
    if (step === 'report') await checkReport(ctx.db, row);
    // Done before the trip ended would list on the public site a visit that has not happened.
    if (step === 'complete' && row.endDate > todayInChina()) throw tripNotOver();
    return row;
  },
  async write(tx: Tx, _ctx: ServiceContext, row: VisitRow) {
    // Judged again on the row, locked: an edit may have moved the trip's end since the read, and
    // the report's file removed or its summary cleared (each of which holds the visit first) would
    // leave a visit reported without them, which nobody could then mend.
    const [held] = await tx
      .select({
        id: reformStudyVisits.id,
        endDate: reformStudyVisits.endDate,
        reportSummary: reformStudyVisits.reportSummary,
      })
      .from(reformStudyVisits)
      .where(eq(reformStudyVisits.id, row.id))
      .for('update');
    if (held && step === 'complete' && held.endDate > todayInChina()) throw tripNotOver();
    if (held && step === 'report') await checkReport(tx, held);
    const now = new Date();
    const to = targetOf(studyVisitFlow, step);
    const moved = await tx
      .update(reformStudyVisits)
      .set({ status: to, updatedAt: now, ...(step === 'report' ? { reportedAt: now } : {}) })
      .where(
        and(
          eq(reformStudyVisits.id, row.id),
          eq(reformStudyVisits.status, sourcesOf(studyVisitFlow, step)[0]!),
        ),
      )
      .returning({ id: reformStudyVisits.id });
    assertMoved(studyVisitFlow, moved);
    return {
      result: row.id,
      audit: {
        entityType: 'reformStudyVisit',
        entityId: row.id,
        before: { status: row.status },
        after: { status: to },
      },
    };
  },
});

/** The organising unit (or the office) records the trip done. */
const complete = defineCommand({ name: 'reformStudy.complete', ...moving('complete') });
/** … and hands in the learning report, once its file and summary are there. */
const report = defineCommand({ name: 'reformStudy.report', ...moving('report') });

export async function completeStudyVisit(ctx: ServiceContext, id: string): Promise<StudyVisit> {
  return getVisit(ctx, await complete.run(ctx, { id }));
}

export async function reportStudyVisit(ctx: ServiceContext, id: string): Promise<StudyVisit> {
  return getVisit(ctx, await report.run(ctx, { id }));
}
