import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { loadWorkbook, sheetNames } from '../../test-support/workbook.js';
import { forgetCampaignCache } from './queries/campaigns.js';
import { ideaCampaigns, ideaParticipations, ideaSurveyResponses } from './schema.js';
import { auditRows, sampleSuggestion, scopeTowns, showOnSubmission } from './test-helpers.js';

let t: TestContext;
let own: string;
let other: string;
let office: TestClient;
let organiser: TestClient;
let screener: TestClient;
beforeAll(async () => {
  t = await createTestContext();
  ({ own, other } = await scopeTowns(t.database.db));
  office = await t.as('office');
  organiser = await t.as('organiser');
  screener = await t.as('screener');
  await showOnSubmission(office);
});
afterAll(() => t.close());

const participations = async (kind: 'comment' | 'survey') => {
  const [row] = await t.database.db
    .select({ n: sql<number>`count(*)::int` })
    .from(ideaParticipations)
    .where(eq(ideaParticipations.kind, kind));
  return row!.n;
};
const submit = async (townId: string, n: number) =>
  (await t.client().post<{ id: string }>('/api/v1/public/suggestions', sampleSuggestion(townId, n))).body.id;
type Queue = {
  total: number;
  items: Array<{ id: string; body: string; name: string | null; status: string }>;
};

describe('comments', () => {
  it('counts a comment at once and shows it only once a screener publishes it', async () => {
    const id = await submit(other, 1);
    const before = await participations('comment');
    const res = await t
      .client()
      .post<{ id: string; status: string }>(`/api/v1/public/suggestions/${id}/comments`, {
        body: '赞成，早高峰确实很挤。有事打我电话13912345678',
        name: '王建国',
      });
    expect(res.status).toBe(201);
    expect(res.body.status).toBe('pending');
    expect(await participations('comment')).toBe(before + 1);
    expect(await auditRows(t.database.db, 'comment.submit', res.body.id)).toHaveLength(1);
    expect((await t.client().get<unknown[]>(`/api/v1/public/suggestions/${id}/comments`)).body).toEqual([]);

    const queue = await screener.get<Queue>('/api/v1/ideas/comments?status=pending&pageSize=100');
    const queued = queue.body.items.find((c) => c.id === res.body.id);
    // A phone number typed into a comment is masked in the queue as on the public page.
    expect(queued).toMatchObject({ body: '赞成，早高峰确实很挤。有事打我电话139****5678', name: '王**' });
    const published = await screener.post(`/api/v1/ideas/comments/${res.body.id}/moderate`, {
      decision: 'publish',
    });
    expect(published.status).toBe(200);
    const shown = await t
      .client()
      .get<Array<{ body: string; name: string }>>(`/api/v1/public/suggestions/${id}/comments`);
    expect(shown.body).toEqual([
      expect.objectContaining({ body: '赞成，早高峰确实很挤。有事打我电话139****5678', name: '王**' }),
    ]);
    expect(await auditRows(t.database.db, 'comment.publish', res.body.id)).toHaveLength(1);
  });

  it('publishes a comment whose campaign is no longer in the brief cache', async () => {
    // The queue read the campaign into a 5-second cache; a moderator who clicked later found it
    // expired, and the lookup inside the write once waited for its own transaction for ever (PGlite).
    const id = await submit(other, 6);
    const c = await t.client().post<{ id: string }>(`/api/v1/public/suggestions/${id}/comments`, {
      body: '缓存过期以后再发布这条评论',
    });
    forgetCampaignCache(t.database.db);
    const published = await screener.post(`/api/v1/ideas/comments/${c.body.id}/moderate`, {
      decision: 'publish',
    });
    expect(published.status, JSON.stringify(published.body)).toBe(200);
  });

  it('hides only with a reason, and refuses bad comments', async () => {
    const id = await submit(own, 2);
    const c = await t
      .client()
      .post<{ id: string }>(`/api/v1/public/suggestions/${id}/comments`, { body: '广告广告' });
    const bare = await screener.post<{ errors: Array<{ path: string }> }>(
      `/api/v1/ideas/comments/${c.body.id}/moderate`,
      { decision: 'hide' },
    );
    expect(bare.status).toBe(400);
    expect(bare.body.errors[0]?.path).toBe('reason');
    const hidden = await screener.post<{ status: string; reason: string }>(
      `/api/v1/ideas/comments/${c.body.id}/moderate`,
      { decision: 'hide', reason: '与建议无关' },
    );
    expect(hidden.body).toMatchObject({ status: 'hidden', reason: '与建议无关' });
    expect((await t.client().get<unknown[]>(`/api/v1/public/suggestions/${id}/comments`)).body).toEqual([]);
    expect((await t.client().post(`/api/v1/public/suggestions/${id}/comments`, { body: '短' })).status).toBe(
      400,
    );
    const missing = await t.client().post(`/api/v1/public/suggestions/${crypto.randomUUID()}/comments`, {
      body: '这条建议不存在',
    });
    expect(missing.status).toBe(404);
  });

  it('tells moderators whether the public sees a comment’s suggestion, and lets them read it either way', async () => {
    const id = await submit(other, 5);
    const c = await t
      .client()
      .post<{ id: string }>(`/api/v1/public/suggestions/${id}/comments`, { body: '同意这条建议' });
    type Flagged = { items: Array<{ id: string; suggestionPublic: boolean }> };
    const flag = async () =>
      (await screener.get<Flagged>('/api/v1/ideas/comments?pageSize=100')).body.items.find(
        (i) => i.id === c.body.id,
      )?.suggestionPublic;
    expect(await flag()).toBe(true);
    const rejected = await screener.post(`/api/v1/ideas/suggestions/${id}/screen`, {
      decision: 'reject',
      reason: 'off_topic',
    });
    expect(rejected.status).toBe(200);
    // Off the public site, the comment still waits; the moderator reads its suggestion as staff.
    expect(await flag()).toBe(false);
    expect((await t.client().get(`/api/v1/public/suggestions/${id}`)).status).toBe(404);
    const staff = await screener.get<{ title: string; body: string }>(`/api/v1/ideas/suggestions/${id}`);
    expect(staff.status).toBe(200);
    expect(staff.body.title).toBe(sampleSuggestion(other, 5).title);
  });

  it('lets an organiser moderate the comments of their own street only', async () => {
    const mine = await submit(own, 3);
    const theirs = await submit(other, 4);
    const a = await t
      .client()
      .post<{ id: string }>(`/api/v1/public/suggestions/${mine}/comments`, { body: '支持本街道' });
    const b = await t
      .client()
      .post<{ id: string }>(`/api/v1/public/suggestions/${theirs}/comments`, { body: '支持外镇' });
    const queue = await organiser.get<Queue>('/api/v1/ideas/comments?pageSize=100');
    expect(queue.body.items.map((c) => c.id)).toContain(a.body.id);
    expect(queue.body.items.map((c) => c.id)).not.toContain(b.body.id);
    expect(
      (await organiser.post(`/api/v1/ideas/comments/${b.body.id}/moderate`, { decision: 'publish' })).status,
    ).toBe(404);
    expect(
      (await organiser.post(`/api/v1/ideas/comments/${a.body.id}/moderate`, { decision: 'publish' })).status,
    ).toBe(200);
    const expert = await t.as('expert1');
    expect((await expert.get('/api/v1/ideas/comments')).status).toBe(403);
  });
});

