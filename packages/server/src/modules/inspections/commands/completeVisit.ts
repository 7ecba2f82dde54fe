import { and, eq, inArray } from 'drizzle-orm';
import { actor, type ServiceContext } from '../../../context.js';
import { defineCommand } from '../../../kernel/command.js';
import { dueAfterOn, todayInChina } from '../../../kernel/deadlines.js';
import { deliver } from '../../../kernel/notifications.js';
import { assertMoved, sourcesOf } from '../../../kernel/workflow.js';
import { firmMemberIds } from '../../business/api.js';
import { heldCalendar } from '../../calendar/api.js';
import type { Visit } from '../contracts-visits.js';
import { getVisit } from '../queries/visits.js';
import { inspectionFindings, inspectionVisits } from '../schema.js';
import { invalid } from './common.js';
import { holdOnDuty, teamVisit, visitItemIds, visitWorkflow } from './visit-common.js';

/**
 * Completes a started visit once every item has a finding: each issue's deadline becomes a due
 * date in working days from today, and the firm's staff are told the results in the same
 * transaction. A completed visit is never edited again.
 */
const command = defineCommand({
  name: 'inspectionVisit.complete',
  async load(ctx, id: string) {
    const loaded = await teamVisit(ctx, id, 'complete');
    const items = await visitItemIds(ctx.db, id);
    const findings = await ctx.db.select().from(inspectionFindings).where(eq(inspectionFindings.visitId, id));
    const recorded = new Set(findings.map((f) => f.itemId));
    const missing = items.filter((i) => !recorded.has(i)).length;
    if (missing > 0)
      throw invalid('items', 'findings_missing', `${missing} items have no finding`, { count: missing });
    return loaded;
  },
  async write(tx, ctx, { visit }, id) {
    // The calendar as stored, under its lock taken before any row lock (the order a year's loading
    // takes them): a year another process loaded is counted before this process reads it again,
    // and a loading at the same moment waits for this commit and recounts what it dated.
    const calendar = await heldCalendar(tx);
    await holdOnDuty(tx, visit, ctx.principal!.userId);
    // Wait for any finding being written to commit, then read the findings and stamp the time:
    // the completion then counts the last finding, and no finding is newer than completedAt.
    await tx
      .select({ id: inspectionVisits.id })
      .from(inspectionVisits)
      .where(eq(inspectionVisits.id, id))
      .for('update');
    const findings = await tx.select().from(inspectionFindings).where(eq(inspectionFindings.visitId, id));
    const moved = await tx
      .update(inspectionVisits)
      .set({
        status: 'completed',
        completedAt: new Date(),
        completedBy: actor(ctx).userId,
        updatedAt: new Date(),
      })
      .where(
        and(
          eq(inspectionVisits.id, id),
          inArray(inspectionVisits.status, sourcesOf(visitWorkflow, 'complete')),
        ),
      )
      .returning({ id: inspectionVisits.id });
    assertMoved(visitWorkflow, moved);
    const today = todayInChina();
    const issues = findings.filter((f) => f.result === 'issue');
    for (const f of issues)
      await tx
        .update(inspectionFindings)
        .set({ dueDate: dueAfterOn(calendar, today, f.deadlineDays!), updatedAt: new Date() })
        .where(eq(inspectionFindings.id, f.id));
    const members = await firmMemberIds(tx, visit.firmId);
    await deliver(
      tx,
      members.map((userId) => ({
        userId,
        key: 'inspections.notice.results',
        params: { visitId: id, date: visit.date, items: findings.length, issues: issues.length },
      })),
    );
    return {
      result: id,
      audit: {
        entityType: 'inspectionVisit',
        entityId: id,
        before: { status: visit.status },
        after: {
          status: 'completed',
          findings: findings.length,
          issues: issues.length,
          told: members.length,
        },
      },
    };
  },
});

export async function completeVisit(ctx: ServiceContext, id: string): Promise<Visit> {
  await command.run(ctx, id);
  return getVisit(ctx, id);
}
