import { and, eq, inArray, isNull } from 'drizzle-orm';
import { actor, type ServiceContext } from '../../../context.js';
import { AppError } from '../../../errors.js';
import { defineCommand } from '../../../kernel/command.js';
import { deliver } from '../../../kernel/notifications.js';
import { firmsByIds } from '../../business/api.js';
import { unitsByIds } from '../../units/api.js';
import { holdersOver } from '../../users/api.js';
import type { RectificationInput, VisitResult } from '../contracts-visits.js';
import { getResult } from '../queries/results.js';
import { inspectionFindings, inspectionItems } from '../schema.js';
import { maskedForAudit } from './audit-masked.js';
import { invalid } from './common.js';
import { findingWithVisit, firmVisit } from './visit-common.js';

interface ConfirmInput extends RectificationInput {
  findingId: string;
}

const alreadyConfirmed = () =>
  new AppError('CONFLICT', 'the rectification is confirmed', [
    { path: 'findingId', message: 'already confirmed', code: 'already_confirmed' },
  ]);

/**
 * The firm's staff confirm an issue rectified (整改完成), with a note (photos go through the
 * attachments first); the visit's inspectors are told in the same transaction. The item's
 * department then verifies it; the firm confirms again only after a return, and then the staff
 * of the item's department, who verify it (and one of whom returned it), are told it awaits them
 * again; a member of the team among them is told once.
 */
const command = defineCommand({
  name: 'inspectionRectification.confirm',
  async load(ctx, { findingId }: ConfirmInput) {
    const finding = await findingWithVisit(ctx.db, findingId);
    const loaded = await firmVisit(ctx, finding.visitId);
    if (finding.result !== 'issue') throw invalid('findingId', 'not_an_issue', 'only an issue is rectified');
    if (finding.verifiedAt)
      throw new AppError('CONFLICT', 'the rectification is accepted', [
        { path: 'findingId', message: 'already accepted', code: 'already_verified' },
      ]);
    if (finding.rectifiedAt) throw alreadyConfirmed();
    const [item] = await ctx.db
      .select({ name: inspectionItems.name, unitId: inspectionItems.unitId })
      .from(inspectionItems)
      .where(inArray(inspectionItems.id, [finding.itemId]));
    const unit = item && (await unitsByIds(ctx.db, [item.unitId])).get(item.unitId);
    const firm = (await firmsByIds(ctx.db, [loaded.visit.firmId])).get(loaded.visit.firmId);
    return { ...loaded, finding, item: item?.name ?? '', unitPath: unit?.path, firm: firm?.name ?? '' };
  },
  async write(tx, ctx, { finding, team, visit, item, unitPath, firm }, { note }) {
    const done = await tx
      .update(inspectionFindings)
      .set({
        rectifiedAt: new Date(),
        rectifiedBy: actor(ctx).userId,
        rectificationNote: note,
        updatedAt: new Date(),
      })
      .where(and(eq(inspectionFindings.id, finding.id), isNull(inspectionFindings.rectifiedAt)))
      .returning({ id: inspectionFindings.id, returnedAt: inspectionFindings.returnedAt });
    if (done.length === 0) throw alreadyConfirmed();
    const params = { visitId: visit.id, firm, item, date: visit.date };
    // Reported again after a return: the department that verifies it (as the policy grants
    // `rectification.verify`, a grant at the unit or above) is waiting for this report.
    const verifiers =
      done[0]!.returnedAt && unitPath
        ? ((await holdersOver(tx, 'department_staff', [unitPath])).get(unitPath) ?? [])
        : [];
    await deliver(tx, [
      ...verifiers.map((userId) => ({
        userId,
        key: 'inspections.notice.rectificationReportedAgain',
        params,
      })),
      ...team
        .filter((userId) => !verifiers.includes(userId))
        .map((userId) => ({ userId, key: 'inspections.notice.rectified', params })),
    ]);
    return {
      result: visit.id,
      audit: {
        entityType: 'inspectionFinding',
        entityId: finding.id,
        after: maskedForAudit({ rectified: true, note, afterReturn: !!finding.returnedAt }),
      },
    };
  },
});

export async function confirmRectification(ctx: ServiceContext, input: ConfirmInput): Promise<VisitResult> {
  return getResult(ctx, await command.run(ctx, input));
}
