import type { ServiceContext } from '../../../context.js';
import type { Tx } from '../../../db/transaction.js';
import { AppError, forbidden, notFound } from '../../../errors.js';
import * as kit from '../../../kernel/attachments.js';
import { canInspect, mayEverInspect } from '../policy.js';
import { maskedPhotoName, maskingPeople, peopleOfVisitNow } from '../queries/photo-names.js';
import { itemsToVerify } from './verifier-scope.js';
import {
  findingWithVisit,
  firmVisit,
  holdOnDuty,
  holdOpenIssue,
  holdVisit,
  loadVisit,
  photoOwner,
  photoRules,
  rectificationConfirmed,
  rectificationOwner,
  rectificationPhotoRules,
  teamVisit,
  type VisitRow,
} from './visit-common.js';

/**
 * The photos of a finding (its team's, while the visit is started) and of its rectification
 * (the firm's staff, until they confirm it): the kernel's attachments, with the visit's checks.
 */

const mayReadSome = (ctx: ServiceContext) =>
  mayEverInspect(ctx.principal, 'visit.read') ||
  mayEverInspect(ctx.principal, 'visit.inspect') ||
  mayEverInspect(ctx.principal, 'visit.mine');

/**
 * Readers of a visit's photos: its team, the office, supervisors, and its firm once completed;
 * then too the staff of the department that verifies the finding's rectification, who read the
 * visit masked (`forVerifier`) and so download its photos under the name masked the same way:
 * for them, the visit whose people's names are masked.
 */
async function readable(ctx: ServiceContext, findingId: string): Promise<'whole' | VisitRow> {
  const finding = await findingWithVisit(ctx.db, findingId);
  const { visit, resource } = await loadVisit(ctx, finding.visitId);
  if (canInspect(ctx.principal, 'visit.read', resource)) return 'whole';
  if (visit.status !== 'completed') throw notFound('photo');
  if (canInspect(ctx.principal, 'visit.result', resource)) return 'whole';
  if (!(await itemsToVerify(ctx, visit.id)).includes(finding.itemId)) throw notFound('photo');
  return visit;
}

/** The photo's bytes, under its name as the reader's view of the visit shows it. */
async function readAs(ctx: ServiceContext, a: kit.AttachmentRow, reading: 'whole' | VisitRow) {
  const file = await kit.readAttachment(a);
  if (reading === 'whole') return file;
  return { ...file, fileName: maskedPhotoName(file.fileName, await peopleOfVisitNow(ctx.db, reading)) };
}

/**
 * In the photo's write, as in a finding's: the visit still started, and the caller still on duty
 * (their inspector row held), so a change of duty at that moment waits for the photo or refuses it.
 */
async function holdTeamStep(tx: Tx, ctx: ServiceContext, visit: VisitRow): Promise<void> {
  await holdVisit(tx, visit.id, ['started']);
  await holdOnDuty(tx, visit, ctx.principal!.userId);
}

export async function addPhoto(ctx: ServiceContext, findingId: string, upload: () => Promise<kit.Upload>) {
  if (!mayEverInspect(ctx.principal, 'visit.inspect')) throw forbidden();
  const finding = await findingWithVisit(ctx.db, findingId);
  const { visit } = await teamVisit(ctx, finding.visitId, 'record');
  const { rules, learn } = maskingPeople(photoRules, visit);
  return kit.addAttachment(ctx, photoOwner(findingId), rules, upload, async (tx) => {
    await holdTeamStep(tx, ctx, visit);
    await learn(tx);
  });
}

export async function readPhoto(ctx: ServiceContext, id: string) {
  if (!mayReadSome(ctx)) throw forbidden();
  const a = await kit.findAttachment(ctx.db, id, photoOwner('').kind);
  return readAs(ctx, a, await readable(ctx, a.ownerId));
}

export async function removePhoto(ctx: ServiceContext, id: string) {
  if (!mayEverInspect(ctx.principal, 'visit.inspect')) throw forbidden();
  const a = await kit.findAttachment(ctx.db, id, photoOwner('').kind);
  const finding = await findingWithVisit(ctx.db, a.ownerId);
  const { visit } = await teamVisit(ctx, finding.visitId, 'record');
  const { rules, learn } = maskingPeople(photoRules, visit);
  await kit.removeAttachment(ctx, a, rules, async (tx) => {
    await holdTeamStep(tx, ctx, visit);
    await learn(tx);
  });
}

/** An issue of the caller's firm still open (its rectification's photos may change), and its visit. */
async function openIssue(ctx: ServiceContext, findingId: string): Promise<VisitRow> {
  if (!mayEverInspect(ctx.principal, 'visit.mine')) throw forbidden();
  const finding = await findingWithVisit(ctx.db, findingId);
  const { visit } = await firmVisit(ctx, finding.visitId);
  if (finding.result !== 'issue')
    throw new AppError('INVALID_STATE', 'only an issue is rectified', [
      { path: 'findingId', message: 'only an issue is rectified', code: 'not_an_issue' },
    ]);
  if (finding.rectifiedAt) throw rectificationConfirmed();
  return visit;
}

export async function addRectificationPhoto(
  ctx: ServiceContext,
  findingId: string,
  upload: () => Promise<kit.Upload>,
) {
  const visit = await openIssue(ctx, findingId);
  const { rules, learn } = maskingPeople(rectificationPhotoRules, visit);
  return kit.addAttachment(ctx, rectificationOwner(findingId), rules, upload, async (tx) => {
    await holdOpenIssue(tx, findingId);
    await learn(tx);
  });
}

export async function readRectificationPhoto(ctx: ServiceContext, id: string) {
  if (!mayReadSome(ctx)) throw forbidden();
  const a = await kit.findAttachment(ctx.db, id, rectificationOwner('').kind);
  return readAs(ctx, a, await readable(ctx, a.ownerId));
}

export async function removeRectificationPhoto(ctx: ServiceContext, id: string) {
  if (!mayEverInspect(ctx.principal, 'visit.mine')) throw forbidden();
  const a = await kit.findAttachment(ctx.db, id, rectificationOwner('').kind);
  const visit = await openIssue(ctx, a.ownerId);
  const { rules, learn } = maskingPeople(rectificationPhotoRules, visit);
  await kit.removeAttachment(ctx, a, rules, async (tx) => {
    await holdOpenIssue(tx, a.ownerId);
    await learn(tx);
  });
}
