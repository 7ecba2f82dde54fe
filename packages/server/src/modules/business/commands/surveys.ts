import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import type { Tx } from '../../../db/transaction.js';
import { AppError, forbidden, notFound } from '../../../errors.js';
import { defineCommand } from '../../../kernel/command.js';
import { todayInChina } from '../../../kernel/deadlines.js';
import type { SurveyEndInput, SurveyInput } from '../contracts-surveys.js';
import { canRequest } from '../policy.js';
import { businessSurveyDepartments, businessSurveys, type SurveyStatus } from '../schema.js';
import {
  checkDepartments,
  type LoadedSurvey,
  loadSurvey,
  notInState,
  surveyView,
} from '../surveys/lookup.js';

/**
 * Refuses a conditional write that matched no row, as the same step sent later is refused: another
 * office member opened, closed or edited the survey since it was read, and the page words why.
 */
async function refuseUnlessMoved(tx: Tx, id: string, moved: readonly unknown[], reason: string) {
  if (moved.length > 0) return;
  const [now] = await tx
    .select({ status: businessSurveys.status })
    .from(businessSurveys)
    .where(eq(businessSurveys.id, id));
  if (!now) throw notFound('survey');
  throw notInState(now.status, reason);
}

async function writeDepartments(tx: Tx, surveyId: string, input: SurveyInput) {
  await tx.delete(businessSurveyDepartments).where(eq(businessSurveyDepartments.surveyId, surveyId));
  await tx.insert(businessSurveyDepartments).values(
    input.departments.map((d) => ({
      surveyId,
      departmentId: d.departmentId,
      extraQuestions: d.extraQuestions,
    })),
  );
}

const fields = (input: SurveyInput) => ({
  title: input.title,
  opensOn: input.opensOn,
  closesOn: input.closesOn,
  audience: input.audience,
  questions: input.questions,
});

/** 千企万众评效能: the district office drafts a survey of departments for a period. */
export const createSurvey = defineCommand({
  name: 'survey.create',
  async load(ctx, input: SurveyInput) {
    if (!canRequest(ctx.principal, 'survey.manage', { townPath: '/' })) throw forbidden();
    await checkDepartments(
      ctx.db,
      input.departments.map((d) => d.departmentId),
    );
  },
  async write(tx, ctx, _loaded, input) {
    const [row] = await tx
      .insert(businessSurveys)
      .values({
        ...fields(input),
        phoneSalt: randomBytes(24).toString('base64url'),
        createdBy: ctx.principal!.userId,
      })
      .returning({ id: businessSurveys.id });
    await writeDepartments(tx, row!.id, input);
    return {
      result: { id: row!.id },
      audit: { entityType: 'businessSurvey', entityId: row!.id, after: input },
    };
  },
});

/** A draft's title, dates, audience, questions and departments; once open, none of them changes. */
export const updateSurvey = defineCommand({
  name: 'survey.update',
  async load(ctx, input: { id: string; survey: SurveyInput }) {
    const loaded = await loadSurvey(ctx, input.id, 'survey.manage');
    if (loaded.row.status !== 'draft') throw notInState(loaded.row.status, 'survey_not_draft');
    await checkDepartments(
      ctx.db,
      input.survey.departments.map((d) => d.departmentId),
    );
    return loaded;
  },
  async write(tx, _ctx, loaded, { id, survey }) {
    const moved = await tx
      .update(businessSurveys)
      .set({ ...fields(survey), updatedAt: new Date() })
      .where(and(eq(businessSurveys.id, id), eq(businessSurveys.status, 'draft')))
      .returning({ id: businessSurveys.id });
    await refuseUnlessMoved(tx, id, moved, 'survey_not_draft');
    await writeDepartments(tx, id, survey);
    return {
      result: { id },
      audit: { entityType: 'businessSurvey', entityId: id, before: surveyView(loaded), after: survey },
    };
  },
});

/** draft → open → closed, each step conditional on the state read, so of two racing steps one wins. */
function step(from: SurveyStatus, to: SurveyStatus, reason: string) {
  return {
    async load(ctx: ServiceContext, input: { id: string }) {
      const loaded = await loadSurvey(ctx, input.id, 'survey.manage');
      if (loaded.row.status !== from) throw notInState(loaded.row.status, reason);
      return loaded;
    },
    async write(tx: Tx, _ctx: ServiceContext, loaded: LoadedSurvey) {
      const closedOn = to === 'closed' ? todayInChina() : null;
      const moved = await tx
        .update(businessSurveys)
        .set({ status: to, closedOn, updatedAt: new Date() })
        .where(and(eq(businessSurveys.id, loaded.row.id), eq(businessSurveys.status, from)))
        .returning({ id: businessSurveys.id });
      await refuseUnlessMoved(tx, loaded.row.id, moved, reason);
      return {
        result: { id: loaded.row.id },
        audit: {
          entityType: 'businessSurvey',
          entityId: loaded.row.id,
          before: { status: from },
          after: { status: to, closedOn },
        },
      };
    },
  };
}

/** Opens a draft to answers: its questions and departments are fixed from now on. */
export const openSurvey = defineCommand({
  name: 'survey.open',
  ...step('draft', 'open', 'survey_not_draft'),
});
/** Closes it to answers; its results are published, and count on the scorecard from today. */
export const closeSurvey = defineCommand({
  name: 'survey.close',
  ...step('open', 'closed', 'survey_not_open'),
});

/**
 * Moves an open survey's last day, to take answers for longer (or fewer days, never before today
 * nor before its first day); its questions and departments stay fixed.
 */
export const setSurveyEnd = defineCommand({
  name: 'survey.setEnd',
  async load(ctx, input: { id: string } & SurveyEndInput) {
    const loaded = await loadSurvey(ctx, input.id, 'survey.manage');
    if (loaded.row.status !== 'open') throw notInState(loaded.row.status, 'survey_not_open');
    const earliest = [todayInChina(), loaded.row.opensOn].sort().at(-1)!;
    if (input.closesOn < earliest)
      throw new AppError('VALIDATION', `the survey's last day cannot be before ${earliest}`, [
        {
          path: 'closesOn',
          message: `not before ${earliest}`,
          code: 'survey_end_too_early',
          params: { earliest },
        },
      ]);
    return loaded;
  },
  async write(tx, _ctx, loaded, { id, closesOn }) {
    const moved = await tx
      .update(businessSurveys)
      .set({ closesOn, updatedAt: new Date() })
      .where(and(eq(businessSurveys.id, id), eq(businessSurveys.status, 'open')))
      .returning({ id: businessSurveys.id });
    await refuseUnlessMoved(tx, id, moved, 'survey_not_open');
    return {
      result: { id },
      audit: {
        entityType: 'businessSurvey',
        entityId: id,
        before: { closesOn: loaded.row.closesOn },
        after: { closesOn },
      },
    };
  },
});
