import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { onPublishedIdeaLists, sampleSuggestion, unitId } from './test-helpers.js';

/**
 * The actions sent with the staff views: they differ by role and scope as the ideas policy says,
 * and each one sent is accepted by its route (an action left out is refused by it).
 */
let t: TestContext;
let office: TestClient;
let screener: TestClient;
let organiser: TestClient;
let district: TestClient;
let expert: TestClient;
let dept: TestClient;
let citizen: TestClient;
let own: string;
let other: string;
const staff = () => ({ screener, organiser, district, office });

/** An organiser over the whole district, past the change of the password the office gave them. */
async function districtOrganiser(): Promise<TestClient> {
  const root = await unitId(t.database.db, 'QJ');
  const made = await office.post<{ initialPassword: string }>('/api/v1/users', {
    login: 'district.organiser',
    displayName: '区级组织员',
    roles: [{ role: 'organiser', unitId: root }],
  });
  const c = t.client();
  const password = await c.firstLogin('district.organiser', made.body.initialPassword);
  await c.login('district.organiser', password);
  return c;
}

beforeAll(async () => {
  t = await createTestContext();
  office = await t.as('office');
  screener = await t.as('screener');
  organiser = await t.as('organiser');
  expert = await t.as('expert1');
  dept = await t.as('dept');
  citizen = await t.as('citizen');
  district = await districtOrganiser();
  own = await unitId(t.database.db, 'QJ-S03');
  other = await unitId(t.database.db, 'QJ-T01');
});
afterAll(() => t.close());

let n = 0;
/** A fresh paper suggestion entered by the office, in `townId` (of its own text, if given). */
async function fresh(townId: string, text?: { title: string; body: string }): Promise<string> {
  n += 1;
  const res = await office.post<{ id: string }>('/api/v1/ideas/suggestions', {
    ...sampleSuggestion(townId, 700 + n),
    title: `动作测试建议${n}号`,
    ...text,
    channel: 'written',
  });
  expect(res.status).toBe(201);
  return res.body.id;
}

type Decisions = { accept: boolean; reject: boolean; merge: boolean; reclassify: boolean; attach: boolean };
type Detail = Decisions & { duplicates: Array<{ id: string; actions: { mergeInto: boolean } }> };
const detail = async (c: TestClient, id: string) => {
  const res = await c.get<{ actions: Decisions; duplicates: Detail['duplicates'] }>(
    `/api/v1/ideas/suggestions/${id}`,
  );
  return { status: res.status, actions: res.body.actions, duplicates: res.body.duplicates };
};
const pageActions = async (c: TestClient) =>
  c.get<{ actions: { submitWritten: boolean; import: boolean; screen: boolean } }>(
    '/api/v1/ideas/suggestions?pageSize=1',
  );
const screen = (c: TestClient, id: string, body: Record<string, unknown>) =>
  c.post(`/api/v1/ideas/suggestions/${id}/screen`, body);

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
/** Posts a scan as multipart/form-data, as the browser does. */
async function attach(c: TestClient, id: string): Promise<number> {
  const form = new FormData();
  form.set('file', new File([PNG], '扫描件.png'));
  const auth = c as unknown as { cookie: string; csrf: string };
  const res = await t.app.request(`/api/v1/ideas/suggestions/${id}/attachments`, {
    method: 'POST',
    body: form,
    headers: { cookie: auth.cookie, 'x-csrf-token': auth.csrf, 'x-forwarded-for': c.ip },
  });
  return res.status;
}

