import { z } from '@hono/zod-openapi';
import { caseStatuses } from './schema.js';

/** The zod side of the replicable cases (可复制可推广经验). */
export const CaseStatus = z.enum(caseStatuses).openapi('ReformCaseStatus');

const place = z.string().trim().min(2).max(40);
const caseFields = {
  projectId: z.uuid(),
  title: z.string().trim().min(4).max(100),
  summary: z.string().trim().min(10).max(2000),
  measures: z.string().trim().max(4000).default(''),
  results: z.string().trim().max(4000).default(''),
  adoptedIn: z.array(place).max(50).default([]),
};
export const ReformCaseInput = z.object(caseFields).strict().openapi('ReformCaseInput');
export type ReformCaseInput = z.infer<typeof ReformCaseInput>;
export const ReformCasePatch = z
  .object({
    ...caseFields,
    measures: z.string().trim().max(4000),
    results: z.string().trim().max(4000),
    adoptedIn: z.array(place).max(50),
  })
  .omit({ projectId: true })
  .partial()
  .strict()
  .openapi('ReformCasePatch');
export type ReformCasePatch = z.infer<typeof ReformCasePatch>;

export const ReformCase = z
  .object({
    id: z.uuid(),
    projectId: z.uuid(),
    projectCode: z.string(),
    projectName: z.string(),
    leadUnit: z.string(),
    title: z.string(),
    summary: z.string(),
    measures: z.string(),
    results: z.string(),
    adoptedIn: z.array(z.string()),
    status: CaseStatus,
    publishedAt: z.string().nullable(),
  })
  .openapi('ReformCase');
export type ReformCase = z.infer<typeof ReformCase>;

export const ReformCaseList = z
  .object({
    items: z.array(ReformCase),
    actions: z.object({ create: z.boolean() }).openapi('ReformCaseListActions'),
  })
  .openapi('ReformCaseList');

export const PublicReformCase = ReformCase.omit({ status: true }).openapi('PublicReformCase');
export type PublicReformCase = z.infer<typeof PublicReformCase>;

export const PublicReformCasePage = z
  .object({ items: z.array(PublicReformCase), total: z.number().int() })
  .openapi('PublicReformCasePage');

export const PublicReformCaseQuery = z.object({
  q: z.string().trim().max(50).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(10),
});
export type PublicReformCaseQuery = z.infer<typeof PublicReformCaseQuery>;
