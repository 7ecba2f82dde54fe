import { and, eq } from 'drizzle-orm';
import { checkPhoneCode, consumePhoneCode, sendPhoneCode } from '../../../auth/phone-codes.js';
import { sha256 } from '../../../auth/tokens.js';
import type { ServiceContext } from '../../../context.js';
import { refuseOnUniqueViolation } from '../../../db/sql-state.js';
import type { Tx } from '../../../db/transaction.js';
import { AppError, forbidden, notFound } from '../../../errors.js';
import { defineCommand } from '../../../kernel/command.js';
import { maskNumbersInText } from '../../../privacy.js';
import type { PublicSurveyAnswer, SurveyAnswer } from '../contracts-surveys.js';
import { firmOfMember, heldMembership } from '../lookup.js';
import { mayEverRequest } from '../policy.js';
import {
  businessSurveyComments,
  businessSurveyResponses,
  businessSurveyScores,
  businessSurveys,
  type RespondentKind,
} from '../schema.js';
import {
  checkAnswer,
  checkAnswerable,
  type LoadedSurvey,
  notInState,
  readSurvey,
} from '../surveys/lookup.js';

/**
 * Answered already (CONFLICT), worded by who answered: the firm (whoever of its staff), or the
 * phone the code proved, the field the public's form shows it beside.
 */
const answered = (kind: RespondentKind) =>
  new AppError('CONFLICT', 'this survey has been answered already', [
    kind === 'firm'
      ? { path: 'firm', message: 'the firm has answered already', code: 'survey_answered_by_firm' }
      : { path: 'phone', message: 'this phone has answered already', code: 'survey_answered_by_phone' },
  ]);

/** The survey, open to `kind`: one not for them is NOT_FOUND to them, as one that does not exist. */
async function surveyFor(ctx: ServiceContext, id: string, kind: RespondentKind): Promise<LoadedSurvey> {
  const survey = await readSurvey(ctx.db, id);
  const audience = kind === 'firm' ? 'firms' : 'public';
  if (!survey || (survey.row.audience !== audience && survey.row.audience !== 'both'))
    throw notFound('survey');
  return survey;
}

/** The phone as stored: a hash salted per survey, so no list of phones is kept nor linkable across surveys. */
const phoneHashOf = (survey: LoadedSurvey, phone: string) => sha256(`${survey.row.phoneSalt}:${phone}`);

async function writeAnswer(
  tx: Tx,
  survey: LoadedSurvey,
  answer: SurveyAnswer,
  respondent: { kind: RespondentKind; firmId?: string; phoneHash?: string; answeredBy?: string },
): Promise<string> {
  // Still open, read under a shared lock: a closing sent meanwhile waits for this answer, or, come
  // first, refuses it, rather than let it change results published at the close. Answers share it.
  const [now] = await tx
    .select({ status: businessSurveys.status })
    .from(businessSurveys)
    .where(eq(businessSurveys.id, survey.row.id))
    .for('share');
  if (!now) throw notFound('survey');
  if (now.status !== 'open') throw notInState(now.status, 'survey_not_open');
  // Two answers racing past the check meet at the unique index: the second is refused the same.
  const [row] = await tx
    .insert(businessSurveyResponses)
    .values({ surveyId: survey.row.id, ...respondent })
    .returning({ id: businessSurveyResponses.id })
    .catch(refuseOnUniqueViolation(() => answered(respondent.kind)));
  const responseId = row!.id;
  const base = { responseId, surveyId: survey.row.id };
  await tx.insert(businessSurveyScores).values(
    answer.departments.flatMap((d) =>
      Object.entries(d.scores).map(([questionId, score]) => ({
        ...base,
        departmentId: d.departmentId,
        questionId,
        kind: respondent.kind,
        score,
      })),
    ),
  );
  const comments = answer.departments.filter((d) => d.comment !== '');
  if (comments.length > 0)
    await tx
      .insert(businessSurveyComments)
      .values(
        comments.map((d) => ({ ...base, departmentId: d.departmentId, body: maskNumbersInText(d.comment) })),
      );
  return responseId;
}

/** A firm's answer, given by one of its staff: one per firm and survey, whoever of them answers. */
export const answerSurveyAsFirm = defineCommand({
  name: 'survey.answerFirm',
  async load(ctx, input: { id: string; answer: SurveyAnswer }) {
    if (!mayEverRequest(ctx.principal, 'survey.answer')) throw forbidden();
    const firmId = await firmOfMember(ctx.db, ctx.principal!.userId);
    if (!firmId) throw notFound('firm');
    const survey = await surveyFor(ctx, input.id, 'firm');
    checkAnswer(survey, input.answer);
    const [done] = await ctx.db
      .select({ id: businessSurveyResponses.id })
      .from(businessSurveyResponses)
      .where(and(eq(businessSurveyResponses.surveyId, input.id), eq(businessSurveyResponses.firmId, firmId)));
    if (done) throw answered('firm');
    return { survey, firmId };
  },
  async write(tx, ctx, { survey, firmId }, { answer }) {
    // Answered for the firm while on its staff: checked again, the membership held, so one taken
    // off the staff since the checks answers nothing for it, and a removal waits for the answer.
    if (!(await heldMembership(tx, ctx.principal!.userId, firmId))) throw notFound('firm');
    const id = await writeAnswer(tx, survey, answer, {
      kind: 'firm',
      firmId,
      answeredBy: ctx.principal!.userId,
    });
    return {
      result: { id },
      audit: {
        entityType: 'businessSurvey',
        entityId: survey.row.id,
        after: { response: id, kind: 'firm', firmId, departments: answer.departments.length },
      },
    };
  },
});

/** Sends a code to a phone that means to answer a survey open to the public (the registration's limits). */
export async function requestSurveyCode(ctx: ServiceContext, id: string, phone: string) {
  const survey = await surveyFor(ctx, id, 'public');
  checkAnswerable(survey);
  return sendPhoneCode(ctx, phone, 'survey');
}

/**
 * A member of the public's answer: the phone proven by the code sent to it, kept only as a
 * salted hash, once per survey. The code is used up in the answer's transaction.
 */
export const answerSurveyAsPublic = defineCommand({
  name: 'businessPublic.surveyAnswer',
  async load(ctx, input: { id: string; answer: PublicSurveyAnswer }) {
    const survey = await surveyFor(ctx, input.id, 'public');
    checkAnswer(survey, input.answer);
    const codeHash = await checkPhoneCode(ctx, input.answer.phone, input.answer.code, 'survey');
    const phoneHash = phoneHashOf(survey, input.answer.phone);
    const [done] = await ctx.db
      .select({ id: businessSurveyResponses.id })
      .from(businessSurveyResponses)
      .where(
        and(eq(businessSurveyResponses.surveyId, input.id), eq(businessSurveyResponses.phoneHash, phoneHash)),
      );
    if (done) throw answered('public');
    return { survey, codeHash, phoneHash };
  },
  async write(tx, _ctx, { survey, codeHash, phoneHash }, { answer }) {
    await consumePhoneCode(tx, answer.phone, codeHash);
    const id = await writeAnswer(tx, survey, answer, { kind: 'public', phoneHash });
    return {
      result: { id },
      audit: {
        entityType: 'businessSurvey',
        entityId: survey.row.id,
        after: { response: id, kind: 'public', departments: answer.departments.length },
      },
    };
  },
});
