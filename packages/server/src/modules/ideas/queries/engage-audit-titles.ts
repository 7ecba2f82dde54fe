import { eq, inArray } from 'drizzle-orm';
import { type AuditTitles, titleLookup } from '../../../kernel/audit-titles.js';
import { maskNumbersInText, maskPersonName } from '../../../privacy.js';
import { displayNames } from '../../users/api.js';
import { ideaCampaigns, ideaComments, ideaLists, ideaSuggestions, ideaSurveyResponses } from '../schema.js';
import { ideaReviews } from '../schema-review.js';

/** How much of a comment names it in the log. */
const COMMENT_START = 24;

/** The start of a text, its numbers masked first so that a cut never shows part of one. */
function textStart(text: string, length = COMMENT_START): string {
  const chars = [...maskNumbersInText(text).replace(/\s+/g, ' ').trim()];
  return chars.length > length ? `${chars.slice(0, length).join('')}…` : chars.join('');
}

/**
 * The audit log's titles of what residents and experts add to the campaign: a comment is the
 * start of its text (numbers masked, as in the moderation queue); a review, its suggestion and
 * its expert (masked, as in every staff list); a list, its kind and campaign; a survey answer,
 * its campaign.
 */
export const engageAuditTitles: AuditTitles = {
  comment: titleLookup(
    (db, ids) =>
      db
        .select({ id: ideaComments.id, body: ideaComments.body })
        .from(ideaComments)
        .where(inArray(ideaComments.id, ids)),
    (c) => ({ title: textStart(c.body), link: '/admin/ideas/comments' }),
  ),
  review: titleLookup(
    async (db, ids) => {
      const rows = await db
        .select({ id: ideaReviews.id, suggestion: ideaSuggestions.title, expertId: ideaReviews.expertId })
        .from(ideaReviews)
        .innerJoin(ideaSuggestions, eq(ideaSuggestions.id, ideaReviews.suggestionId))
        .where(inArray(ideaReviews.id, ids));
      const names = await displayNames(
        db,
        rows.map((r) => r.expertId),
      );
      return rows.map((r) => ({ ...r, expert: names.get(r.expertId) ?? '' }));
    },
    (r) => ({
      title: `${maskNumbersInText(r.suggestion)} · ${maskPersonName(r.expert) ?? ''}`,
      link: '/admin/ideas/reviews',
    }),
  ),
  list: titleLookup(
    (db, ids) =>
      db
        .select({ id: ideaLists.id, kind: ideaLists.kind, theme: ideaCampaigns.theme })
        .from(ideaLists)
        .innerJoin(ideaCampaigns, eq(ideaCampaigns.id, ideaLists.campaignId))
        .where(inArray(ideaLists.id, ids)),
    (l) => ({ title: l.theme, kind: l.kind, link: '/admin/ideas/selection' }),
  ),
  survey_response: titleLookup(
    (db, ids) =>
      db
        .select({ id: ideaSurveyResponses.id, theme: ideaCampaigns.theme })
        .from(ideaSurveyResponses)
        .innerJoin(ideaCampaigns, eq(ideaCampaigns.id, ideaSurveyResponses.campaignId))
        .where(inArray(ideaSurveyResponses.id, ids)),
    (r) => ({ title: r.theme, link: '/admin/ideas/survey' }),
  ),
};
