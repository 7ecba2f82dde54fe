import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInChina } from '../../kernel/deadlines.js';
import { attachments } from '../../kernel/schema.js';
import type { TestClient, TestContext } from '../../test-support/app.js';
import { minutePassed } from '../../test-support/factories-ideas.js';
import { contextOf, racing, refusal } from '../../test-support/racing.js';
import { answerSurveyAsFirm } from './commands/answerSurvey.js';
import type { RequestDetail } from './contracts-requests.js';
import type { Survey, SurveyQuestion } from './contracts-surveys.js';
import { addRequestFile } from './queries/request-detail.js';
import { businessSurveyResponses } from './schema.js';
import { type Problem, raisedRequest, requestParties, routedAs } from './test-helpers.js';

let t: TestContext;
let firm: TestClient;
let office: TestClient;
let dept: TestClient;
let d01: string;

beforeAll(async () => {
  ({ t, firm, office, dept, d01 } = await requestParties());
});
afterAll(() => t.close());

const chinaDayIn = (days: number) => todayInChina(new Date(Date.now() + days * 86_400_000));
const pub = '/api/v1/public/business/surveys';

/** A survey for firms and the public, open today, asking about QJ-D01 alone. */
async function openSurvey(): Promise<Survey> {
  const questions = (await office.get<SurveyQuestion[]>('/api/v1/business/survey-questions')).body;
  const made = await office.post<Survey>('/api/v1/business/surveys', {
    title: '效能测评',
    opensOn: chinaDayIn(-1),
    closesOn: chinaDayIn(10),
    audience: 'both',
    questions,
    departments: [{ departmentId: d01 }],
  });
  expect(made.status, JSON.stringify(made.body)).toBe(201);
  expect((await office.post(`/api/v1/business/surveys/${made.body.id}/open`)).status).toBe(200);
  return made.body;
}

const answerOf = (survey: Survey) => ({
  departments: [
    { departmentId: d01, scores: Object.fromEntries(survey.questions.map((q) => [q.id, 4])), comment: '' },
  ],
});

async function codeFor(client: TestClient, survey: Survey, phone: string): Promise<string> {
  // A minute apart, as the code's throttle asks.
  await minutePassed(t, phone);
  const res = await client.post(`${pub}/${survey.id}/code`, { phone });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  const sms = t.sms.messages.filter((m) => m.phone === phone).at(-1);
  return sms!.message.match(/(\d{6})/)![1]!;
}

describe('a survey answered already is refused with the field at fault', () => {
  it('the firm, whoever of its staff answers again', async () => {
    const survey = await openSurvey();
    const path = `/api/v1/business/firm-surveys/${survey.id}/answer`;
    expect((await firm.post(path, answerOf(survey))).status).toBe(201);
    const again = await firm.post<Problem>(path, answerOf(survey));
    expect(again.status).toBe(409);
    expect(again.body.errors).toEqual([
      expect.objectContaining({ path: 'firm', code: 'survey_answered_by_firm' }),
    ]);
  });

  it('the firm, when another of its staff answered between the checks and the write', async () => {
    const survey = await openSurvey();
    const ctx = await contextOf(t, firm);
    const firmId = (await firm.get<RequestDetail>(`/api/v1/business/requests/${await raisedRequest(firm)}`))
      .body.firmId;
    const { db } = t.database;
    const raced = {
      ...ctx,
      db: racing(db, () =>
        db.insert(businessSurveyResponses).values({ surveyId: survey.id, kind: 'firm', firmId }),
      ),
    };
    const refused = await refusal(answerSurveyAsFirm.run(raced, { id: survey.id, answer: answerOf(survey) }));
    expect(refused).toMatchObject({
      code: 'CONFLICT',
      errors: [{ path: 'firm', code: 'survey_answered_by_firm' }],
    });
  });

  it('the firm, when the office closed the survey between the checks and the write', async () => {
    const survey = await openSurvey();
    const raced = {
      ...(await contextOf(t, firm)),
      db: racing(t.database.db, async () =>
        expect((await office.post(`/api/v1/business/surveys/${survey.id}/close`)).status).toBe(200),
      ),
    };
    const refused = await refusal(answerSurveyAsFirm.run(raced, { id: survey.id, answer: answerOf(survey) }));
    expect(refused).toMatchObject({ errors: [{ path: 'status', code: 'survey_not_open' }] });
    // The results published at the close stay as they were: no answer came in after it.
    const responses = await t.database.db
      .select()
      .from(businessSurveyResponses)
      .where(eq(businessSurveyResponses.surveyId, survey.id));
    expect(responses).toEqual([]);
  });

  it('the phone of a member of the public who answered', async () => {
    const survey = await openSurvey();
    const client = t.client();
    const phone = '13600000071';
    const first = await client.post(`${pub}/${survey.id}/answers`, {
      ...answerOf(survey),
      phone,
      code: await codeFor(client, survey, phone),
    });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const again = await client.post<Problem>(`${pub}/${survey.id}/answers`, {
      ...answerOf(survey),
      phone,
      code: await codeFor(client, survey, phone),
    });
    expect(again.status).toBe(409);
    expect(again.body.errors).toEqual([
      expect.objectContaining({ path: 'phone', code: 'survey_answered_by_phone' }),
    ]);
  });
});

describe('a file for a closed request', () => {
  it('is refused at the file field, as closed', async () => {
    const id = await raisedRequest(firm);
    expect((await routedAs(office, id, d01)).status).toBe(200);
    const answered = await dept.post<RequestDetail>(`/api/v1/business/requests/${id}/answer`, {
      body: '规划许可材料清单已发送。',
    });
    expect(answered.status, JSON.stringify(answered.body)).toBe(200);
    const rated = await firm.post<RequestDetail>(
      `/api/v1/business/answers/${answered.body.answers[0]!.id}/rating`,
      { score: 5 },
    );
    expect(rated.body.status).toBe('closed');
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    const res = await firm.upload(`/api/v1/business/requests/${id}/files`, png, '现场照片.png');
    expect(res.status).toBe(422);
    expect((res.body as unknown as Problem).errors).toEqual([
      expect.objectContaining({ path: 'file', code: 'request_closed' }),
    ]);
  });
});

describe('a file for a request the firm closes meanwhile', () => {
  it('is refused in the write, holding the request, and no file is kept', async () => {
    const id = await raisedRequest(firm);
    expect((await routedAs(office, id, d01)).status).toBe(200);
    const answered = await dept.post<RequestDetail>(`/api/v1/business/requests/${id}/answer`, {
      body: '规划许可材料清单已发送。',
    });
    expect(answered.status, JSON.stringify(answered.body)).toBe(200);
    // The rating that closes the request commits after the file's checks, before its write.
    const ctx = {
      ...(await contextOf(t, firm)),
      db: racing(t.database.db, async () => {
        const rated = await firm.post(`/api/v1/business/answers/${answered.body.answers[0]!.id}/rating`, {
          score: 5,
        });
        expect(rated.status, JSON.stringify(rated.body)).toBe(200);
      }),
    };
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    const refused = await refusal(
      addRequestFile(ctx, id, async () => ({ name: '现场照片.png', bytes: png })),
    );
    expect(refused).toMatchObject({
      code: 'INVALID_STATE',
      errors: [expect.objectContaining({ path: 'file', code: 'request_closed' })],
    });
    expect(await t.database.db.select().from(attachments).where(eq(attachments.ownerId, id))).toEqual([]);
  });
});