const survey = [
  {
    code: 'transport',
    text: '您最常用的出行方式？',
    kind: 'single',
    options: ['公交', '自驾', '步行'],
    required: true,
  },
  {
    code: 'needs',
    text: '高铁开通后您最希望改善哪些方面？',
    kind: 'multiple',
    options: ['接驳', '停车', '商业'],
    required: false,
  },
  { code: 'remarks', text: '其他意见', kind: 'text', options: [], required: false },
];
type Results = {
  responses: number;
  questions: Array<{ code: string; options: Array<{ option: string; count: number }>; texts: string[] }>;
};
// The demo seed's responses (to its own questions) come before the test's.
const seeded = { all: 0, own: 0 };

describe('survey', () => {
  it('takes the questions from the office, refusing a choice with one option', async () => {
    seeded.all = (await screener.get<Results>('/api/v1/ideas/survey/results')).body.responses;
    seeded.own = (await organiser.get<Results>('/api/v1/ideas/survey/results')).body.responses;
    expect(seeded.all).toBeGreaterThan(seeded.own);
    const campaign = (await t.client().get<{ id: string }>('/api/v1/public/campaign')).body;
    const bad = await office.patch<{ errors: Array<{ path: string; code: string }> }>(
      `/api/v1/ideas/campaigns/${campaign.id}`,
      { survey: [{ ...survey[0], options: ['公交'] }] },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]).toMatchObject({ path: 'survey.0.options', code: 'options_for_kind' });
    // The demo's questions hold answers: they may not go, nor change kind, but may turn optional.
    const demo = (
      await t.client().get<{ survey: Array<{ code: string; kind: string }> }>('/api/v1/public/campaign')
    ).body.survey;
    const replaced = await office.patch<{ errors: Array<{ path: string; code: string }> }>(
      `/api/v1/ideas/campaigns/${campaign.id}`,
      { survey },
    );
    expect(replaced.status).toBe(409);
    expect(replaced.body.errors.map((e) => e.code)).toEqual(demo.map(() => 'in_use'));
    const rekinded = await office.patch<{ errors: Array<{ path: string; code: string }> }>(
      `/api/v1/ideas/campaigns/${campaign.id}`,
      { survey: demo.map((q) => (q.kind === 'text' ? { ...q, kind: 'single', options: ['是', '否'] } : q)) },
    );
    expect(rekinded.status).toBe(409);
    expect(rekinded.body.errors[0]).toMatchObject({ path: `survey.${demo.length - 1}.kind`, code: 'in_use' });
    // An option that answers picked stays (rewording it would drop them too); a new one may join.
    type Question = { code: string; kind: string; options: string[] };
    const full = (await t.client().get<{ survey: Question[] }>('/api/v1/public/campaign')).body.survey;
    const choice = full.findIndex((q) => q.kind !== 'text');
    const withOption = (options: (q: Question) => string[]) =>
      office.patch<{ errors: Array<{ path: string; code: string; params: unknown }> }>(
        `/api/v1/ideas/campaigns/${campaign.id}`,
        { survey: full.map((q, i) => (i === choice ? { ...q, options: options(q) } : q)) },
      );
    const dropped = await withOption((q) => [...q.options.slice(1), '其他']);
    expect(dropped.status).toBe(409);
    expect(dropped.body.errors).toEqual([
      expect.objectContaining({
        path: `survey.${choice}.options`,
        code: 'in_use',
        params: { value: full[choice]!.options[0] },
      }),
    ]);
    expect((await withOption((q) => [...q.options, '其他'])).status).toBe(200);
    // An answer to an option removed before this rule existed does not block later edits.
    await t.database.db.insert(ideaSurveyResponses).values({
      campaignId: campaign.id,
      townId: own,
      authorKind: 'resident',
      fingerprint: 'an-answer-from-before',
      answers: { [full[choice]!.code]: '早已删去的选项' },
    });
    expect((await withOption((q) => [...q.options, '其他'])).status).toBe(200);
    await t.database.db
      .delete(ideaSurveyResponses)
      .where(eq(ideaSurveyResponses.fingerprint, 'an-answer-from-before'));
    const kept = demo.map((q) => ({ ...q, required: false }));
    expect(
      (await office.patch(`/api/v1/ideas/campaigns/${campaign.id}`, { survey: [...kept, ...survey] })).status,
    ).toBe(200);
    const shown = await t.client().get<{ survey: unknown[] }>('/api/v1/public/campaign');
    expect(shown.body.survey).toHaveLength(demo.length + 3);
  });

  it('takes one set of answers per person, checked against the questions, each a participation', async () => {
    const before = await participations('survey');
    const c = t.client();
    const answer = (answers: Record<string, unknown>, townId = own) =>
      c.post<{ counted?: boolean; errors?: Array<{ path: string; code: string }> }>('/api/v1/public/survey', {
        townId,
        authorKind: 'resident',
        answers,
      });
    const missing = await answer({ needs: ['接驳'] });
    expect(missing.status).toBe(400);
    expect(missing.body.errors).toContainEqual(
      expect.objectContaining({ path: 'answers.transport', code: 'required' }),
    );
    const wrong = await answer({ transport: '飞机', nosuch: 'x' });
    expect(wrong.body.errors?.map((e) => e.code).sort()).toEqual(['not_an_option', 'unknown_question']);
    const codes = async (answers: Record<string, unknown>) =>
      (await answer({ transport: '公交', ...answers })).body.errors?.map((e) => `${e.path} ${e.code}`);
    expect(await codes({ transport: ['公交', '自驾'] })).toEqual(['answers.transport one_option']);
    expect(await codes({ remarks: ['希望多开夜班车'] })).toEqual(['answers.remarks expects_text']);
    expect(await codes({ needs: ['接驳', '接驳'] })).toEqual(['answers.needs duplicate']);
    const ok = await answer({
      transport: '公交',
      needs: ['接驳', '停车'],
      remarks: '希望多开夜班车，电话13812345678',
    });
    expect(ok.status).toBe(200);
    expect(ok.body.counted).toBe(true);
    expect((await answer({ transport: '自驾' })).body.counted).toBe(false);
    await t.client().post('/api/v1/public/survey', {
      townId: other,
      authorKind: 'student',
      answers: { transport: '步行' },
    });
    // A single choice sent as a list of one is kept as the option itself.
    await t.client('10.9.0.1').post('/api/v1/public/survey', {
      townId: other,
      authorKind: 'resident',
      answers: { transport: ['公交'] },
    });
    const [listOfOne] = await t.database.db
      .select({ answers: ideaSurveyResponses.answers })
      .from(ideaSurveyResponses)
      .orderBy(sql`${ideaSurveyResponses.createdAt} desc`)
      .limit(1);
    expect(listOfOne!.answers).toEqual({ transport: '公交' });
    expect(await participations('survey')).toBe(before + 3);
    const [row] = await t.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(ideaParticipations)
      .where(and(eq(ideaParticipations.kind, 'survey'), eq(ideaParticipations.townId, own)));
    expect(row!.n).toBeGreaterThanOrEqual(1);
  });

  it('gives the office every response and an organiser their own towns’, with an Excel export', async () => {
    const all = await screener.get<Results>('/api/v1/ideas/survey/results');
    expect(all.body.responses).toBe(seeded.all + 3);
    const transport = all.body.questions.find((q) => q.code === 'transport')!;
    expect(transport.options).toEqual([
      { option: '公交', count: 2 },
      { option: '自驾', count: 0 },
      { option: '步行', count: 1 },
    ]);
    expect(all.body.questions.find((q) => q.code === 'remarks')!.texts).toEqual([
      '希望多开夜班车，电话138****5678',
    ]);
    const mine = await organiser.get<Results>('/api/v1/ideas/survey/results');
    expect(mine.body.responses).toBe(seeded.own + 1);
    expect((await (await t.as('citizen')).get('/api/v1/ideas/survey/results')).status).toBe(403);

    const file = await office.request<Uint8Array>('GET', '/api/v1/ideas/survey/results/export', undefined, {
      'accept-language': 'en',
    });
    expect(file.status).toBe(200);
    const book = await loadWorkbook(file.body);
    expect(await sheetNames(book)).toEqual(['Summary', 'Responses']);
    expect(book.getWorksheet('Responses')!.rowCount).toBe(seeded.all + 4);
    const cells: string[] = [];
    book.getWorksheet('Responses')!.eachRow((row) => {
      row.eachCell((cell) => {
        cells.push(String(cell.value));
      });
    });
    expect(cells).toContain('希望多开夜班车，电话138****5678');
    expect(cells.join('|')).not.toContain('13812345678');
    // Each answer's time on Qianjiang's clock, as the pages show it.
    const time = String(book.getWorksheet('Responses')!.getRow(2).getCell(1).value);
    expect(time).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    // An organiser's workbook holds their own towns' answers only, as their page does.
    const own = await loadWorkbook(
      (await organiser.get<Uint8Array>('/api/v1/ideas/survey/results/export')).body,
    );
    expect(own.getWorksheet('答卷')!.rowCount).toBe(seeded.own + 2);
    // Those who may not read the answers may not take them away either.
    for (const login of ['expert1', 'dept', 'cadre', 'enterprise', 'citizen']) {
      const refused = await (await t.as(login)).get('/api/v1/ideas/survey/results/export');
      expect(refused.status, login).toBe(403);
    }
    expect((await t.client().get('/api/v1/ideas/survey/results/export')).status).toBe(401);
  });

  it('checks an answer against the survey as stored, not as another process cached it', async () => {
    const campaign = (await t.client().get<{ id: string }>('/api/v1/public/campaign')).body;
    const [row] = await t.database.db
      .select({ survey: ideaCampaigns.survey })
      .from(ideaCampaigns)
      .where(eq(ideaCampaigns.id, campaign.id));
    // Another process drops 自驾 (no answers chose it); this one still holds the campaign cached.
    const dropped = row!.survey.map((q) =>
      q.code === 'transport' ? { ...q, options: q.options.filter((o) => o !== '自驾') } : q,
    );
    await t.database.db
      .update(ideaCampaigns)
      .set({ survey: dropped })
      .where(eq(ideaCampaigns.id, campaign.id));
    try {
      const res = await t
        .client('10.9.0.9')
        .post<{ errors?: Array<{ path: string; code: string }> }>('/api/v1/public/survey', {
          townId: own,
          authorKind: 'resident',
          answers: { transport: '自驾' },
        });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([
        expect.objectContaining({ path: 'answers.transport', code: 'not_an_option' }),
      ]);
    } finally {
      await t.database.db
        .update(ideaCampaigns)
        .set({ survey: row!.survey })
        .where(eq(ideaCampaigns.id, campaign.id));
    }
  });
});
