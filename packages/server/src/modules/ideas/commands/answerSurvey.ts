import { eq } from 'drizzle-orm';
import { addressKey } from '../../../auth/address-key.js';
import { hit } from '../../../auth/throttle.js';
import type { ServiceContext } from '../../../context.js';
import { AppError, type FieldError } from '../../../errors.js';
import { defineCommand } from '../../../kernel/command.js';
import { settings } from '../../../settings.js';
import { anonymousFingerprint } from '../browser-id.js';
import type { Campaign } from '../contracts.js';
import type { SurveyAnswerInput } from '../contracts-engage.js';
import { currentCampaign, intakeOpen, surveyClosed } from '../queries/campaigns.js';
import { requireTown } from '../queries/lookup.js';
import { ideaCampaigns, ideaParticipations, ideaSurveyResponses } from '../schema.js';

/** Why one given answer does not fit its question, worded for the field error; none when it fits. */
function answerProblem(q: Campaign['survey'][number], given: string | string[]) {
  if (q.kind === 'text')
    return typeof given === 'string'
      ? null
      : { message: 'a written answer is expected', code: 'expects_text' };
  const picked = [given].flat();
  if (q.kind === 'single' && picked.length !== 1) return { message: 'pick one option', code: 'one_option' };
  if (new Set(picked).size !== picked.length) return { message: 'an option picked twice', code: 'duplicate' };
  if (!picked.every((o) => q.options.includes(o)))
    return { message: 'not one of the options', code: 'not_an_option' };
  return null;
}

/** Answers checked against the campaign's questions: known codes, known options, required ones given. */
function checkAnswers(campaign: Campaign, answers: SurveyAnswerInput['answers']) {
  const errors: FieldError[] = [];
  const questions = new Map(campaign.survey.map((q) => [q.code, q]));
  for (const code of Object.keys(answers))
    if (!questions.has(code))
      errors.push({ path: `answers.${code}`, message: 'no such question', code: 'unknown_question' });
  const clean: Record<string, string | string[]> = {};
  for (const q of campaign.survey) {
    const given = answers[q.code];
    const empty = given === undefined || given === '' || (Array.isArray(given) && given.length === 0);
    if (empty) {
      if (q.required) errors.push({ path: `answers.${q.code}`, message: 'required', code: 'required' });
      continue;
    }
    const problem = answerProblem(q, given);
    if (problem) errors.push({ path: `answers.${q.code}`, ...problem });
    // A single choice sent as a list of one is stored as the option itself, like every other.
    else clean[q.code] = q.kind === 'multiple' ? [given].flat() : [given].flat()[0]!;
  }
  if (errors.length) throw new AppError('VALIDATION', 'the answers do not fit the survey', errors);
  return clean;
}

type Input = { input: SurveyAnswerInput; browserId: string };

const noSurvey = () =>
  new AppError('INVALID_STATE', 'this campaign has no survey', [
    { path: 'answers', message: 'no survey', code: 'no_survey' },
  ]);

const command = defineCommand({
  name: 'survey.answer',
  async load(ctx, { input, browserId }: Input) {
    const campaign = await currentCampaign(ctx.db);
    if (campaign.survey.length === 0) throw noSurvey();
    // The survey is part of the period's intake: it closes with the suggestions, before the
    // rate limit counts, and opens again when the office extends the period.
    if (!intakeOpen(campaign)) throw surveyClosed(campaign);
    await requireTown(ctx.db, input.townId);
    // A first check against the cached campaign refuses bad answers before the rate limit counts.
    checkAnswers(campaign, input.answers);
    const userId = ctx.principal?.userId ?? null;
    if (!userId)
      await hit(ctx.db, `ideas.survey:${addressKey(ctx.ip)}`, settings().QIANXING_IDEAS_SURVEY_LIMIT, 60, {
        lazyCommit: true,
      });
    return {
      campaign,
      userId,
      fingerprint: userId ? null : anonymousFingerprint(browserId, addressKey(ctx.ip)),
    };
  },
  async write(tx, _ctx, { campaign, userId, fingerprint }, { input }) {
    // Checked again against the survey and period as stored, under a share lock: the campaign may
    // have been read from the cache, and an edit that removes an option waits for this answer or
    // goes first.
    const [stored] = await tx
      .select({ survey: ideaCampaigns.survey, endsOn: ideaCampaigns.endsOn })
      .from(ideaCampaigns)
      .where(eq(ideaCampaigns.id, campaign.id))
      .for('share');
    if (!stored || stored.survey.length === 0) throw noSurvey();
    if (!intakeOpen(stored)) throw surveyClosed(stored);
    const answers = checkAnswers({ ...campaign, survey: stored.survey }, input.answers);
    const inserted = await tx
      .insert(ideaSurveyResponses)
      .values({
        campaignId: campaign.id,
        townId: input.townId,
        authorKind: input.authorKind,
        userId,
        fingerprint,
        answers,
      })
      .onConflictDoNothing()
      .returning({ id: ideaSurveyResponses.id });
    // A second answer from the same person is not counted, and not an event.
    if (inserted.length === 0) return { result: { counted: false }, audit: [] };
    await tx.insert(ideaParticipations).values({
      campaignId: campaign.id,
      kind: 'survey',
      channel: 'online',
      townId: input.townId,
      authorKind: input.authorKind,
    });
    return {
      result: { counted: true },
      audit: {
        entityType: 'survey_response',
        entityId: inserted[0]!.id,
        after: { campaignId: campaign.id, questions: Object.keys(answers).length },
      },
    };
  },
});

/**
 * One set of answers to the current campaign's survey: one per person (per account when signed
 * in, else per browser and address, as with supports), one participation, audited.
 */
export const answerSurvey = (ctx: ServiceContext, input: SurveyAnswerInput, browserId: string) =>
  command.run(ctx, { input, browserId });
