import { z } from '@hono/zod-openapi';

/**
 * Where an issue's rectification stands (整改进度): `open` until the firm reports it done,
 * `reported` awaiting the department's verification, `returned` open again after the department
 * sent a report back (the reason kept), `verified` once accepted, which alone closes it.
 */
export const rectificationStages = ['open', 'returned', 'reported', 'verified'] as const;
export type RectificationStage = (typeof rectificationStages)[number];
export const RectificationStage = z.enum(rectificationStages).openapi('InspectionRectificationStage');

interface Tracked {
  result: string;
  rectifiedAt: Date | null;
  verifiedAt: Date | null;
  returnedAt: Date | null;
}

/** The stage of a finding's rectification; none for a finding that is no issue. */
export function rectificationStage(f: Tracked): RectificationStage | null {
  if (f.result !== 'issue') return null;
  if (f.verifiedAt) return 'verified';
  if (f.rectifiedAt) return 'reported';
  return f.returnedAt ? 'returned' : 'open';
}