describe('actions per role, as the policy says', () => {
  it('gives the screening page’s actions by role: a screener neither enters nor imports', async () => {
    const expected = {
      screener: { submitWritten: false, import: false, screen: true },
      organiser: { submitWritten: true, import: true, screen: true },
      district: { submitWritten: true, import: true, screen: true },
      office: { submitWritten: true, import: true, screen: true },
    };
    for (const [role, c] of Object.entries(staff())) {
      const res = await pageActions(c);
      expect(res.status, role).toBe(200);
      expect(res.body.actions, role).toEqual(expected[role as keyof typeof expected]);
    }
    // An expert and a department have no screening page at all.
    expect((await pageActions(expert)).status).toBe(403);
    expect((await pageActions(dept)).status).toBe(403);
  });

  it('gives a suggestion’s actions by scope: the town organiser not another town’s, the district one all', async () => {
    const elsewhere = await fresh(other);
    const all = { accept: true, reject: true, merge: true, reclassify: true };
    expect((await detail(screener, elsewhere)).actions).toEqual({ ...all, attach: false });
    expect((await detail(district, elsewhere)).actions).toEqual({ ...all, attach: true });
    expect((await detail(office, elsewhere)).actions).toEqual({ ...all, attach: true });
    expect((await detail(organiser, elsewhere)).status).toBe(404);
    expect((await detail(organiser, await fresh(own))).actions).toEqual({ ...all, attach: true });
  });

  it('offers only the decisions a suggestion’s state allows', async () => {
    const [rejected, merged, accepted, into] = [
      await fresh(own),
      await fresh(own),
      await fresh(own),
      await fresh(own),
    ];
    await screen(office, rejected, { decision: 'reject', reason: 'off_topic' });
    await screen(office, merged, { decision: 'merge', into });
    await screen(office, accepted, { decision: 'accept' });
    const decisions = async (id: string) => {
      const { attach: _attach, ...rest } = (await detail(screener, id)).actions;
      return rest;
    };
    expect(await decisions(rejected)).toEqual({
      accept: false,
      reject: false,
      merge: false,
      reclassify: true,
    });
    expect(await decisions(merged)).toEqual({
      accept: false,
      reject: false,
      merge: false,
      reclassify: false,
    });
    expect(await decisions(accepted)).toEqual({ accept: false, reject: true, merge: true, reclassify: true });
  });

  it('gives the other staff pages’ actions by role', async () => {
    const events = async (c: TestClient) => c.get<{ actions: { create: boolean } }>('/api/v1/ideas/events');
    const adoption = async (c: TestClient) => c.get<{ actions: { adopt: boolean } }>('/api/v1/ideas/actions');
    const results = async (c: TestClient) =>
      c.get<{ actions: { assign: boolean } }>('/api/v1/ideas/reviews/results');
    expect((await events(organiser)).body.actions).toEqual({ create: true });
    expect((await events(district)).body.actions).toEqual({ create: true });
    expect((await events(office)).body.actions).toEqual({ create: true });
    expect((await events(screener)).status).toBe(403);
    expect((await adoption(office)).body.actions).toEqual({ adopt: true });
    expect((await adoption(dept)).body.actions).toEqual({ adopt: false });
    expect((await adoption(organiser)).status).toBe(403);
    expect((await results(office)).body.actions).toEqual({ assign: true });
    for (const c of [screener, organiser, district, expert]) expect((await results(c)).status).toBe(403);
    type Mine = { items: Array<{ suggestionId: string; actions: { score: boolean } }> };
    const mine = await expert.get<Mine>('/api/v1/ideas/reviews/mine');
    expect(mine.body.items.length).toBeGreaterThan(0);
    // Scoring is offered on every assignment but those a published golden or good list holds.
    const listed = await onPublishedIdeaLists(t.database.db);
    for (const i of mine.body.items) expect(i.actions.score).toBe(!listed.has(i.suggestionId));
    expect((await screener.get('/api/v1/ideas/reviews/mine')).status).toBe(403);
  });
});

