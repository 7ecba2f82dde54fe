import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInChina } from '../../kernel/deadlines.js';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import type { Survey, SurveyQuestion } from './contracts-surveys.js';
import type { Problem } from './test-helpers.js';

let t: TestContext;
let office: TestClient;
let firm1: TestClient;
let deptA: string;
const base = '/api/v1/business/surveys';
const chinaDayIn = (days: number) => todayInChina(new Date(Date.now() + days * 86_400_000));

beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users', 'business'] });
  office = await t.as('office');
  firm1 = await t.as('firm1');
  const card = (
    await t
      .client()
      .get<{ departments: Array<{ departmentId: string }> }>('/api/v1/public/business/scorecard')
  ).body;
  deptA = card.departments[0]!.departmentId;
});
afterAll(() => t.close());

/** A survey for firms over the given China days, opened by the office. */
async function openSurvey(opensOn: string, closesOn: string): Promise<Survey> {
  const questions = (await office.get<SurveyQuestion[]>('/api/v1/business/survey-questions')).body;
  const made = await office.post<Survey>(base, {
    title: `测评 ${opensOn}`,
    opensOn,
    closesOn,
    audience: 'firms',
    questions,
    departments: [{ departmentId: deptA }],
  });
  expect(made.status, JSON.stringify(made.body)).toBe(201);
  expect((await office.post(`${base}/${made.body.id}/open`)).status).toBe(200);
  return made.body;
}

const answer = (survey: Survey) =>
  firm1.post<Problem>(`/api/v1/business/firm-surveys/${survey.id}/answer`, {
    departments: [
      {
        departmentId: deptA,
        scores: Object.fromEntries(survey.questions.map((q) => [q.id, 4])),
      },
    ],
  });

const offered = async () =>
  (await firm1.get<Array<{ id: string }>>('/api/v1/business/firm-surveys')).body.map((s) => s.id);

describe('a survey’s dates', () => {
  it('take no answer after its last day, until the office moves that day', async () => {
    const survey = await openSurvey(chinaDayIn(-40), chinaDayIn(-10));
    expect(await offered()).not.toContain(survey.id);
    const late = await answer(survey);
    expect(late.status).toBe(400);
    expect(late.body.errors?.[0]).toMatchObject({
      code: 'survey_outside_period',
      params: { opensOn: chinaDayIn(-40), closesOn: chinaDayIn(-10) },
    });

    // Not before today, nor on a draft's behalf.
    const early = await office.post<Problem>(`${base}/${survey.id}/end`, { closesOn: chinaDayIn(-1) });
    expect(early.status).toBe(400);
    expect(early.body.errors?.[0]).toMatchObject({ code: 'survey_end_too_early', path: 'closesOn' });
    expect((await firm1.post(`${base}/${survey.id}/end`, { closesOn: chinaDayIn(7) })).status).toBe(403);

    const moved = await office.post<Survey>(`${base}/${survey.id}/end`, { closesOn: chinaDayIn(7) });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body.closesOn).toBe(chinaDayIn(7));
    expect(await offered()).toContain(survey.id);
    expect((await answer(survey)).status).toBe(201);
  });

  it('take no answer before its first day, though the office opened it early', async () => {
    const survey = await openSurvey(chinaDayIn(3), chinaDayIn(30));
    expect(await offered()).not.toContain(survey.id);
    const res = await answer(survey);
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.code).toBe('survey_outside_period');
  });

  it('move only an open survey’s last day', async () => {
    const questions = (await office.get<SurveyQuestion[]>('/api/v1/business/survey-questions')).body;
    const draft = await office.post<Survey>(base, {
      title: '草稿测评',
      opensOn: chinaDayIn(0),
      closesOn: chinaDayIn(20),
      audience: 'firms',
      questions,
      departments: [{ departmentId: deptA }],
    });
    const res = await office.post<Problem>(`${base}/${draft.body.id}/end`, { closesOn: chinaDayIn(30) });
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.code).toBe('survey_not_open');
  });
});
