import { z } from '@hono/zod-openapi';
import { and, desc, eq, isNotNull, ne, sql } from 'drizzle-orm';
import { audit } from '../../../audit/audit.js';
import { actor, type ServiceContext } from '../../../context.js';
import type { Db } from '../../../db/client.js';
import { transaction } from '../../../db/transaction.js';
import { AppError, forbidden, notFound } from '../../../errors.js';
import { isoDate } from '../../../http/input.js';
import { AuthorKind, Campaign, CampaignActions, CampaignListActions, Channel } from '../contracts.js';
import { SurveyQuestion } from '../contracts-engage.js';
import { canIdea } from '../policy.js';
import { campaignView, forgetCampaignCache } from '../queries/campaigns.js';
import {
  ideaCampaigns,
  ideaReviews,
  ideaSuggestions,
  ideaSurveyResponses,
  listKinds,
  publications,
  type SurveyQuestionDef,
} from '../schema.js';
import { campaignActions, campaignListActions } from '../staff-actions.js';
import { ideasEngine } from '../text/engine.js';

const code = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, 'lower-case letters, digits, "-" or "_"');
const label = z.string().trim().min(1).max(60);
/**
 * A reject reason is shown to the author on the tracking page, so the office writes it in its
 * own words (已有政策覆盖); the built-in codes (off_topic …) are worded by the app instead.
 */
const rejectReason = z
  .string()
  .trim()
  .min(1)
  .max(40)
  // A refinement, not a pattern: OpenAPI patterns have no Unicode classes.
  .refine((s) => !/[\p{Cc}\p{Cf}]/u.test(s), {
    message: 'no control characters',
    params: { reason: 'invalid_format' },
  });
const uniqueBy =
  <T>(key: (x: T) => string, what: string) =>
  (items: T[], ctx: z.RefinementCtx) => {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      if (seen.has(key(item)))
        ctx.addIssue({
          code: 'custom',
          path: [i],
          message: `duplicate ${what}`,
          params: { reason: 'duplicate' },
        });
      seen.add(key(item));
    });
  };

const fields = {
  theme: z.string().trim().min(2).max(120),
  startsOn: isoDate(),
  endsOn: isoDate(),
  focusAreas: z
    .array(label)
    .max(30)
    .superRefine(uniqueBy((x) => x, 'focus area')),
  domains: z
    .array(z.object({ code, name: label, description: z.string().trim().max(500) }).strict())
    .min(1)
    .max(40)
    .superRefine(uniqueBy((d) => d.code, 'domain code')),
  channels: z
    .array(Channel)
    .min(1)
    .superRefine(uniqueBy((x) => x, 'channel')),
  authorKinds: z
    .array(AuthorKind)
    .min(1)
    .superRefine(uniqueBy((x) => x, 'author kind')),
  rubric: z
    .array(z.object({ code, name: label, weight: z.number().positive().max(100) }).strict())
    .min(1)
    .max(12)
    .superRefine(uniqueBy((c) => c.code, 'criterion code')),
  rejectReasons: z
    .array(rejectReason)
    .min(1)
    .max(30)
    .superRefine(uniqueBy((x) => x, 'reason')),
  listSizes: z.object(Object.fromEntries(listKinds.map((k) => [k, z.number().int().min(1).max(50)]))),
  reviewersPerItem: z.number().int().min(1).max(9),
  publication: z.enum(publications),
  survey: z
    .array(
      SurveyQuestion.refine((q) => (q.kind === 'text' ? q.options.length === 0 : q.options.length >= 2), {
        message: 'a choice needs two options or more, a text question none',
        path: ['options'],
        params: { reason: 'options_for_kind' },
      }),
    )
    .max(30)
    .superRefine(uniqueBy((q) => q.code, 'question code')),
};

const periodInOrder = (c: { startsOn?: string | undefined; endsOn?: string | undefined }) =>
  !c.startsOn || !c.endsOn || c.startsOn <= c.endsOn;
const periodIssue = {
  message: 'endsOn is before startsOn',
  path: ['endsOn'],
  params: { reason: 'period_order' },
};

export const CampaignInput = z
  .object({
    code,
    ...fields,
    reviewersPerItem: fields.reviewersPerItem.default(3),
    publication: fields.publication.default('after_acceptance'),
    survey: fields.survey.default([]),
  })
  .strict()
  .refine(periodInOrder, periodIssue)
  .openapi('CampaignInput');
export const CampaignUpdate = z
  .object(fields)
  .partial()
  .strict()
  .refine(periodInOrder, periodIssue)
  .openapi('CampaignUpdate');
export const CampaignSummary = Campaign.extend({
  isCurrent: z.boolean(),
  suggestions: z.number().int(),
  actions: CampaignActions,
}).openapi('CampaignSummary');
export const CampaignList = z
  .object({ items: z.array(CampaignSummary), actions: CampaignListActions })
  .openapi('CampaignList');

const manage = (ctx: ServiceContext) => {
  if (!canIdea(ctx.principal, 'campaign.manage')) throw forbidden();
};

