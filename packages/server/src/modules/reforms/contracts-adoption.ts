import { z } from '@hono/zod-openapi';
import { ReformProjectInput } from './contracts.js';
import { PublicReformProjectItem } from './contracts-public.js';

/** The zod side of adoption (采纳转化): a campaign suggestion becomes a project or a battle's task. */

/** Link an adopted suggestion to a project already on the ledger. */
export const AdoptIntoProjectInput = z
  .object({ suggestionId: z.uuid(), projectId: z.uuid() })
  .strict()
  .openapi('ReformAdoptIntoProjectInput');
export type AdoptIntoProjectInput = z.infer<typeof AdoptIntoProjectInput>;

/** Put a new project on a list for an adopted suggestion, linked to it. */
export const AdoptAsProjectInput = z
  .object({ suggestionId: z.uuid(), project: ReformProjectInput })
  .strict()
  .openapi('ReformAdoptAsProjectInput');
export type AdoptAsProjectInput = z.infer<typeof AdoptAsProjectInput>;

/** Make an adopted suggestion a task of a key battle. */
export const AdoptIntoBattleInput = z
  .object({ suggestionId: z.uuid(), battleId: z.uuid() })
  .strict()
  .openapi('ReformAdoptIntoBattleInput');
export type AdoptIntoBattleInput = z.infer<typeof AdoptIntoBattleInput>;

export const ReformBattleRef = z.object({ id: z.uuid(), name: z.string() }).openapi('ReformBattleRef');

/** The reform projects (with their progress) and key battles a suggestion became. */
export const SuggestionReforms = z
  .object({
    projects: z.array(PublicReformProjectItem),
    battles: z.array(ReformBattleRef),
  })
  .openapi('ReformSuggestionReforms');
export type SuggestionReforms = z.infer<typeof SuggestionReforms>;

/** An adopted suggestion as the office takes it up: its title (numbers masked) and where it went. */
export const ReformAdoption = SuggestionReforms.extend({
  suggestionId: z.uuid(),
  title: z.string(),
  supports: z.number().int(),
}).openapi('ReformAdoption');
export type ReformAdoption = z.infer<typeof ReformAdoption>;

export const ReformAdoptionQuery = z.object({ q: z.string().trim().max(100).default('') });
