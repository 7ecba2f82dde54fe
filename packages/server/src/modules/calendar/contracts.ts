import { yearArrangementSchema } from '@qianxing/core/calendar';
import { z } from '../../http/route-helpers.js';

/** A year of the arrangement as the API takes it (the core's schema, the one source of its type). */
export const YearArrangement = yearArrangementSchema;

export const YearParam = z.object({
  year: z.coerce
    .number()
    .int()
    .min(2000)
    .max(2999)
    .openapi({ param: { name: 'year', in: 'path' }, example: 2027 }),
});

export const CalendarYear = z
  .object({
    year: z.number().int(),
    /** Shipped with the code (and never replaced at run time), or loaded from a later notice. */
    builtIn: z.boolean(),
    arrangement: YearArrangement,
    loadedAt: z.string().nullable(),
    /** Who loaded it: a display name, never an account id. */
    loadedBy: z.string().nullable(),
    allowed: z.array(z.enum(['unload'])),
  })
  .openapi('CalendarYear');
export type CalendarYear = z.infer<typeof CalendarYear>;
