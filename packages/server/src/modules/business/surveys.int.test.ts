import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInChina } from '../../kernel/deadlines.js';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { minutePassed } from '../../test-support/factories-ideas.js';
import { unitByCode } from '../units/api.js';
import type { PublicScorecard } from './contracts-scorecard.js';
import type { Survey, SurveyQuestion, SurveyResults } from './contracts-surveys.js';
import type { Problem } from './test-helpers.js';

let t: TestContext;
let office: TestClient;
let firm1: TestClient;
let firm2: TestClient;
let deptA: string;
let deptB: string;
let survey: Survey;
const base = '/api/v1/business/surveys';
const chinaDayIn = (days: number) => todayInChina(new Date(Date.now() + days * 86_400_000));
const pub = '/api/v1/public/business/surveys';

beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users', 'business'] });
  office = await t.as('office');
  firm1 = await t.as('firm1');
  firm2 = await t.as('firm2');
  // Two departments the published scorecard of the latest month ranks, so a survey can fold in.
  const card = (await t.client().get<PublicScorecard>('/api/v1/public/business/scorecard')).body;
  [deptA, deptB] = card.departments.map((d) => d.departmentId) as [string, string];
});
afterAll(() => t.close());

const count = async (table: string) => {
  const res = (await t.database.db.execute(
    sql.raw(`select count(*)::int as n from ${table}`),
  )) as unknown as {
    rows: Array<{ n: number }>;
  };
  return Number(res.rows[0]!.n);
};
const written = async () => [
  await count('business_survey_responses'),
  await count('business_survey_scores'),
  await count('business_survey_comments'),
];

const scoresOf = (e: number, a: number, p: number, i: number, parking?: number) => ({
  efficiency: e,
  attitude: a,
  policy: p,
  integrity: i,
  ...(parking === undefined ? {} : { parking }),
});

async function codeFor(client: TestClient, phone: string): Promise<string> {
  const res = await client.post(`${pub}/${survey.id}/code`, { phone });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  const sms = t.sms.messages.filter((m) => m.phone === phone).at(-1);
  return sms!.message.match(/(\d{6})/)![1]!;
}

