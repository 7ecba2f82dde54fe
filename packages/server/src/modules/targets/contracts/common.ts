import { z } from '@hono/zod-openapi';

/** What the targets module's zod contracts share: codes, names, numbers, years and quarters. */
export const code = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9_.-]+$/, 'letters, digits, _ . - only');
export const name = z.string().trim().min(1).max(100);
export const finite = z.number().finite().min(-1e12).max(1e12);

/** A quarter as the district writes it: 2026Q3. */
export const Quarter = z
  .string()
  .regex(/^20\d\dQ[1-4]$/, 'a quarter such as 2026Q3')
  .openapi({ example: '2026Q3' });
export const Year = z.coerce.number().int().min(2000).max(2099);
/** A benchmark period: a year (2025) or a quarter (2026Q3). */
export const Period = z.string().regex(/^20\d\d(Q[1-4])?$/, 'a year (2025) or a quarter (2026Q3)');

/** Why the office returns a plan or a report. */
export const ReturnInput = z
  .object({ reason: z.string().trim().min(2).max(500) })
  .strict()
  .openapi('ReturnInput');
