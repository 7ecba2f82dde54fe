import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInChina } from '../../kernel/deadlines.js';
import type { TestClient, TestContext } from '../../test-support/app.js';
import { makeUser, signIn } from '../../test-support/factories.js';
import { contextOf, holdingCommit, racing, refusal } from '../../test-support/racing.js';
import { userIdByLogin } from '../users/api.js';
import { answerSurveyAsFirm } from './commands/answerSurvey.js';
import { raiseRequest } from './commands/raiseRequest.js';
import { rateAnswer } from './commands/rateAnswer.js';
import type { RequestDetail } from './contracts-requests.js';
import type { Survey, SurveyQuestion } from './contracts-surveys.js';
import { firmOfMember } from './lookup.js';
import {
  businessFirmMembers,
  businessFirms,
  businessRatings,
  businessRequests,
  businessSurveyResponses,
} from './schema.js';
import { raisedRequest, requestParties, routedAs } from './test-helpers.js';

/**
 * A member of a firm's staff raises a request, or answers a survey for the firm, as the office
 * takes them off the staff: the write checks the membership again and holds it, so a removal that
 * came first is seen (the firm is not found, nothing written) and one that comes while the raise
 * writes waits for it.
 */
let t: TestContext;
let office: TestClient;
let firmId: string;
let d01: string;
let firm: TestClient;
let dept: TestClient;
beforeAll(async () => {
  ({ t, office, d01, firm, dept } = await requestParties());
  firmId = (await firmOfMember(t.database.db, (await userIdByLogin(t.database.db, 'firm1'))!))!;
});
afterAll(() => t.close());

/** A new member of the firm's staff, signed in, and their context. */
async function newMember() {
  const [row] = await t.database.db.select().from(businessFirms).where(eq(businessFirms.id, firmId));
  const user = await makeUser(t, { roles: [['enterprise', { id: row!.townId }]] });
  await t.database.db.insert(businessFirmMembers).values({ userId: user.id, firmId });
  return { user, ctx: await contextOf(t, await signIn(t, user)) };
}

const removed = async (userId: string) =>
  expect((await office.delete(`/api/v1/business/firms/${firmId}/members/${userId}`)).status).toBe(204);

const raisedBy = (userId: string) =>
  t.database.db.select().from(businessRequests).where(eq(businessRequests.raisedBy, userId));

const input = { categoryCode: 'approval', title: '厂房扩建规划许可办理', body: '请问规划许可需要哪些材料。' };

describe('a request raised by a member taken off the firm’s staff since the checks', () => {
  it('is refused as of a firm not found, and nothing is raised', async () => {
    const { user, ctx } = await newMember();
    const raising = raiseRequest.run({ ...ctx, db: racing(ctx.db, () => removed(user.id)) }, input);
    expect(await refusal(raising)).toMatchObject({ code: 'NOT_FOUND' });
    expect(await raisedBy(user.id)).toEqual([]);
  });
});

describe('an answer rated for the firm by a member taken off its staff since the checks', () => {
  it('is refused as a request not found, and no rating is written', async () => {
    const id = await raisedRequest(firm);
    expect((await routedAs(office, id, d01)).status).toBe(200);
    const answered = await dept.post<RequestDetail>(`/api/v1/business/requests/${id}/answer`, {
      body: '已答复。',
    });
    expect(answered.status, JSON.stringify(answered.body)).toBe(200);
    const { user, ctx } = await newMember();
    const rating = { answerId: answered.body.answers[0]!.id, score: 5, comment: '' };
    const rated = rateAnswer.run({ ...ctx, db: racing(ctx.db, () => removed(user.id)) }, rating);
    expect(await refusal(rated)).toMatchObject({ code: 'NOT_FOUND' });
    expect(
      await t.database.db.select().from(businessRatings).where(eq(businessRatings.requestId, id)),
    ).toEqual([]);
  });
});

/** A survey of the firms about QJ-D01, open since yesterday. */
async function openSurvey(): Promise<string> {
  const day = (n: number) => todayInChina(new Date(Date.now() + n * 86_400_000));
  const questions = (await office.get<SurveyQuestion[]>('/api/v1/business/survey-questions')).body;
  const made = await office.post<Survey>('/api/v1/business/surveys', {
    title: '移出企业人员时的测评',
    opensOn: day(-1),
    closesOn: day(10),
    audience: 'firms',
    questions,
    departments: [{ departmentId: d01 }],
  });
  expect(made.status, JSON.stringify(made.body)).toBe(201);
  expect((await office.post(`/api/v1/business/surveys/${made.body.id}/open`)).status).toBe(200);
  return made.body.id;
}

describe('a survey answered for the firm by a member taken off its staff since the checks', () => {
  it('is refused as of a firm not found, and no answer is written', async () => {
    const surveyId = await openSurvey();
    const { user, ctx } = await newMember();
    const answer = {
      departments: [
        { departmentId: d01, scores: { efficiency: 5, attitude: 4, policy: 4, integrity: 5 }, comment: '' },
      ],
    };
    const answering = answerSurveyAsFirm.run(
      { ...ctx, db: racing(ctx.db, () => removed(user.id)) },
      { id: surveyId, answer },
    );
    expect(await refusal(answering)).toMatchObject({ code: 'NOT_FOUND' });
    const answers = await t.database.db
      .select()
      .from(businessSurveyResponses)
      .where(eq(businessSurveyResponses.surveyId, surveyId));
    expect(answers).toEqual([]);
  });
});

/*
 * The member is taken off the staff once the raise is written, still uncommitted: held, the
 * removal waits for its commit (given over a second to land before, it does not). PostgreSQL only:
 * on PGlite's one connection the removal waits for the commit whether held or not.
 */
describe.runIf(!!process.env.DATABASE_URL)('a member taken off the staff as their request is written', () => {
  it('waits for the raise to commit', async () => {
    const { user, ctx } = await newMember();
    const held = holdingCommit(ctx.db, 1500);
    let landed = false;
    let landedMeanwhile: boolean | undefined;
    const removing = held.holding.then(async () => {
      const done = removed(user.id).then(() => (landed = true));
      await new Promise((resolve) => setTimeout(resolve, 1200));
      landedMeanwhile = landed;
      await done;
    });
    await Promise.all([raiseRequest.run({ ...ctx, db: held.db }, input), removing]);
    expect([landedMeanwhile, landed]).toEqual([false, true]);
    expect(await raisedBy(user.id)).toHaveLength(1);
  });
});