describe('effectiveness surveys (千企万众评效能)', () => {
  it('the office drafts a survey with the default questions and an extra one for a department', async () => {
    const defaults = await office.get<SurveyQuestion[]>('/api/v1/business/survey-questions');
    expect(defaults.body.map((q) => q.text)).toEqual(['办事效率', '服务态度', '政策落实', '廉洁自律']);
    const input = {
      title: '2026年第四季度千企万众评效能',
      // Around today: a survey takes answers only within its dates.
      opensOn: chinaDayIn(-30),
      closesOn: chinaDayIn(30),
      audience: 'both',
      questions: defaults.body,
      departments: [
        { departmentId: deptA, extraQuestions: [{ id: 'parking', text: '停车便利', textEn: 'Parking' }] },
        { departmentId: deptB },
      ],
    };
    const made = await office.post<Survey>(base, { ...input, title: '草稿' });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const edited = await office.put<Survey>(`${base}/${made.body.id}`, input);
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ title: input.title, status: 'draft' });
    survey = edited.body;
    // A draft is nobody's to answer nor to read of in public.
    expect((await t.client().get(`${pub}/${survey.id}`)).status).toBe(404);
    expect((await office.post<Survey>(`${base}/${survey.id}/open`)).body.status).toBe('open');
  });

  it('keeps the questions of an open survey as they are (400, worded), and refuses a non-department', async () => {
    const res = await office.put<Problem>(`${base}/${survey.id}`, {
      title: survey.title,
      opensOn: survey.opensOn,
      closesOn: survey.closesOn,
      audience: 'both',
      questions: [{ id: 'x', text: '新问题' }],
      departments: [{ departmentId: deptA }],
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.errors?.[0]?.code).toBe('survey_not_draft');
    const street = (await unitByCode(t.database.db, 'QJ-S03'))!;
    const bad = await office.post<Problem>(base, {
      title: '错误',
      opensOn: '2026-10-01',
      closesOn: '2026-10-31',
      audience: 'firms',
      questions: survey.questions,
      departments: [{ departmentId: street.id }],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.[0]?.code).toBe('not_a_department');
    const clash = await office.post<Problem>(base, {
      title: '重复题目',
      opensOn: '2026-10-01',
      closesOn: '2026-10-31',
      audience: 'firms',
      questions: survey.questions,
      departments: [{ departmentId: deptA, extraQuestions: [{ id: 'efficiency', text: '又一道办事效率' }] }],
    });
    expect(clash.status).toBe(400);
    expect(clash.body.errors?.[0]?.code).toBe('duplicate_question');
  });

  it('takes one answer per firm, whoever of its staff answers: a second is 409', async () => {
    const first = await firm1.post(`/api/v1/business/firm-surveys/${survey.id}/answer`, {
      departments: [
        { departmentId: deptA, scores: scoresOf(5, 4, 3, 5, 2), comment: '窗口人员电话13812345678很热情' },
        { departmentId: deptB, scores: scoresOf(4, 4, 4, 4) },
      ],
    });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const before = await written();
    const again = await firm1.post<Problem>(`/api/v1/business/firm-surveys/${survey.id}/answer`, {
      departments: [{ departmentId: deptB, scores: scoresOf(1, 1, 1, 1) }],
    });
    expect(again.status).toBe(409);
    expect(await written()).toEqual(before);
    const second = await firm2.post(`/api/v1/business/firm-surveys/${survey.id}/answer`, {
      departments: [{ departmentId: deptA, scores: scoresOf(3, 2, 5, 4, 1) }],
    });
    expect(second.status).toBe(201);
    const mine = await firm1.get<Array<{ id: string; answered: boolean }>>('/api/v1/business/firm-surveys');
    expect(mine.body.find((s) => s.id === survey.id)?.answered).toBe(true);
    // The comment is kept with the phone in it masked.
    const res = (await t.database.db.execute(sql`select body from business_survey_comments`)) as unknown as {
      rows: Array<{ body: string }>;
    };
    expect(res.rows.map((r) => r.body)).toEqual(['窗口人员电话138****5678很热情']);
  });

  it('writes nothing for a bad answer', async () => {
    const before = await written();
    const client = t.client();
    const phone = '13600000002';
    const code = await codeFor(client, phone);
    const bad: Array<[unknown, number, string | undefined]> = [
      [{ departmentId: deptB, scores: scoresOf(6, 4, 4, 4) }, 400, undefined],
      [{ departmentId: deptB, scores: scoresOf(0, 4, 4, 4) }, 400, undefined],
      [{ departmentId: crypto.randomUUID(), scores: scoresOf(4, 4, 4, 4) }, 400, 'unknown_survey_department'],
      [{ departmentId: deptA, scores: scoresOf(4, 4, 4, 4) }, 400, 'survey_questions_unanswered'],
    ];
    for (const [department, status, reason] of bad) {
      const res = await client.post<Problem>(`${pub}/${survey.id}/answers`, {
        phone,
        code,
        departments: [department],
      });
      expect(res.status, JSON.stringify(res.body)).toBe(status);
      if (reason) expect(res.body.errors?.[0]?.code).toBe(reason);
      expect(res.body.title).toBeTruthy();
    }
    const wrong = await client.post<Problem>(`${pub}/${survey.id}/answers`, {
      phone,
      code: code === '000000' ? '111111' : '000000',
      departments: [{ departmentId: deptB, scores: scoresOf(4, 4, 4, 4) }],
    });
    expect(wrong.body.errors?.[0]?.code).toBe('invalid_code');
    expect(await written()).toEqual(before);
  });

  it('takes the public once per phone verified by a code sent to it, keeping no phone', async () => {
    const phone = '13600000001';
    const client = t.client();
    const answer = {
      departments: [
        { departmentId: deptA, scores: scoresOf(4, 5, 4, 3, 5) },
        { departmentId: deptB, scores: scoresOf(1, 2, 3, 5) },
      ],
    };
    const code = await codeFor(client, phone);
    const ok = await client.post(`${pub}/${survey.id}/answers`, { ...answer, phone, code });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    // The code is used up.
    expect((await client.post(`${pub}/${survey.id}/answers`, { ...answer, phone, code })).status).toBe(400);
    // A minute later the same phone gets a new code, and is told it has answered.
    await minutePassed(t, phone);
    const before = await written();
    const again = await client.post(`${pub}/${survey.id}/answers`, {
      ...answer,
      phone,
      code: await codeFor(client, phone),
    });
    expect(again.status).toBe(409);
    expect(await written()).toEqual(before);
    const stored = (await t.database.db.execute(
      sql`select phone_hash from business_survey_responses where kind = 'public' and survey_id = ${survey.id}`,
    )) as unknown as { rows: Array<{ phone_hash: string }> };
    expect(stored.rows).toHaveLength(1);
    expect(stored.rows[0]!.phone_hash).not.toContain(phone);
  });

  it('publishes results only once closed, with the means, the share of 4s and 5s and the sample sizes', async () => {
    expect((await t.client().get(`${pub}/${survey.id}/results`)).status).toBe(404);
    expect((await office.post<Survey>(`${base}/${survey.id}/close`)).body.status).toBe('closed');
    const closedAnswer = await firm2.post<Problem>(`/api/v1/business/firm-surveys/${survey.id}/answer`, {
      departments: [{ departmentId: deptB, scores: scoresOf(4, 4, 4, 4) }],
    });
    expect(closedAnswer.body.errors?.[0]?.code).toBe('survey_not_open');
    const res = await t.client().get<SurveyResults>(`${pub}/${survey.id}/results`);
    expect(res.status).toBe(200);
    const a = res.body.departments.find((d) => d.departmentId === deptA)!;
    const b = res.body.departments.find((d) => d.departmentId === deptB)!;
    // A: efficiency 5,3,4 · attitude 4,2,5 · policy 3,5,4 · integrity 5,4,3 · parking 2,1,5.
    expect(a.questions.map((q) => [q.questionId, q.mean])).toEqual([
      ['efficiency', 4],
      ['attitude', 11 / 3],
      ['policy', 4],
      ['integrity', 4],
      ['parking', 8 / 3],
    ]);
    expect(a.mean).toBeCloseTo(55 / 15, 12);
    expect(a.satisfactionShare).toBeCloseTo(9 / 15, 12);
    expect([a.firms, a.public]).toEqual([2, 1]);
    // B: 4,4,4,4 and 1,2,3,5.
    expect(b.mean).toBeCloseTo(27 / 8, 12);
    expect(b.satisfactionShare).toBeCloseTo(5 / 8, 12);
    expect([b.firms, b.public]).toEqual([1, 1]);
    expect(res.body.survey).toMatchObject({ firms: 2, public: 1 });
  });

  it('shows on the scorecard beside each department, and enters the score only at a weight above 0', async () => {
    const scorecard = async () =>
      (await t.client().get<PublicScorecard>('/api/v1/public/business/scorecard')).body;
    const card = await scorecard();
    // Closed today, after the month shown ended: back-date it into that month.
    const [y, m] = card.month!.split('-').map(Number);
    const end = new Date(Date.UTC(y!, m!, 0)).toISOString().slice(0, 10);
    await t.database.db.execute(sql`update business_surveys set closed_on = ${end} where id = ${survey.id}`);
    const plain = await scorecard();
    const lineA = plain.departments.find((d) => d.departmentId === deptA)!;
    expect(lineA.survey).toMatchObject({ surveyId: survey.id, firms: 2, public: 1 });
    expect(lineA.survey!.satisfactionShare).toBeCloseTo(0.6, 12);
    expect(lineA.score).toBe(card.departments.find((d) => d.departmentId === deptA)!.score);
    const settings = { ...plain.settings, weights: { ...plain.settings.weights, survey: 1 } };
    expect((await office.put('/api/v1/business/scorecard/settings', settings)).status).toBe(200);
    const weighed = await scorecard();
    const w = settings.weights;
    const folded = weighed.departments.find((d) => d.departmentId === deptA)!;
    const rates = w.response * lineA.responseRate + w.resolution * lineA.resolutionRate;
    const sat = lineA.satisfactionRate === null ? 0 : w.satisfaction * lineA.satisfactionRate;
    const total = w.response + w.resolution + (lineA.satisfactionRate === null ? 0 : w.satisfaction) + 1;
    expect(folded.score).toBeCloseTo((100 * (rates + sat + 0.6)) / total, 9);
  });
});

describe('the demo surveys', () => {
  it('are last quarter’s, closed with a few hundred answers, and this quarter’s, open', async () => {
    const res = await t
      .client()
      .get<{ open: Array<{ title: string }>; closed: SurveyResults['survey'][] }>(pub);
    const demo = res.body.closed.find((s) => s.id !== survey.id)!;
    expect(demo).toMatchObject({ firms: 104, public: 312 });
    expect(res.body.open.map((s) => s.title)).toHaveLength(1);
    const results = (await t.client().get<SurveyResults>(`${pub}/${demo.id}/results`)).body;
    for (const d of results.departments) {
      expect(d.mean).toBeGreaterThanOrEqual(1);
      expect(d.firms + d.public).toBeGreaterThan(0);
    }
  });
});
