import { z } from 'zod';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const id = z.string().min(1).max(200);
const qualification = z.string().min(1).max(100);

export const drawFirmSchema = z.object({ id, risk: z.string().min(1).max(50) });

export const drawInspectorSchema = z.object({
  id,
  department: z.string().min(1).max(200),
  qualifications: z.array(qualification).default([]),
});

export const exclusionSchema = z.object({ inspector: id, firm: id });

/** The input of a random draw (双随机): pools, exclusions, counts and the seed. */
export const drawInputSchema = z
  .object({
    /** Fixed before the draw (e.g. published as its hash in advance, or a public number). */
    seed: z
      .string()
      .min(1)
      .max(10_000)
      .refine((s) => !LONE_SURROGATE.test(s), 'the seed must be well-formed Unicode (no lone surrogates)'),
    firms: z.array(drawFirmSchema),
    inspectors: z.array(drawInspectorSchema),
    exclusions: z.array(exclusionSchema).default([]),
    /** How many firms to draw at each risk level. */
    sample: z.record(z.string().min(1).max(50), z.number().int().min(0)),
    inspectorsPerVisit: z.number().int().min(1).max(50).default(2),
    /** Qualifications every team must hold between its members. */
    qualifications: z.array(qualification).max(30).default([]),
    /** Off by default: an inspector may be drawn for several firms. */
    maxVisitsPerInspector: z.number().int().min(1).optional(),
  })
  .superRefine((input, ctx) => {
    const firmIds = new Set<string>();
    for (const [i, f] of input.firms.entries()) {
      if (firmIds.has(f.id))
        ctx.addIssue({ code: 'custom', path: ['firms', i, 'id'], message: `duplicate firm ${f.id}` });
      firmIds.add(f.id);
    }
    const inspectorIds = new Set<string>();
    for (const [i, p] of input.inspectors.entries()) {
      if (inspectorIds.has(p.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['inspectors', i, 'id'],
          message: `duplicate inspector ${p.id}`,
        });
      }
      inspectorIds.add(p.id);
    }
    for (const [i, e] of input.exclusions.entries()) {
      if (!inspectorIds.has(e.inspector)) {
        ctx.addIssue({
          code: 'custom',
          path: ['exclusions', i, 'inspector'],
          message: `unknown inspector ${e.inspector}`,
        });
      }
      if (!firmIds.has(e.firm)) {
        ctx.addIssue({ code: 'custom', path: ['exclusions', i, 'firm'], message: `unknown firm ${e.firm}` });
      }
    }
  });

export const drawVisitSchema = z.object({ firm: id, inspectors: z.array(id) });

/** The published result: the seed's hash and, per drawn firm, its inspectors. */
export const drawResultSchema = z.looseObject({
  seedHash: z.string(),
  visits: z.array(drawVisitSchema),
});

export type DrawInput = z.input<typeof drawInputSchema>;
export type ParsedDrawInput = z.output<typeof drawInputSchema>;
export type DrawResult = z.infer<typeof drawResultSchema>;
export type DrawVisit = z.infer<typeof drawVisitSchema>;
