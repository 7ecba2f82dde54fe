import { eq } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import type { Tx } from '../../../db/transaction.js';
import { AppError, forbidden, notFound } from '../../../errors.js';
import { firmMemberIds, firmsByIds } from '../../business/api.js';
import { unitsByIds } from '../../units/api.js';
import { canInspect } from '../policy.js';
import { rectificationStage } from '../rectification-stage.js';
import { inspectionFindings, inspectionItems } from '../schema.js';
import { mayAtAll } from './common.js';
import { type FindingRow, findingWithVisit, loadVisit, type VisitRow } from './visit-common.js';

const conflict = (code: string, message: string) =>
  new AppError('CONFLICT', message, [{ path: 'findingId', message, code }]);

/** A rectification a verifier means to accept or return, as they read it. */
export interface ToVerify {
  finding: FindingRow;
  visit: VisitRow;
  item: string;
  firm: string;
}

/**
 * A reported rectification of a completed visit whose item's department the caller serves
 * (`rectification.verify`): refused before any lookup for other roles, FORBIDDEN for another
 * department's item, and CONFLICT unless it awaits verification.
 */
export async function rectificationToVerify(ctx: ServiceContext, findingId: string): Promise<ToVerify> {
  mayAtAll(ctx, 'rectification.verify');
  const finding = await findingWithVisit(ctx.db, findingId);
  const { visit } = await loadVisit(ctx, finding.visitId);
  if (visit.status !== 'completed') throw notFound('finding');
  const [item] = await ctx.db.select().from(inspectionItems).where(eq(inspectionItems.id, finding.itemId));
  const unit = item && (await unitsByIds(ctx.db, [item.unitId])).get(item.unitId);
  if (!unit || !canInspect(ctx.principal, 'rectification.verify', { unitPaths: [unit.path] }))
    throw forbidden();
  awaitingVerification(finding);
  const firm = (await firmsByIds(ctx.db, [visit.firmId])).get(visit.firmId);
  return { finding, visit, item: item.name, firm: firm?.name ?? '' };
}

/** Refuses a finding whose rectification does not await verification, saying where it stands. */
function awaitingVerification(f: FindingRow): void {
  const stage = rectificationStage(f);
  if (stage === null) throw conflict('not_an_issue', 'only an issue is rectified');
  if (stage === 'verified') throw conflict('already_verified', 'the rectification is already accepted');
  if (stage === 'returned')
    throw conflict('rectification_returned', 'the rectification was returned and awaits the firm');
  if (stage === 'open') throw conflict('not_reported', 'the firm has not reported the rectification done');
}

/**
 * In the write's transaction: locks the finding's row and reads it again, so an acceptance, a
 * return and the firm's new report take turns; refused unless it still awaits verification on
 * the very report the verifier read (the firm may have reported again after another return).
 */
export async function holdReported(tx: Tx, read: FindingRow): Promise<void> {
  const [now] = await tx
    .select()
    .from(inspectionFindings)
    .where(eq(inspectionFindings.id, read.id))
    .for('update');
  if (!now) throw notFound('finding');
  awaitingVerification(now);
  if (now.rectifiedAt?.getTime() !== read.rectifiedAt?.getTime())
    throw conflict('reported_again', 'the firm reported the rectification again meanwhile');
}

/** The firm's staff, told of the verification in the write's transaction. */
export const firmStaff = (tx: Tx, visit: VisitRow) => firmMemberIds(tx, visit.firmId);
