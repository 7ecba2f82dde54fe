import { and, eq, lt } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import { defineCommand } from '../../../kernel/command.js';
import type { ReformReport } from '../contracts.js';
import { getReport } from '../queries/reports.js';
import { reformMilestones, reformReportItems } from '../schema.js';
import { followState, tellFollowers } from './adoption-follow.js';
import { holdersOver, tell } from './notify-common.js';
import { loadForStep, moveReport } from './report-common.js';

/**
 * The reform office approves a report: what it says of each milestone becomes the milestone's
 * done share, so the project's and its list's progress move only on approval. Approved progress
 * never goes backwards through a report: a milestone keeps the highest figure approved (and when
 * it was done), so approving an older month, or a lower figure after a higher one, leaves it where
 * it is while the report keeps what it said. A wrong approval is not undone by a later report:
 * the office corrects it downward with `correctProgress`, reason given and kept in the history.
 */
const command = defineCommand({
  name: 'reformReport.approve',
  async load(ctx, input: { id: string }) {
    const loaded = await loadForStep(ctx, input.id, 'approve');
    const items = await ctx.db
      .select()
      .from(reformReportItems)
      .where(eq(reformReportItems.reportId, input.id));
    return {
      ...loaded,
      items,
      unit: await holdersOver(ctx.db, 'department_staff', loaded.project.lead.path),
    };
  },
  async write(tx, ctx, { row, project, items, unit }) {
    const followed = await followState(tx, row.projectId);
    const now = new Date();
    await moveReport(tx, row.id, 'approve', { reviewedAt: now, reviewedBy: ctx.principal!.userId });
    const before = await tx
      .select()
      .from(reformMilestones)
      .where(eq(reformMilestones.projectId, row.projectId));
    const doneBefore = new Map(before.map((m) => [m.id, m.done]));
    const doneAfter = new Map(doneBefore);
    for (const i of items) {
      if (i.done <= (doneBefore.get(i.milestoneId) ?? 0)) continue;
      // Raised only from below, as the row stands when written: another report of the project
      // approved at the same moment may have raised it past this one after it was read here.
      const raised = await tx
        .update(reformMilestones)
        .set({ done: i.done, doneAt: i.done === 1 ? now : null, updatedAt: now })
        .where(and(eq(reformMilestones.id, i.milestoneId), lt(reformMilestones.done, i.done)))
        .returning({ id: reformMilestones.id });
      if (raised.length) doneAfter.set(i.milestoneId, i.done);
    }
    await tellFollowers(tx, row.projectId, followed);
    await tell(tx, unit, 'reforms.notice.approved', {
      reportId: row.id,
      projectName: project.row.name,
      period: row.period,
    });
    return {
      result: row.id,
      audit: {
        entityType: 'reformReport',
        entityId: row.id,
        before: {
          status: row.status,
          done: items.map((i) => ({ milestoneId: i.milestoneId, done: doneBefore.get(i.milestoneId) })),
        },
        after: {
          status: 'approved',
          done: items.map((i) => ({ milestoneId: i.milestoneId, done: doneAfter.get(i.milestoneId) })),
        },
      },
    };
  },
});

export async function approveReport(ctx: ServiceContext, id: string): Promise<ReformReport> {
  return getReport(ctx, await command.run(ctx, { id }));
}
