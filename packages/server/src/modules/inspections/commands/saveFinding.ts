import { and, eq } from 'drizzle-orm';
import { actor, type ServiceContext } from '../../../context.js';
import { defineCommand } from '../../../kernel/command.js';
import type { FindingInput, Visit } from '../contracts-visits.js';
import { getVisit } from '../queries/visits.js';
import { inspectionFindings } from '../schema.js';
import { maskedForAudit } from './audit-masked.js';
import { invalid } from './common.js';
import { holdOnDuty, holdVisit, teamVisit, visitItemIds } from './visit-common.js';

interface SaveInput {
  visitId: string;
  itemId: string;
  finding: FindingInput;
}

/**
 * Records (or corrects) the team's finding on one item of a started visit. An item the visit does
 * not check is refused; so is any change once the visit is completed, even one racing the
 * completion (the write holds the visit's row while it is still started).
 */
const command = defineCommand({
  name: 'inspectionFinding.save',
  async load(ctx, { visitId, itemId }: SaveInput) {
    const { visit } = await teamVisit(ctx, visitId, 'record');
    if (!(await visitItemIds(ctx.db, visitId)).includes(itemId))
      throw invalid('itemId', 'item_not_in_visit', 'the visit does not check this item');
    return { visit };
  },
  async write(tx, ctx, { visit }, { visitId, itemId, finding }) {
    await holdVisit(tx, visitId, ['started']);
    await holdOnDuty(tx, visit, ctx.principal!.userId);
    // The finding this one replaces, read behind the visit's row (every save of the visit takes
    // it): a teammate's correction committed since the checks is the audit's before-value.
    const [before] = await tx
      .select()
      .from(inspectionFindings)
      .where(and(eq(inspectionFindings.visitId, visitId), eq(inspectionFindings.itemId, itemId)));
    const values = {
      result: finding.result,
      note: finding.note,
      requirement: finding.requirement ?? null,
      deadlineDays: finding.deadlineDays ?? null,
      recordedBy: actor(ctx).userId,
      updatedAt: new Date(),
    };
    const [row] = await tx
      .insert(inspectionFindings)
      .values({ visitId, itemId, ...values })
      .onConflictDoUpdate({ target: [inspectionFindings.visitId, inspectionFindings.itemId], set: values })
      .returning();
    const shown = (f: typeof row) =>
      f && { result: f.result, note: f.note, requirement: f.requirement, deadlineDays: f.deadlineDays };
    return {
      result: visitId,
      audit: {
        entityType: 'inspectionFinding',
        entityId: row!.id,
        before: before ? maskedForAudit(shown(before)) : undefined,
        after: maskedForAudit(shown(row)),
      },
    };
  },
});

export async function saveFinding(ctx: ServiceContext, input: SaveInput): Promise<Visit> {
  return getVisit(ctx, await command.run(ctx, input));
}
