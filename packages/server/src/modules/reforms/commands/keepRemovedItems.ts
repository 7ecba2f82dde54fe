import { inArray } from 'drizzle-orm';
import type { Tx } from '../../../db/transaction.js';
import type { MilestoneRow } from '../queries/lookup.js';
import { reformReportItems, reformReportRemovedItems } from '../schema.js';

/**
 * Moves what reports say of milestones about to be removed into their removed items, with each
 * milestone's name, weight and due date as they were: a lead unit reopening a returned report
 * finds its words there, marked, instead of losing them when the milestone goes. Returns, for each
 * report's audit event, what it kept.
 */
export async function keepRemovedItems(
  tx: Tx,
  removed: readonly MilestoneRow[],
  userId: string,
  now: Date,
): Promise<
  Array<{ reportId: string; items: Array<{ milestoneId: string; name: string; done: number; note: string }> }>
> {
  if (!removed.length) return [];
  const byId = new Map(removed.map((m) => [m.id, m]));
  const items = await tx
    .select({
      reportId: reformReportItems.reportId,
      milestoneId: reformReportItems.milestoneId,
      done: reformReportItems.done,
      note: reformReportItems.note,
    })
    .from(reformReportItems)
    .where(inArray(reformReportItems.milestoneId, [...byId.keys()]));
  if (!items.length) return [];
  await tx.insert(reformReportRemovedItems).values(
    items.map((i) => {
      const m = byId.get(i.milestoneId)!;
      return {
        reportId: i.reportId,
        milestoneId: m.id,
        milestoneName: m.name,
        weight: m.weight,
        dueDate: m.dueDate,
        done: i.done,
        note: i.note,
        removedAt: now,
        removedBy: userId,
      };
    }),
  );
  const byReport = new Map<
    string,
    Array<{ milestoneId: string; name: string; done: number; note: string }>
  >();
  for (const i of items)
    byReport.set(i.reportId, [
      ...(byReport.get(i.reportId) ?? []),
      { milestoneId: i.milestoneId, name: byId.get(i.milestoneId)!.name, done: i.done, note: i.note },
    ]);
  return [...byReport].map(([reportId, kept]) => ({ reportId, items: kept }));
}
