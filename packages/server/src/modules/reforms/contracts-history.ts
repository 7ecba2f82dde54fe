import { z } from '@hono/zod-openapi';

/**
 * The zod side of a project's history: what a report said of a milestone since removed, and the
 * reform office's corrections of approved progress. `contracts.ts` builds on these; they import
 * nothing from it.
 */

/** What a report said of a milestone the reform office removed afterwards: kept, no longer counted. */
export const ReformRemovedReportItem = z
  .object({
    milestoneId: z.uuid(),
    milestoneName: z.string(),
    weight: z.number(),
    dueDate: z.string(),
    done: z.number(),
    note: z.string(),
    removedAt: z.string(),
  })
  .openapi('ReformRemovedReportItem');
export type ReformRemovedReportItem = z.infer<typeof ReformRemovedReportItem>;

/** One correction of approved progress, as the project's history shows it. */
export const ReformProgressCorrection = z
  .object({
    id: z.uuid(),
    milestoneId: z.uuid(),
    milestoneName: z.string(),
    doneBefore: z.number(),
    doneAfter: z.number(),
    reason: z.string(),
    correctedAt: z.string(),
    correctedByName: z.string().nullable(),
  })
  .openapi('ReformProgressCorrection');
export type ReformProgressCorrection = z.infer<typeof ReformProgressCorrection>;

/** The office lowers a milestone's approved done share (0..1), saying why. */
export const ReformProgressCorrectionInput = z
  .object({
    done: z.number().min(0).max(1),
    reason: z.string().trim().min(4).max(500),
  })
  .strict()
  .openapi('ReformProgressCorrectionInput');
export type ReformProgressCorrectionInput = z.infer<typeof ReformProgressCorrectionInput>;

export const MilestoneParam = z.object({
  id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }),
  milestoneId: z.uuid().openapi({ param: { name: 'milestoneId', in: 'path' } }),
});