export async function listCampaigns(ctx: ServiceContext): Promise<z.infer<typeof CampaignList>> {
  manage(ctx);
  const rows = await ctx.db.select().from(ideaCampaigns).orderBy(desc(ideaCampaigns.startsOn));
  const counts = await ctx.db
    .select({ id: ideaSuggestions.campaignId, n: sql<number>`count(*)::int` })
    .from(ideaSuggestions)
    .groupBy(ideaSuggestions.campaignId);
  const byId = new Map(counts.map((c) => [c.id, c.n]));
  const items = rows.map((r) => ({
    ...campaignView(r),
    isCurrent: r.isCurrent,
    suggestions: byId.get(r.id) ?? 0,
    actions: campaignActions(ctx.principal, r.isCurrent),
  }));
  return { items, actions: campaignListActions(ctx.principal) };
}

export async function createCampaign(ctx: ServiceContext, input: z.infer<typeof CampaignInput>) {
  manage(ctx);
  const [taken] = await ctx.db
    .select({ id: ideaCampaigns.id })
    .from(ideaCampaigns)
    .where(eq(ideaCampaigns.code, input.code));
  if (taken)
    throw new AppError('CONFLICT', 'the code is taken', [{ path: 'code', message: 'taken', code: 'taken' }]);
  return transaction(ctx.db, async (tx) => {
    // The first campaign is current at once; later ones wait until the office switches.
    const [any] = await tx.select({ id: ideaCampaigns.id }).from(ideaCampaigns).limit(1);
    const [row] = await tx
      .insert(ideaCampaigns)
      .values({ ...input, isCurrent: !any })
      .returning();
    const after = campaignView(row!);
    await audit(tx, actor(ctx), {
      action: 'campaign.create',
      entityType: 'campaign',
      entityId: row!.id,
      after,
    });
    return after;
  });
}

/**
 * Codes still referred to: a domain that labels suggestions, a criterion that holds scores, a
 * survey question that holds answers.
 */
async function codesInUse(db: Db, campaignId: string) {
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
async function refuseRemovedOptions(
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
function refuseKindChange(
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

function refuseRemoved(
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

export async function updateCampaign(ctx: ServiceContext, id: string, input: z.infer<typeof CampaignUpdate>) {
  manage(ctx);
  const after = await transaction(ctx.db, async (tx) => {
    // Locked before the checks: a survey answer takes a share lock on this row, so it either
    // committed before and the checks see it, or waits and is checked against the survey saved here.
    const [before] = await tx.select().from(ideaCampaigns).where(eq(ideaCampaigns.id, id)).for('update');
    if (!before) throw notFound('campaign');
    if (
      !periodInOrder({ startsOn: input.startsOn ?? before.startsOn, endsOn: input.endsOn ?? before.endsOn })
    )
      throw new AppError('VALIDATION', periodIssue.message, [
        { path: 'endsOn', message: periodIssue.message, code: 'period_order' },
      ]);
    const inUse = await codesInUse(tx, id);
    refuseRemoved(before.domains, input.domains, inUse.domains, 'domains');
    refuseRemoved(before.rubric, input.rubric, inUse.criteria, 'rubric');
    refuseRemoved(before.survey, input.survey, inUse.questions, 'survey');
    refuseKindChange(before.survey, input.survey, inUse.questions);
    await refuseRemovedOptions(tx, id, before.survey, input.survey);
    const [row] = await tx.update(ideaCampaigns).set(input).where(eq(ideaCampaigns.id, id)).returning();
    const view = campaignView(row!);
    await audit(tx, actor(ctx), {
      action: 'campaign.update',
      entityType: 'campaign',
      entityId: id,
      before: campaignView(before),
      after: view,
    });
    return view;
  });
  settle(ctx, id);
  return after;
}

/** Makes one campaign the current one (the public site and every queue follow it). */
export async function makeCurrent(ctx: ServiceContext, id: string) {
  manage(ctx);
  const after = await transaction(ctx.db, async (tx) => {
    const [row] = await tx.select().from(ideaCampaigns).where(eq(ideaCampaigns.id, id)).for('update');
    if (!row) throw notFound('campaign');
    const previous = await tx
      .update(ideaCampaigns)
      .set({ isCurrent: false })
      .where(and(eq(ideaCampaigns.isCurrent, true), ne(ideaCampaigns.id, id)))
      .returning({ id: ideaCampaigns.id });
    const [updated] = await tx
      .update(ideaCampaigns)
      .set({ isCurrent: true })
      .where(eq(ideaCampaigns.id, id))
      .returning();
    const view = campaignView(updated!);
    await audit(tx, actor(ctx), {
      action: 'campaign.makeCurrent',
      entityType: 'campaign',
      entityId: id,
      before: { current: previous.map((p) => p.id) },
      after: view,
    });
    return view;
  });
  settle(ctx);
  return after;
}

/** Domains or the current campaign changed: drop what this process cached about them. */
function settle(ctx: ServiceContext, campaignId?: string) {
  forgetCampaignCache(ctx.db);
  ideasEngine.forget(campaignId);
}
