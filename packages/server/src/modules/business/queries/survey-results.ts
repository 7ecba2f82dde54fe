import { and, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import type { SurveyBrief, SurveyDepartmentResult, SurveyResults } from '../contracts-surveys.js';
import {
  businessSurveyDepartments,
  businessSurveyResponses,
  businessSurveyScores,
  businessSurveys,
} from '../schema.js';
import { type LoadedSurvey, readSurvey } from '../surveys/lookup.js';

/** Each survey's count of departments and of answers by firms and by the public. */
export async function briefs(
  db: Db,
  rows: Array<typeof businessSurveys.$inferSelect>,
): Promise<SurveyBrief[]> {
  const ids = rows.map((r) => r.id);
  if (ids.length === 0) return [];
  const answers = await db
    .select({
      surveyId: businessSurveyResponses.surveyId,
      kind: businessSurveyResponses.kind,
      n: sql<number>`count(*)::int`,
    })
    .from(businessSurveyResponses)
    .where(inArray(businessSurveyResponses.surveyId, ids))
    .groupBy(businessSurveyResponses.surveyId, businessSurveyResponses.kind);
  const departments = await db
    .select({ surveyId: businessSurveyDepartments.surveyId, n: sql<number>`count(*)::int` })
    .from(businessSurveyDepartments)
    .where(inArray(businessSurveyDepartments.surveyId, ids))
    .groupBy(businessSurveyDepartments.surveyId);
  const count = (id: string, kind: string) =>
    Number(answers.find((a) => a.surveyId === id && a.kind === kind)?.n ?? 0);
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    opensOn: r.opensOn,
    closesOn: r.closesOn,
    audience: r.audience,
    status: r.status,
    closedOn: r.closedOn,
    departments: Number(departments.find((d) => d.surveyId === r.id)?.n ?? 0),
    firms: count(r.id, 'firm'),
    public: count(r.id, 'public'),
  }));
}

interface Tally {
  answers: number;
  sum: number;
  satisfied: number;
}
const add = (t: Tally, answers: number, sum: number, satisfied: number) => {
  t.answers += answers;
  t.sum += sum;
  t.satisfied += satisfied;
};
const empty = (): Tally => ({ answers: 0, sum: 0, satisfied: 0 });

/**
 * A survey's results per department: the mean of each question, the mean of all its scores,
 * the share of its scores that are 4 or 5, and how many firms and members of the public
 * answered about it. Every score counts once; a department nobody answered about has nulls.
 */
export async function surveyResults(db: Db, survey: LoadedSurvey): Promise<SurveyResults> {
  const id = survey.row.id;
  const scores = await db
    .select({
      departmentId: businessSurveyScores.departmentId,
      questionId: businessSurveyScores.questionId,
      answers: sql<number>`count(*)::int`,
      sum: sql<number>`sum(${businessSurveyScores.score})::int`,
      satisfied: sql<number>`count(*) filter (where ${businessSurveyScores.score} >= 4)::int`,
    })
    .from(businessSurveyScores)
    .where(eq(businessSurveyScores.surveyId, id))
    .groupBy(businessSurveyScores.departmentId, businessSurveyScores.questionId);
  const samples = await db
    .select({
      departmentId: businessSurveyScores.departmentId,
      kind: businessSurveyScores.kind,
      n: sql<number>`count(distinct ${businessSurveyScores.responseId})::int`,
    })
    .from(businessSurveyScores)
    .where(eq(businessSurveyScores.surveyId, id))
    .groupBy(businessSurveyScores.departmentId, businessSurveyScores.kind);
  const departments: SurveyDepartmentResult[] = survey.departments.map((d) => {
    const total = empty();
    const questions = [...survey.row.questions, ...d.extraQuestions].map((q) => {
      const t = empty();
      for (const s of scores)
        if (s.departmentId === d.departmentId && s.questionId === q.id)
          add(t, Number(s.answers), Number(s.sum), Number(s.satisfied));
      add(total, t.answers, t.sum, t.satisfied);
      return {
        questionId: q.id,
        text: q.text,
        textEn: q.textEn,
        mean: t.answers ? t.sum / t.answers : null,
        answers: t.answers,
      };
    });
    const sample = (kind: string) =>
      Number(samples.find((s) => s.departmentId === d.departmentId && s.kind === kind)?.n ?? 0);
    return {
      departmentId: d.departmentId,
      departmentName: d.departmentName,
      questions,
      mean: total.answers ? total.sum / total.answers : null,
      satisfactionShare: total.answers ? total.satisfied / total.answers : null,
      firms: sample('firm'),
      public: sample('public'),
    };
  });
  const [brief] = await briefs(db, [survey.row]);
  return { survey: brief!, departments };
}

/** What the scorecard shows of a survey beside each department. */
export interface SurveyFigure {
  surveyId: string;
  title: string;
  closedOn: string;
  mean: number;
  satisfactionShare: number;
  firms: number;
  public: number;
}

/** Each department's figures in one closed survey, as the scorecard shows them. */
async function figuresOf(db: Db, id: string): Promise<Map<string, SurveyFigure>> {
  const survey = await readSurvey(db, id);
  if (!survey) return new Map();
  const results = await surveyResults(db, survey);
  return new Map(
    results.departments.flatMap((d) =>
      d.mean === null || d.satisfactionShare === null
        ? []
        : [
            [
              d.departmentId,
              {
                surveyId: survey.row.id,
                title: survey.row.title,
                closedOn: survey.row.closedOn!,
                mean: d.mean,
                satisfactionShare: d.satisfactionShare,
                firms: d.firms,
                public: d.public,
              },
            ],
          ],
    ),
  );
}

/**
 * For each date of `by`, each department's figures in the latest survey closed on or before it:
 * the one the scorecard of a month ending then shows and, if the office weighs it, folds in.
 * The closed surveys are listed once, and each one's results computed once.
 */
export async function latestClosedSurveys(
  db: Db,
  by: readonly string[],
): Promise<Array<Map<string, SurveyFigure>>> {
  const closed = await db
    .select({ id: businessSurveys.id, closedOn: businessSurveys.closedOn })
    .from(businessSurveys)
    .where(and(eq(businessSurveys.status, 'closed'), isNotNull(businessSurveys.closedOn)))
    .orderBy(desc(businessSurveys.closedOn), desc(businessSurveys.createdAt));
  const figures = new Map<string, Map<string, SurveyFigure>>();
  const none = new Map<string, SurveyFigure>();
  const out: Array<Map<string, SurveyFigure>> = [];
  for (const date of by) {
    const latest = closed.find((s) => s.closedOn! <= date);
    if (latest && !figures.has(latest.id)) figures.set(latest.id, await figuresOf(db, latest.id));
    out.push(latest ? figures.get(latest.id)! : none);
  }
  return out;
}
