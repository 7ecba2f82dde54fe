import { randomBytes } from 'node:crypto';
import { type Random, seededRandom } from '@qianxing/core/random';
import { audit, systemActor } from '../../../audit/audit.js';
import { sha256 } from '../../../auth/tokens.js';
import type { ServiceContext } from '../../../context.js';
import { transaction } from '../../../db/transaction.js';
import { todayInChina } from '../../../kernel/deadlines.js';
import { unitByCode } from '../../units/api.js';
import * as tables from '../schema.js';
import { defaultSurveyQuestions } from '../surveys/lookup.js';
import { demoDepartmentCodes } from './demo-request-texts.js';

/** The quarter a date is in: its first and last days and its number. */
function quarterOf(date: string, back = 0) {
  const year = Number(date.slice(0, 4));
  const index = Math.floor((Number(date.slice(5, 7)) - 1) / 3) - back;
  const y = year + Math.floor(index / 4);
  const q = ((index % 4) + 4) % 4;
  const first = `${y}-${String(q * 3 + 1).padStart(2, '0')}-01`;
  const last = new Date(Date.UTC(y, q * 3 + 3, 0)).toISOString().slice(0, 10);
  return { first, last, title: `${y}年第${q + 1}季度千企万众评效能` };
}

const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** A score around a department's level (2.5–4.8), most people a little kinder than the mean. */
const scoreNear = (random: Random, level: number) =>
  Math.min(5, Math.max(1, Math.round(level + (random() + random() + random() - 1.5) * 1.4)));

/** Fisher–Yates: the same order from the same generator on every engine. */
function shuffled<T>(random: Random, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

type Response = typeof tables.businessSurveyResponses.$inferInsert;
type Score = typeof tables.businessSurveyScores.$inferInsert;

/** Answers to a survey: each respondent scores two to four of its departments on every question. */
function answers(
  random: Random,
  surveyId: string,
  departments: string[],
  levels: Map<string, number>,
  respondents: Array<Pick<Response, 'kind' | 'firmId' | 'phoneHash'>>,
) {
  const responses: Response[] = [];
  const scores: Score[] = [];
  for (const r of respondents) {
    const id = crypto.randomUUID();
    responses.push({ id, surveyId, isDemo: true, ...r });
    const chosen = shuffled(random, departments).slice(0, 2 + Math.floor(random() * 3));
    for (const departmentId of chosen)
      for (const q of defaultSurveyQuestions)
        scores.push({
          responseId: id,
          surveyId,
          departmentId,
          questionId: q.id,
          kind: r.kind,
          score: scoreNear(random, levels.get(departmentId)!),
        });
  }
  return { responses, scores };
}

/**
 * The demo's surveys: last quarter's, closed a week after it ended with about a hundred firms'
 * and three hundred members of the public's answers, and this quarter's, open, with a few public
 * answers so far (the demo firms' staff have yet to answer it). Marked is_demo.
 */
export async function seedSurveysDemo(ctx: ServiceContext, firmIds: readonly string[]): Promise<void> {
  const departments: string[] = [];
  for (const code of demoDepartmentCodes) {
    const unit = await unitByCode(ctx.db, code);
    if (unit) departments.push(unit.id);
  }
  if (departments.length === 0 || firmIds.length === 0) return;
  const random = seededRandom(20261008);
  const levels = new Map(departments.map((d) => [d, 2.8 + random() * 1.9]));
  const today = todayInChina();
  const last = quarterOf(today, 1);
  const now = quarterOf(today);
  const closedOn = [addDays(last.last, 8), today].sort()[0]!;
  const survey = (q: typeof last, status: 'open' | 'closed') => ({
    id: crypto.randomUUID(),
    title: q.title,
    opensOn: q.first,
    closesOn: q.last,
    audience: 'both' as const,
    status,
    questions: defaultSurveyQuestions,
    phoneSalt: randomBytes(24).toString('base64url'),
    closedOn: status === 'closed' ? closedOn : null,
    isDemo: true,
  });
  const closed = survey(last, 'closed');
  const open = survey(now, 'open');
  const phones = (n: number, from: number) =>
    Array.from({ length: n }, (_, i) => `139${String(from + i * 7919).padStart(8, '0')}`);
  const publicOf = (s: typeof closed, list: string[]) =>
    list.map((p) => ({ kind: 'public' as const, phoneHash: sha256(`${s.phoneSalt}:${p}`) }));
  const firms = shuffled(random, firmIds).slice(0, 104);
  const past = answers(random, closed.id, departments, levels, [
    ...firms.map((firmId) => ({ kind: 'firm' as const, firmId })),
    ...publicOf(closed, phones(312, 10_000)),
  ]);
  const current = answers(random, open.id, departments, levels, publicOf(open, phones(36, 20_000)));
  await transaction(ctx.db, async (tx) => {
    await tx.insert(tables.businessSurveys).values([closed, open]);
    await tx
      .insert(tables.businessSurveyDepartments)
      .values(
        [closed, open].flatMap((s) => departments.map((departmentId) => ({ surveyId: s.id, departmentId }))),
      );
    for (const rows of [
      [tables.businessSurveyResponses, [...past.responses, ...current.responses]],
      [tables.businessSurveyScores, [...past.scores, ...current.scores]],
    ] as const)
      for (let at = 0; at < rows[1].length; at += 1000)
        await tx.insert(rows[0]).values(rows[1].slice(at, at + 1000) as never);
    await audit(tx, systemActor('seed'), {
      action: 'survey.seedDemo',
      entityType: 'businessSurvey',
      entityId: 'demo',
      after: { surveys: 2, responses: past.responses.length + current.responses.length },
    });
  });
}
