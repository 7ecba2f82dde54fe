import type { z } from '@hono/zod-openapi';
import type { ServiceContext } from '../../../context.js';
import type { ScreenInput } from '../contracts.js';
import { acceptSuggestion } from './acceptSuggestion.js';
import { mergeSuggestion } from './mergeSuggestion.js';
import { reclassifySuggestion } from './reclassifySuggestion.js';
import { rejectSuggestion } from './rejectSuggestion.js';

export type ScreenDecision = z.infer<typeof ScreenInput>;

/**
 * Screens suggestions (one or many) by the decision's own command: all in one transaction, or
 * none when any is refused.
 */
export function screenSuggestions(ctx: ServiceContext, ids: string[], d: ScreenDecision) {
  switch (d.decision) {
    case 'accept':
      return acceptSuggestion.run(ctx, { ids, domain: d.domain });
    case 'reject':
      return rejectSuggestion.run(ctx, { ids, reason: d.reason });
    case 'merge':
      return mergeSuggestion.run(ctx, { ids, into: d.into });
    case 'reclassify':
      return reclassifySuggestion.run(ctx, { ids, domain: d.domain });
  }
}
