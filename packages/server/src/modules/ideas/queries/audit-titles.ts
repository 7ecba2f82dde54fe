import { eq, inArray } from 'drizzle-orm';
import { type AuditTitles, titleLookup } from '../../../kernel/audit-titles.js';
import { maskNumbersInText } from '../../../privacy.js';
import { isPublic } from '../publication.js';
import { ideaActions, ideaCampaigns, ideaEvents, ideaSuggestions } from '../schema.js';
import { engageAuditTitles } from './engage-audit-titles.js';

/**
 * The audit log's titles of the campaign's entities. A suggestion links to its public page once
 * its campaign shows it; a number typed into a title stays masked, as in every list.
 */
export const ideaAuditTitles: AuditTitles = {
  ...engageAuditTitles,
  suggestion: titleLookup(
    (db, ids) =>
      db
        .select({
          id: ideaSuggestions.id,
          title: ideaSuggestions.title,
          status: ideaSuggestions.status,
          publication: ideaCampaigns.publication,
        })
        .from(ideaSuggestions)
        .innerJoin(ideaCampaigns, eq(ideaCampaigns.id, ideaSuggestions.campaignId))
        .where(inArray(ideaSuggestions.id, ids)),
    (s) => ({
      title: maskNumbersInText(s.title),
      link: isPublic({ publication: s.publication }, s.status) ? `/ideas/${s.id}` : undefined,
    }),
  ),
  campaign: titleLookup(
    (db, ids) =>
      db
        .select({ id: ideaCampaigns.id, theme: ideaCampaigns.theme })
        .from(ideaCampaigns)
        .where(inArray(ideaCampaigns.id, ids)),
    (c) => ({ title: c.theme }),
  ),
  event: titleLookup(
    (db, ids) =>
      db
        .select({ id: ideaEvents.id, title: ideaEvents.title })
        .from(ideaEvents)
        .where(inArray(ideaEvents.id, ids)),
    (e) => ({ title: e.title }),
  ),
  action: titleLookup(
    (db, ids) =>
      db
        .select({ id: ideaActions.id, title: ideaActions.title })
        .from(ideaActions)
        .where(inArray(ideaActions.id, ids)),
    (a) => ({ title: a.title }),
  ),
};
