import { z } from '@hono/zod-openapi';
import {
  PilotLevel,
  PilotStatus,
  ProjectSource,
  ProjectStatus,
  ReformProjectSuggestion,
} from './contracts.js';

/** What anyone may read of the reform ledger, without signing in. */
export const PublicReformSummary = z
  .object({
    lists: z.array(
      z.object({
        id: z.uuid(),
        name: z.string(),
        projects: z.number().int(),
        /** 100 × the mean of its projects' progress. */
        percentDone: z.number(),
      }),
    ),
    projects: z.number().int(),
    pilots: z.object({ underway: z.number().int(), applying: z.number().int() }),
  })
  .openapi('PublicReformSummary');
export type PublicReformSummary = z.infer<typeof PublicReformSummary>;

export const PublicReformProjectItem = z
  .object({
    id: z.uuid(),
    code: z.string(),
    name: z.string(),
    listId: z.uuid(),
    /** The lead unit's name. */
    leadUnit: z.string(),
    /** 0..1. */
    progress: z.number(),
    status: ProjectStatus,
  })
  .openapi('PublicReformProjectItem');
export type PublicReformProjectItem = z.infer<typeof PublicReformProjectItem>;

export const PublicReformProjectPage = z
  .object({ items: z.array(PublicReformProjectItem), total: z.number().int() })
  .openapi('PublicReformProjectPage');

export const PublicReformProjectQuery = z.object({
  list: z.uuid().optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

/** A campaign suggestion a project came from (来自群众建议), linked back from its public page. */
export const PublicReformProject = PublicReformProjectItem.extend({
  listName: z.string(),
  source: ProjectSource,
  coUnits: z.array(z.string()),
  startDate: z.string(),
  endDate: z.string(),
  goal: z.string(),
  pilotLevel: PilotLevel.nullable(),
  pilotStatus: PilotStatus.nullable(),
  milestones: z.array(
    z.object({
      name: z.string(),
      weight: z.number(),
      dueDate: z.string(),
      done: z.number(),
      overdue: z.boolean(),
    }),
  ),
  suggestions: z.array(ReformProjectSuggestion),
  /** The approved monthly reports, newest first: their month and summary, never the problems. */
  reports: z.array(z.object({ period: z.string(), summary: z.string() })),
}).openapi('PublicReformProject');
export type PublicReformProject = z.infer<typeof PublicReformProject>;
