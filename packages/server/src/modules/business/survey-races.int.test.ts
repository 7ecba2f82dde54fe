import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInChina } from '../../kernel/deadlines.js';
import type { TestClient, TestContext } from '../../test-support/app.js';
import { contextOf, racing, refusal } from '../../test-support/racing.js';
import { closeSurvey, openSurvey, setSurveyEnd, updateSurvey } from './commands/surveys.js';
import { type Survey, SurveyInput, type SurveyQuestion } from './contracts-surveys.js';
import { requestParties } from './test-helpers.js';

/**
 * Two office members acting on one survey at the same moment: the one whose step the other's
 * overtook is refused with the reason the page words (the field and code a step sent later gets),
 * not a bare "changed meanwhile". `racing` puts the other's whole request between the checks and
 * the write, on PGlite and PostgreSQL alike.
 */
let t: TestContext;
let office: TestClient;
let d01: string;

beforeAll(async () => {
  ({ t, office, d01 } = await requestParties());
});
afterAll(() => t.close());

const chinaDayIn = (days: number) => todayInChina(new Date(Date.now() + days * 86_400_000));
const base = '/api/v1/business/surveys';

async function draft(): Promise<{ survey: Survey; input: SurveyInput }> {
  const questions = (await office.get<SurveyQuestion[]>('/api/v1/business/survey-questions')).body;
  const input = SurveyInput.parse({
    title: '效能测评',
    opensOn: chinaDayIn(-1),
    closesOn: chinaDayIn(10),
    audience: 'firms',
    questions,
    departments: [{ departmentId: d01 }],
  });
  const made = await office.post<Survey>(base, input);
  expect(made.status, JSON.stringify(made.body)).toBe(201);
  return { survey: made.body, input };
}

/** The office's context, another member's `path` posted between its checks and its write. */
const meanwhile = async (path: string, body?: unknown) => ({
  ...(await contextOf(t, office)),
  db: racing(t.database.db, async () => expect((await office.post(path, body)).status).toBe(200)),
});

describe('a survey stepped on by two office members at once', () => {
  it('refuses a second closing as not open', async () => {
    const { survey } = await draft();
    expect((await office.post(`${base}/${survey.id}/open`)).status).toBe(200);
    const ctx = await meanwhile(`${base}/${survey.id}/close`);
    const refused = await refusal(closeSurvey.run(ctx, { id: survey.id }));
    expect(refused).toMatchObject({ errors: [{ path: 'status', code: 'survey_not_open' }] });
  });

  it('refuses a second opening as no longer a draft', async () => {
    const { survey } = await draft();
    const ctx = await meanwhile(`${base}/${survey.id}/open`);
    const refused = await refusal(openSurvey.run(ctx, { id: survey.id }));
    expect(refused).toMatchObject({ errors: [{ path: 'status', code: 'survey_not_draft' }] });
  });

  it('refuses an edit of a draft opened meanwhile', async () => {
    const { survey, input } = await draft();
    const ctx = await meanwhile(`${base}/${survey.id}/open`);
    const refused = await refusal(
      updateSurvey.run(ctx, { id: survey.id, survey: { ...input, title: '改' } }),
    );
    expect(refused).toMatchObject({ errors: [{ path: 'status', code: 'survey_not_draft' }] });
    expect((await office.get<Survey>(`${base}/${survey.id}`)).body.title).toBe('效能测评');
  });

  it('refuses a new last day for a survey closed meanwhile', async () => {
    const { survey } = await draft();
    expect((await office.post(`${base}/${survey.id}/open`)).status).toBe(200);
    const ctx = await meanwhile(`${base}/${survey.id}/close`);
    const refused = await refusal(setSurveyEnd.run(ctx, { id: survey.id, closesOn: chinaDayIn(20) }));
    expect(refused).toMatchObject({ errors: [{ path: 'status', code: 'survey_not_open' }] });
  });
});
