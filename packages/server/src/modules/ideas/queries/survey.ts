import { and, desc, eq, inArray } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import { forbidden } from '../../../errors.js';
import { maskNumbersInText } from '../../../privacy.js';
import type { Campaign } from '../contracts.js';
import type { SurveyResults } from '../contracts-engage.js';
import { mayEver } from '../policy.js';
import { ideaSurveyResponses } from '../schema.js';
import { exportActions } from '../staff-actions.js';
import { currentCampaign } from './campaigns.js';
import { scopeTownIds } from './screening.js';

/** The responses an actor may see: the whole district, or an organiser's own towns. */
export async function responsesInScope(ctx: ServiceContext, campaignId: string) {
  if (!mayEver(ctx.principal, 'suggestion.staffRead')) throw forbidden();
  const towns = await scopeTownIds(ctx);
  if (towns && towns.length === 0) throw forbidden();
  const where = [eq(ideaSurveyResponses.campaignId, campaignId)];
  if (towns) where.push(inArray(ideaSurveyResponses.townId, towns));
  return ctx.db
    .select()
    .from(ideaSurveyResponses)
    .where(and(...where))
    .orderBy(desc(ideaSurveyResponses.createdAt));
}

/** Counts per option and the latest free-text answers (numbers masked), per question. */
export function tally(
  campaign: Campaign,
  rows: Array<typeof ideaSurveyResponses.$inferSelect>,
): Omit<SurveyResults, 'actions'> {
  return {
    responses: rows.length,
    questions: campaign.survey.map((q) => {
      const given = rows.map((r) => r.answers[q.code]).filter((a) => a !== undefined);
      const counts = new Map(q.options.map((o) => [o, 0]));
      for (const a of given)
        for (const o of Array.isArray(a) ? a : [a]) if (counts.has(o)) counts.set(o, counts.get(o)! + 1);
      return {
        code: q.code,
        text: q.text,
        kind: q.kind,
        answered: given.length,
        options: q.kind === 'text' ? [] : [...counts].map(([option, count]) => ({ option, count })),
        texts: q.kind === 'text' ? (given as string[]).slice(0, 50).map(maskNumbersInText) : [],
      };
    }),
  };
}

/** The survey's counts for the actor's scope, and whether they may export the answers. */
export async function surveyResults(ctx: ServiceContext): Promise<SurveyResults> {
  const campaign = await currentCampaign(ctx.db);
  return {
    ...tally(campaign, await responsesInScope(ctx, campaign.id)),
    actions: exportActions(ctx.principal),
  };
}
