import { eq } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import type { Db } from '../../../db/client.js';
import { AppError, forbidden, notFound } from '../../../errors.js';
import { todayInChina } from '../../../kernel/deadlines.js';
import { unitsByIds } from '../../units/api.js';
import type { Survey, SurveyAnswer, SurveyQuestion } from '../contracts-surveys.js';
import { canRequest, type RequestAction } from '../policy.js';
import { businessSurveyDepartments, businessSurveys, type SurveyStatus } from '../schema.js';

export type SurveyRow = typeof businessSurveys.$inferSelect;
export interface LoadedSurvey {
  row: SurveyRow;
  departments: Array<{ departmentId: string; departmentName: string; extraQuestions: SurveyQuestion[] }>;
}

/** The default questions of a new survey (the office edits them before it opens). */
export const defaultSurveyQuestions: SurveyQuestion[] = [
  { id: 'efficiency', text: '办事效率', textEn: 'Efficiency' },
  { id: 'attitude', text: '服务态度', textEn: 'Attitude' },
  { id: 'policy', text: '政策落实', textEn: 'Policy delivery' },
  { id: 'integrity', text: '廉洁自律', textEn: 'Integrity' },
];

/** A survey with its departments by name, whoever reads it (callers check who may). */
export async function readSurvey(db: Db, id: string): Promise<LoadedSurvey | undefined> {
  const [row] = await db.select().from(businessSurveys).where(eq(businessSurveys.id, id));
  if (!row) return undefined;
  const rows = await db
    .select()
    .from(businessSurveyDepartments)
    .where(eq(businessSurveyDepartments.surveyId, id));
  const names = await unitsByIds(
    db,
    rows.map((r) => r.departmentId),
  );
  const departments = rows
    .map((r) => ({
      departmentId: r.departmentId,
      departmentName: names.get(r.departmentId)?.name ?? '',
      extraQuestions: r.extraQuestions,
    }))
    .sort((a, b) => a.departmentName.localeCompare(b.departmentName, 'zh-CN'));
  return { row, departments };
}

/** A survey the actor may take `action` on (the office's actions): refused before it is looked up. */
export async function loadSurvey(
  ctx: ServiceContext,
  id: string,
  action: RequestAction,
): Promise<LoadedSurvey> {
  if (!canRequest(ctx.principal, action, { townPath: '/' })) throw forbidden();
  const survey = await readSurvey(ctx.db, id);
  if (!survey) throw notFound('survey');
  return survey;
}

export const surveyView = ({ row, departments }: LoadedSurvey): Survey => ({
  id: row.id,
  title: row.title,
  opensOn: row.opensOn,
  closesOn: row.closesOn,
  audience: row.audience,
  status: row.status,
  closedOn: row.closedOn,
  questions: row.questions,
  departments,
});

/** A field error of the survey's state: a 400 the web app words, as any bad input. */
export const notInState = (status: SurveyStatus, reason: string, path = 'status') =>
  new AppError('VALIDATION', `the survey is ${status}`, [
    { path, message: `the survey is ${status}`, code: reason },
  ]);

/** Whether `today` (a China day) falls in the survey's own dates. */
export const inSurveyPeriod = (row: Pick<SurveyRow, 'opensOn' | 'closesOn'>, today = todayInChina()) =>
  row.opensOn <= today && today <= row.closesOn;

/**
 * A survey takes answers while open and within its dates: one opened early waits for its first
 * day, and one left open past its last day takes none (the office extends it to take more).
 */
export function checkAnswerable(survey: LoadedSurvey, today = todayInChina()): void {
  if (survey.row.status !== 'open') throw notInState(survey.row.status, 'survey_not_open');
  if (!inSurveyPeriod(survey.row, today))
    throw new AppError('VALIDATION', 'outside the survey’s dates', [
      {
        path: 'status',
        message: 'outside the survey’s dates',
        code: 'survey_outside_period',
        params: { opensOn: survey.row.opensOn, closesOn: survey.row.closesOn },
      },
    ]);
}

/** The departments of a survey's input: each must be a department of the unit tree. */
export async function checkDepartments(db: Db, ids: readonly string[]): Promise<void> {
  const found = await unitsByIds(db, ids);
  ids.forEach((id, i) => {
    if (found.get(id)?.kind !== 'department')
      throw new AppError('VALIDATION', 'not a department', [
        { path: `departments.${i}.departmentId`, message: 'not a department', code: 'not_a_department' },
      ]);
  });
}

/**
 * An answer checked against the survey: open, the departments among those it asks about, each
 * scored on every one of its questions and no other. Nothing is written before this passes.
 */
export function checkAnswer(survey: LoadedSurvey, answer: SurveyAnswer): void {
  checkAnswerable(survey);
  const asked = new Map(survey.departments.map((d) => [d.departmentId, d]));
  const seen = new Set<string>();
  answer.departments.forEach((d, i) => {
    const department = asked.get(d.departmentId);
    const at = `departments.${i}`;
    if (!department || seen.has(d.departmentId))
      throw new AppError('VALIDATION', 'not a department of this survey', [
        { path: `${at}.departmentId`, message: 'not asked about', code: 'unknown_survey_department' },
      ]);
    seen.add(d.departmentId);
    const ids = [...survey.row.questions, ...department.extraQuestions].map((q) => q.id);
    const given = Object.keys(d.scores);
    if (given.length !== ids.length || !ids.every((id) => id in d.scores))
      throw new AppError('VALIDATION', 'every question of the department, and no other', [
        {
          path: `${at}.scores`,
          message: 'every question, and no other',
          code: 'survey_questions_unanswered',
        },
      ]);
  });
}
