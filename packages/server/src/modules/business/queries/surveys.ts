import { and, desc, eq, inArray } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import { forbidden, notFound } from '../../../errors.js';
import type { Survey, SurveyBrief, SurveyResults } from '../contracts-surveys.js';
import { firmOfMember } from '../lookup.js';
import { canRequest, mayEverRequest } from '../policy.js';
import { businessSurveyResponses, businessSurveys } from '../schema.js';
import { inSurveyPeriod, loadSurvey, readSurvey, surveyView } from '../surveys/lookup.js';
import { briefs, surveyResults } from './survey-results.js';

const newest = [desc(businessSurveys.opensOn), desc(businessSurveys.createdAt)];

/** Every survey, for the office and the commission. */
export async function listSurveys(ctx: ServiceContext): Promise<SurveyBrief[]> {
  if (!canRequest(ctx.principal, 'survey.results', { townPath: '/' })) throw forbidden();
  return briefs(
    ctx.db,
    await ctx.db
      .select()
      .from(businessSurveys)
      .orderBy(...newest),
  );
}

export async function getSurvey(ctx: ServiceContext, id: string): Promise<Survey> {
  return surveyView(await loadSurvey(ctx, id, 'survey.results'));
}

/** The results of a survey in any state, for the office and the commission. */
export async function getSurveyResults(ctx: ServiceContext, id: string): Promise<SurveyResults> {
  return surveyResults(ctx.db, await loadSurvey(ctx, id, 'survey.results'));
}

/** The surveys open to firms, and whether the firm of the staff member asking has answered each. */
export async function firmSurveys(ctx: ServiceContext) {
  if (!mayEverRequest(ctx.principal, 'survey.answer')) throw forbidden();
  // An enterprise account of no firm has none to answer for.
  const firmId = await firmOfMember(ctx.db, ctx.principal!.userId);
  if (!firmId) return [];
  const rows = await ctx.db
    .select()
    .from(businessSurveys)
    .where(and(eq(businessSurveys.status, 'open'), inArray(businessSurveys.audience, ['firms', 'both'])))
    .orderBy(...newest)
    // Those taking answers today: a survey past its last day or before its first is not offered.
    .then((open) => open.filter((row) => inSurveyPeriod(row)));
  const done = new Set(
    (
      await ctx.db
        .select({ surveyId: businessSurveyResponses.surveyId })
        .from(businessSurveyResponses)
        .where(eq(businessSurveyResponses.firmId, firmId))
    ).map((r) => r.surveyId),
  );
  return (await briefs(ctx.db, rows)).map((b) => ({ ...b, answered: done.has(b.id) }));
}

/** The surveys the public sees: those open to it, and every closed one (their results). */
export async function publicSurveys(ctx: ServiceContext) {
  const rows = await ctx.db
    .select()
    .from(businessSurveys)
    .where(inArray(businessSurveys.status, ['open', 'closed']))
    .orderBy(...newest);
  const all = await briefs(ctx.db, rows);
  return {
    open: all.filter((s) => s.status === 'open' && s.audience !== 'firms' && inSurveyPeriod(s)),
    closed: all.filter((s) => s.status === 'closed'),
  };
}

/**
 * A survey's form once it is published, open or closed and whatever its audience: the page says
 * when it is closed or meant for others, and answering checks both (`answerSurvey`). Never a draft.
 */
export async function answerableSurvey(ctx: ServiceContext, id: string): Promise<Survey> {
  const survey = await readSurvey(ctx.db, id);
  if (!survey || survey.row.status === 'draft') throw notFound('survey');
  return surveyView(survey);
}

/** Only a closed survey's results are public; an open one's are not yet. */
export async function publicSurveyResults(ctx: ServiceContext, id: string): Promise<SurveyResults> {
  const survey = await readSurvey(ctx.db, id);
  if (survey?.row.status !== 'closed') throw notFound('survey');
  return surveyResults(ctx.db, survey);
}
