import { and, eq, isNotNull, sql } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import type { Db } from '../../../db/client.js';
import { AppError, forbidden, notFound } from '../../../errors.js';
import { canIdea } from '../policy.js';
import { forgetCampaignCache } from '../queries/campaigns.js';
import {
  ideaCampaigns,
  ideaReviews,
  ideaSuggestions,
  ideaSurveyResponses,
  type SurveyQuestionDef,
} from '../schema.js';
import { ideasEngine } from '../text/engine.js';

/** A published list is what the public reads: it no longer changes. */
export const listPublished = () =>
  new AppError('INVALID_STATE', 'the list is published', [
    { path: 'kind', message: 'the list is published', code: 'list_published' },
  ]);

export const manage = (ctx: ServiceContext) => {
  if (!canIdea(ctx.principal, 'campaign.manage')) throw forbidden();
};

/**
 * Codes still referred to: a domain that labels suggestions, a criterion that holds scores, a
 * survey question that holds answers.
 */
/**
 * The campaign's row, locked for the rest of the transaction: a survey answer takes a share lock
 * on it, so it either committed before the checks that follow or waits for what they save.
 */
export async function lockCampaign(db: Db, id: string) {
  const [row] = await db.select().from(ideaCampaigns).where(eq(ideaCampaigns.id, id)).for('update');
  if (!row) throw notFound('campaign');
  return row;
}

export async function codesInUse(db: Db, campaignId: string) {
  const domains = await db
    .selectDistinct({ code: ideaSuggestions.domain })
    .from(ideaSuggestions)
    .where(eq(ideaSuggestions.campaignId, campaignId));
  const scored = await db
    .select({ key: sql<string>`jsonb_object_keys(${ideaReviews.scores})` })
    .from(ideaReviews)
    .innerJoin(ideaSuggestions, eq(ideaSuggestions.id, ideaReviews.suggestionId))
    .where(and(eq(ideaSuggestions.campaignId, campaignId), isNotNull(ideaReviews.scores)))
    .groupBy(sql`1`);
  const answered = await db
    .select({ key: sql<string>`jsonb_object_keys(${ideaSurveyResponses.answers})` })
    .from(ideaSurveyResponses)
    .where(eq(ideaSurveyResponses.campaignId, campaignId))
    .groupBy(sql`1`);
  return {
    domains: new Set(domains.map((d) => d.code)),
    criteria: new Set(scored.map((s) => s.key)),
    questions: new Set(answered.map((a) => a.key)),
  };
}

/** The options of choice questions that some answer picked, per question code. */
async function optionsPicked(db: Db, campaignId: string, choiceCodes: string[]) {
  const picked = new Map<string, Set<string>>();
  if (choiceCodes.length === 0) return picked;
  const result = await db.execute(sql`
    select e.key as code, o.option
    from ${ideaSurveyResponses} r
    cross join lateral jsonb_each(r.answers) e
    cross join lateral jsonb_array_elements_text(
      case jsonb_typeof(e.value) when 'array' then e.value else jsonb_build_array(e.value) end
    ) o(option)
    where r.campaign_id = ${campaignId} and e.key in ${choiceCodes}
    group by 1, 2`);
  for (const { code, option } of (result as unknown as { rows: Array<{ code: string; option: string }> })
    .rows)
    picked.set(code, (picked.get(code) ?? new Set()).add(option));
  return picked;
}

/**
 * An option that answers picked stays: removing it (or rewording it, which is the same to the
 * answers) would drop those answers from the counts without a word.
 */
export async function refuseRemovedOptions(
  db: Db,
  campaignId: string,
  before: SurveyQuestionDef[],
  after: SurveyQuestionDef[] | undefined,
) {
  if (!after) return;
  const choices = before.filter((q) => q.kind !== 'text');
  const offered = new Map(choices.map((q) => [q.code, new Set(q.options)]));
  const picked = await optionsPicked(
    db,
    campaignId,
    choices.map((q) => q.code),
  );
  // Only options the survey offers now: answers to one removed before this rule stay counted out.
  // A question with answers keeps its kind (refuseKindChange ran first), so q is a choice here.
  const errors = after.flatMap((q, i) =>
    [...(picked.get(q.code) ?? [])]
      .filter((option) => offered.get(q.code)?.has(option) && !q.options.includes(option))
      .map((option) => ({
        path: `survey.${i}.options`,
        message: `${option} has answers`,
        code: 'in_use',
        params: { value: option },
      })),
  );
  if (errors.length > 0)
    throw new AppError(
      'CONFLICT',
      `survey options with answers stay: ${errors.map((e) => e.params.value)}`,
      errors,
    );
}

/** A question that holds answers keeps its kind: the answers were given to that kind. */
export function refuseKindChange(
  before: SurveyQuestionDef[],
  after: SurveyQuestionDef[] | undefined,
  inUse: Set<string>,
) {
  const kindOf = new Map(before.map((q) => [q.code, q.kind]));
  const changed = (after ?? []).filter(
    (q) => inUse.has(q.code) && kindOf.has(q.code) && kindOf.get(q.code) !== q.kind,
  );
  if (changed.length > 0)
    throw new AppError(
      'CONFLICT',
      `survey questions with answers keep their kind: ${changed.map((q) => q.code).join(', ')}`,
      changed.map((q) => ({
        path: `survey.${after!.indexOf(q)}.kind`,
        message: `${q.code} has answers`,
        code: 'in_use',
        params: { value: q.code },
      })),
    );
}

/** A code that something still refers to stays in the campaign. */
export function refuseRemoved(
  before: Array<{ code: string }>,
  after: Array<{ code: string }> | undefined,
  inUse: Set<string>,
  path: string,
) {
  if (!after) return;
  const kept = new Set(after.map((x) => x.code));
  const removed = before.map((x) => x.code).filter((c) => !kept.has(c) && inUse.has(c));
  if (removed.length > 0)
    throw new AppError(
      'CONFLICT',
      `${path} still in use: ${removed.join(', ')}`,
      removed.map((c) => ({ path, message: `${c} is in use`, code: 'in_use', params: { value: c } })),
    );
}

/**
 * Once experts have scored, the rubric's criteria and weights stay as they are: a total computed
 * on other weights, or missing a criterion added since, is not comparable with the others, and
 * the earlier score sets could no longer be submitted again. Names may still be reworded.
 */
export function refuseRubricChange(
  before: Array<{ code: string; weight: number }>,
  after: Array<{ code: string; weight: number }> | undefined,
  scored: Set<string>,
) {
  if (!after || scored.size === 0) return;
  const weights = (r: Array<{ code: string; weight: number }>) =>
    JSON.stringify(r.map((c) => [c.code, c.weight]).sort());
  if (weights(before) !== weights(after))
    throw new AppError('CONFLICT', 'the rubric is fixed once experts have scored', [
      { path: 'rubric', message: 'experts have scored on this rubric', code: 'rubric_scored' },
    ]);
}

/** Domains or the current campaign changed: drop what this process cached about them. */
export function settle(ctx: ServiceContext, campaignId?: string) {
  forgetCampaignCache(ctx.db);
  ideasEngine.forget(ctx.db, campaignId);
}
