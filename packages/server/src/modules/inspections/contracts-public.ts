import { z } from '@hono/zod-openapi';

/** What anyone may read of the random draws (一公开), without signing in. */
export const PublicDraw = z
  .object({
    id: z.uuid(),
    title: z.string(),
    announcedAt: z.string(),
    /** SHA-256 hex of the seed's UTF-8 bytes, published at the announcement. */
    seedHash: z.string(),
    drawnAt: z.string().nullable(),
    /** Revealed with the draw; null before. */
    seed: z.string().nullable(),
    /**
     * Once drawn, exactly what `qianxing verify-draw --input` reads (seed included); before,
     * the pools frozen at the announcement, without the seed.
     */
    input: z.record(z.string(), z.unknown()),
    /** What `qianxing verify-draw --result` reads; null before the draw. */
    result: z.record(z.string(), z.unknown()).nullable(),
  })
  .openapi('PublicInspectionDraw');
export type PublicDraw = z.infer<typeof PublicDraw>;

export const PublicDrawPage = z
  .object({ items: z.array(PublicDraw), total: z.number().int() })
  .openapi('PublicInspectionDrawPage');
export type PublicDrawPage = z.infer<typeof PublicDrawPage>;

export const PublicDrawQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(10),
});

/** The names behind a draw's ids: firms, departments and inspectors (masked). */
export const PublicDrawNames = z
  .object({
    firms: z.record(z.string(), z.string()),
    inspectors: z.record(z.string(), z.string()),
    items: z.array(z.object({ name: z.string(), unit: z.string(), legalBasis: z.string() })),
  })
  .openapi('PublicInspectionDrawNames');
export type PublicDrawNames = z.infer<typeof PublicDrawNames>;

/**
 * A completed visit's outcome as it is published (一公开): the firm (a legal entity), the date,
 * the departments, and per item only its result; no inspector, no note, no person.
 */
export const PublicVisitResult = z
  .object({
    id: z.uuid(),
    date: z.string(),
    firm: z.string(),
    departments: z.array(z.string()),
    items: z.array(
      z.object({
        name: z.string(),
        unit: z.string(),
        result: z.enum(['compliant', 'issue', 'not_applicable']),
        rectified: z.boolean(),
      }),
    ),
    issues: z.number().int(),
    rectified: z.number().int(),
  })
  .openapi('PublicInspectionResult');
export type PublicVisitResult = z.infer<typeof PublicVisitResult>;

export const PublicResultPage = z
  .object({ items: z.array(PublicVisitResult), total: z.number().int() })
  .openapi('PublicInspectionResultPage');