describe('every action sent is accepted by its route', () => {
  const csv = (title: string) =>
    [
      'title,body,townCode,authorKind,channel,domain,realName,phone',
      `${title},这是一条用于检查导入动作的书面建议内容。,QJ-S03,resident,written,,,`,
    ].join('\n');

  it('enters, imports and screens exactly when the page says so', async () => {
    for (const [role, c] of Object.entries(staff())) {
      const { actions } = (await pageActions(c)).body;
      const written = await c.post('/api/v1/ideas/suggestions', {
        ...sampleSuggestion(own, 900),
        title: `${role}录入的书面建议`,
        channel: 'written',
      });
      expect(written.status, role).toBe(actions.submitWritten ? 201 : 403);
      const imported = await c.request('POST', '/api/v1/ideas/import', csv(`${role}导入的建议标题`), {
        'content-type': 'text/csv',
      });
      expect(imported.status, role).toBe(actions.import ? 200 : 403);
      const id = await fresh(own);
      const bulk = await c.post('/api/v1/ideas/screening/bulk', { ids: [id], decision: 'accept' });
      expect(bulk.status, role).toBe(actions.screen ? 200 : 403);
    }
  });

  it('takes each decision and scan a suggestion offers', async () => {
    const bodies = {
      accept: () => ({ decision: 'accept' }),
      reject: () => ({ decision: 'reject', reason: 'duplicate' }),
      reclassify: () => ({ decision: 'reclassify', domain: 'transport' }),
      merge: async () => ({ decision: 'merge', into: await fresh(own) }),
    };
    for (const [role, c] of Object.entries(staff())) {
      for (const [decision, body] of Object.entries(bodies)) {
        const id = await fresh(own);
        const { actions } = await detail(c, id);
        expect(actions[decision as keyof Decisions], `${role} ${decision}`).toBe(true);
        expect((await screen(c, id, await body())).status, `${role} ${decision}`).toBe(200);
      }
      const id = await fresh(own);
      const { actions } = await detail(c, id);
      expect(await attach(c, id), role).toBe(actions.attach ? 201 : 403);
    }
  });

  it('merges into a near-duplicate when offered, and refuses one outside the town organiser’s scope', async () => {
    // A text of its own, so that these three are each other's nearest neighbours.
    const text = (k: number) => ({
      title: `老城区菜市场增设非机动车停放点${k}`,
      body: `老城区菜市场门口电动车乱停乱放，堵塞通道，建议增设非机动车停放点并安排专人管理。${k}`,
    });
    const here = await fresh(own, text(1));
    const there = await fresh(other, text(2));
    const source = await fresh(own, text(3));
    const offered = (await detail(organiser, source)).duplicates;
    expect(offered.find((d) => d.id === here)?.actions.mergeInto).toBe(true);
    expect(offered.find((d) => d.id === there)?.actions.mergeInto).toBe(false);
    expect((await screen(organiser, source, { decision: 'merge', into: there })).status).toBe(404);
    expect((await screen(organiser, source, { decision: 'merge', into: here })).status).toBe(200);
    const merged = await detail(organiser, source);
    expect(merged.duplicates.every((d) => !d.actions.mergeInto)).toBe(true);
  });

  it('publishes and hides the comments the moderation queue offers', async () => {
    type Queue = { items: Array<{ id: string; actions: { publish: boolean; hide: boolean } }> };
    const on = await fresh(own);
    // Comments are taken on suggestions the public sees: by default, accepted ones.
    expect(
      (await screener.post(`/api/v1/ideas/suggestions/${on}/screen`, { decision: 'accept' })).status,
    ).toBe(200);
    for (const [role, c] of Object.entries(staff())) {
      const ids: string[] = [];
      for (const body of ['同意这条建议的做法。', '希望尽快落实这条建议。']) {
        const res = await citizen.post<{ id: string }>(`/api/v1/public/suggestions/${on}/comments`, { body });
        ids.push(res.body.id);
      }
      const pending = await c.get<Queue>('/api/v1/ideas/comments?status=pending&pageSize=100');
      const [first, second] = ids.map((id) => pending.body.items.find((i) => i.id === id)!);
      expect(first!.actions, role).toEqual({ publish: true, hide: true });
      const moderate = (id: string, body: unknown) => c.post(`/api/v1/ideas/comments/${id}/moderate`, body);
      expect((await moderate(first!.id, { decision: 'publish' })).status, role).toBe(200);
      expect((await moderate(second!.id, { decision: 'hide', reason: '重复' })).status, role).toBe(200);
      const published = await c.get<Queue>('/api/v1/ideas/comments?status=published&pageSize=100');
      expect(published.body.items.find((i) => i.id === first!.id)!.actions).toEqual({
        publish: false,
        hide: true,
      });
    }
  });

  it('records events and corrects those offered; another town’s is not offered to its organiser', async () => {
    type Events = {
      items: Array<{ id: string; actions: { update: boolean } }>;
      actions: { create: boolean };
    };
    const event = (organiserUnitId: string) => ({
      kind: 'symposium',
      title: '动作检查座谈会',
      heldOn: '2020-05-10',
      organiserUnitId,
    });
    const theirs = await office.post<{ id: string }>('/api/v1/ideas/events', event(other));
    for (const [role, c] of Object.entries({ organiser, district, office })) {
      const list = await c.get<Events>('/api/v1/ideas/events');
      expect(list.body.actions.create, role).toBe(true);
      const made = await c.post<{ id: string }>('/api/v1/ideas/events', event(own));
      expect(made.status, role).toBe(201);
      const listed = (await c.get<Events>('/api/v1/ideas/events')).body.items;
      for (const e of listed.filter((x) => x.actions.update).slice(0, 5))
        expect((await c.patch(`/api/v1/ideas/events/${e.id}`, { place: '会议室' })).status, role).toBe(200);
      const elsewhere = listed.find((e) => e.id === theirs.body.id)!;
      expect(elsewhere.actions.update, role).toBe(role !== 'organiser');
    }
    expect((await organiser.patch(`/api/v1/ideas/events/${theirs.body.id}`, { place: '别处' })).status).toBe(
      404,
    );
  });

  it('assigns reviewers and scores when offered', async () => {
    const results = await office.get<{ actions: { assign: boolean } }>('/api/v1/ideas/reviews/results');
    expect(results.body.actions.assign).toBe(true);
    expect((await office.post('/api/v1/ideas/shortlist/apply', { replace: true })).status).toBe(200);
    expect((await office.post('/api/v1/ideas/reviews/assign', { k: 3 })).status).toBe(200);
    const mine = await expert.get<{ items: Array<{ suggestionId: string; actions: { score: boolean } }> }>(
      '/api/v1/ideas/reviews/mine',
    );
    const item = mine.body.items.find((i) => i.actions.score)!;
    const scores = { value: 8, feasibility: 7, innovation: 6, benefit: 9 };
    expect((await expert.put(`/api/v1/ideas/reviews/${item.suggestionId}`, { scores })).status).toBe(200);
    // One a published list holds is not offered, and its scores are refused.
    const listed = await onPublishedIdeaLists(t.database.db);
    const closed = mine.body.items.find((i) => listed.has(i.suggestionId))!;
    expect(closed.actions.score).toBe(false);
    expect((await expert.put(`/api/v1/ideas/reviews/${closed.suggestionId}`, { scores })).status).toBe(422);
  });

  it('adopts when offered, and reports progress only on the actions offered', async () => {
    type Adopted = {
      items: Array<{ id: string; actions: { progress: boolean } }>;
      actions: { adopt: boolean };
    };
    // Only a screened, accepted suggestion is adopted.
    const accepted = async () => {
      const id = await fresh(own);
      await office.post(`/api/v1/ideas/suggestions/${id}/screen`, { decision: 'accept' });
      return id;
    };
    const adopt = async (c: TestClient, ownerCode: string) =>
      c.post<{ id: string }>('/api/v1/ideas/actions', {
        suggestionId: await accepted(),
        title: '开通高铁站公交专线',
        ownerUnitId: await unitId(t.database.db, ownerCode),
        dueOn: '2020-12-31',
      });
    expect((await office.get<Adopted>('/api/v1/ideas/actions')).body.actions.adopt).toBe(true);
    const mine = await adopt(office, 'QJ-D01');
    const theirs = await adopt(office, 'QJ-D02');
    expect(mine.status).toBe(201);
    expect((await adopt(dept, 'QJ-D01')).status).toBe(403);
    const listed = (await dept.get<Adopted>('/api/v1/ideas/actions')).body.items;
    const flag = (id: string) => listed.find((a) => a.id === id)!.actions.progress;
    expect(flag(mine.body.id)).toBe(true);
    expect(flag(theirs.body.id)).toBe(false);
    const report = (id: string, status: string) =>
      dept.post(`/api/v1/ideas/actions/${id}/progress`, { status, progress: 100, note: '已完成' });
    expect((await report(theirs.body.id, 'done')).status).toBe(404);
    expect((await report(mine.body.id, 'done')).status).toBe(200);
    // Done: nobody reports on it any more, the office included.
    const after = await office.get<Adopted>('/api/v1/ideas/actions');
    expect(after.body.items.find((a) => a.id === mine.body.id)!.actions.progress).toBe(false);
  });

  it('downloads the dashboard and the survey results when offered', async () => {
    for (const [role, c] of Object.entries(staff())) {
      const stats = await c.get<{ actions: { export: boolean } }>('/api/v1/ideas/stats');
      expect(stats.body.actions.export, role).toBe(true);
      expect((await c.get('/api/v1/ideas/stats/export')).status, role).toBe(200);
      const survey = await c.get<{ actions: { export: boolean } }>('/api/v1/ideas/survey/results');
      expect(survey.body.actions.export, role).toBe(true);
      expect((await c.get('/api/v1/ideas/survey/results/export')).status, role).toBe(200);
    }
  });

  it('sets up campaigns as offered: a new one, an edit, and making one current', async () => {
    type Campaigns = {
      items: Array<{
        id: string;
        code: string;
        isCurrent: boolean;
        actions: { edit: boolean; makeCurrent: boolean };
      }>;
      actions: { create: boolean };
    };
    const list = async () => (await office.get<Campaigns>('/api/v1/ideas/campaigns')).body;
    const before = await list();
    expect(before.actions.create).toBe(true);
    const current = before.items.find((c) => c.isCurrent)!;
    expect(current.actions).toEqual({ edit: true, makeCurrent: false });
    const made = await office.post<{ id: string }>('/api/v1/ideas/campaigns', {
      code: 'actions-2027',
      theme: '动作检查',
      startsOn: '2027-01-01',
      endsOn: '2027-02-01',
      focusAreas: [],
      domains: [{ code: 'a', name: '甲', description: '' }],
      channels: ['online'],
      authorKinds: ['resident'],
      rubric: [{ code: 'value', name: '价值性', weight: 1 }],
      rejectReasons: ['off_topic'],
      listSizes: { golden_idea: 10, good_idea: 10, hard_problem: 10 },
    });
    expect(made.status).toBe(201);
    const next = (await list()).items.find((c) => c.id === made.body.id)!;
    expect(next.actions).toEqual({ edit: true, makeCurrent: true });
    expect((await office.patch(`/api/v1/ideas/campaigns/${next.id}`, { theme: '动作检查二' })).status).toBe(
      200,
    );
    expect((await office.post(`/api/v1/ideas/campaigns/${next.id}/make-current`)).status).toBe(200);
    const back = (await list()).items.find((c) => c.id === current.id)!;
    expect(back.actions.makeCurrent).toBe(true);
    expect((await office.post(`/api/v1/ideas/campaigns/${current.id}/make-current`)).status).toBe(200);
    for (const c of [screener, organiser, district])
      expect((await c.get('/api/v1/ideas/campaigns')).status).toBe(403);
  });
});
