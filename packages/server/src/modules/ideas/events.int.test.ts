import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { ideaEvents, ideaParticipations, ideaSuggestions } from './schema.js';
import { auditRows, sampleSuggestion, scopeTowns, unitId } from './test-helpers.js';

type Figure = { kind: string; events: number; attendance: number; suggestions: number };
type Detail = {
  id: string;
  kind: string;
  attendanceCount: number;
  attendees: string[] | null;
  minutes: string;
  suggestionIds: string[];
  actions: { update: boolean };
};
type SuggestionPage = {
  total: number;
  items: Array<{ id: string; title: string; status: string; townName: string | null; public: boolean }>;
};
type Problem = { code: string; title: string; errors?: Array<{ path: string; code: string }> };

let t: TestContext;
let own: string;
let district: string;
let office: TestClient;
let organiser: TestClient;
beforeAll(async () => {
  t = await createTestContext();
  ({ own } = await scopeTowns(t.database.db));
  district = await unitId(t.database.db, 'QJ');
  office = await t.as('office');
  organiser = await t.as('organiser');
});
afterAll(() => t.close());

const figures = async (c: TestClient) =>
  (await c.get<{ byEventKind: Figure[] }>('/api/v1/ideas/stats')).body.byEventKind;
const figure = (all: Figure[], kind: string) => all.find((f) => f.kind === kind)!;

/** What a refused write might have left: every event row and every attendance row. */
const snapshot = async () => ({
  events: await t.database.db.select().from(ideaEvents).orderBy(ideaEvents.id),
  attendance: (
    await t.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(ideaParticipations)
      .where(eq(ideaParticipations.kind, 'attendance'))
  )[0]!.n,
});

describe('走出去 and 请回来 events', () => {
  it('records an event of each kind with its minutes and attendees, audited', async () => {
    const res = await organiser.post<Detail>('/api/v1/ideas/events', {
      kind: 'going_out',
      title: '走进城西商圈听商户心声',
      heldOn: '2026-08-01',
      place: '城西商圈',
      organiserUnitId: own,
      attendanceCount: 26,
      attendees: ['城西街道党工委', '商户代表（20户）', '区商务委'],
      minutes: '商户建议延长夜市营业时间。',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      kind: 'going_out',
      attendanceCount: 26,
      minutes: '商户建议延长夜市营业时间。',
    });
    expect(res.body.attendees).toEqual(['城西街道党工委', '商户代表（20户）', '区商务委']);
    const [created] = await auditRows(t.database.db, 'event.create', res.body.id);
    expect(created?.after).toMatchObject({ kind: 'going_out', attendanceCount: 26 });

    const back = await office.post<Detail>('/api/v1/ideas/events', {
      kind: 'inviting_back',
      title: '请回来：在外黔江籍医生座谈会',
      heldOn: '2026-09-01',
      organiserUnitId: district,
      attendees: ['在外黔江籍医生', '区卫生健康委'],
    });
    expect(back.status).toBe(201);
    // Without a count, the lines of the list are counted.
    expect(back.body.attendanceCount).toBe(2);
    const changed = await office.patch<Detail>(`/api/v1/ideas/events/${back.body.id}`, {
      kind: 'symposium',
      minutes: '医生们建议建设区域医疗中心。',
    });
    expect(changed.body).toMatchObject({ kind: 'symposium', minutes: '医生们建议建设区域医疗中心。' });
    const [updated] = await auditRows(t.database.db, 'event.update', back.body.id);
    expect(updated?.before).toMatchObject({ kind: 'inviting_back' });
    expect(updated?.after).toMatchObject({ kind: 'symposium' });
  });

  it('gives an event its page: an organiser reads another unit’s event, masked and without edit', async () => {
    const res = await office.post<Detail>('/api/v1/ideas/events', {
      kind: 'inviting_back',
      title: '请回来：在外黔江籍企业家恳谈会',
      heldOn: '2026-09-12',
      organiserUnitId: district,
      attendanceCount: 30,
      attendees: ['联系人 13812345678', '王小明', '区商务委'],
      minutes: '会后请致电13912345678确认。',
    });
    const mine = await office.get<Detail>(`/api/v1/ideas/events/${res.body.id}`);
    expect(mine.body.actions.update).toBe(true);
    expect(mine.body.attendees).toEqual(['联系人 13812345678', '王小明', '区商务委']);
    const theirs = await organiser.get<Detail>(`/api/v1/ideas/events/${res.body.id}`);
    expect(theirs.status).toBe(200);
    expect(theirs.body.actions.update).toBe(false);
    // Another street's organiser reads no attendee's name (nor number): each line as a masked name.
    expect(theirs.body.attendees).toEqual(['联**************', '王**', '区***']);
    expect(theirs.body.minutes).toBe('会后请致电139****5678确认。');
    const listed = await organiser.get<{ items: Detail[] }>('/api/v1/ideas/events');
    expect(listed.body.items.find((e) => e.id === res.body.id)?.attendees).toEqual([
      '联**************',
      '王**',
      '区***',
    ]);
    // The office's event is not the organiser's to change.
    expect((await organiser.patch(`/api/v1/ideas/events/${res.body.id}`, { place: '别处' })).status).toBe(
      404,
    );
    // The audit log, read district-wide, masks the attendees as the other units' organisers read them.
    const logged = await office.get<{ items: Array<{ action: string; after: Detail }> }>(
      `/api/v1/audit/events?entityType=event&entityId=${res.body.id}`,
    );
    const created = logged.body.items.find((e) => e.action === 'event.create')!;
    expect(created.after.attendees).toEqual(['联**************', '王**', '区***']);
    expect(JSON.stringify(logged.body.items)).not.toContain('王小明');
    for (const login of ['screener', 'citizen']) {
      const c = await t.as(login);
      expect((await c.get(`/api/v1/ideas/events/${res.body.id}`)).status, login).toBe(403);
      expect((await c.get(`/api/v1/ideas/events/${res.body.id}/suggestions`)).status, login).toBe(403);
    }
  });

  it('pages the suggestions collected at an event, titles masked, saying which are public', async () => {
    const event = await organiser.post<Detail>('/api/v1/ideas/events', {
      kind: 'going_out',
      title: '走进西山社区院坝会',
      heldOn: '2026-08-08',
      organiserUnitId: own,
      attendanceCount: 40,
    });
    const ids: string[] = [];
    for (let n = 0; n < 3; n++) {
      const s = await organiser.post<{ id: string }>('/api/v1/ideas/suggestions', {
        ...sampleSuggestion(own, 300 + n),
        title: n === 0 ? '院坝会建议请联系13712345678' : `院坝会建议增设路灯${n}`,
        channel: 'event',
        eventId: event.body.id,
      });
      expect(s.status).toBe(201);
      ids.push(s.body.id);
    }
    await organiser.post(`/api/v1/ideas/suggestions/${ids[1]}/screen`, { decision: 'accept' });
    const first = await organiser.get<SuggestionPage>(
      `/api/v1/ideas/events/${event.body.id}/suggestions?page=1&pageSize=2`,
    );
    expect(first.status).toBe(200);
    expect(first.body.total).toBe(3);
    expect(first.body.items).toHaveLength(2);
    const second = await office.get<SuggestionPage>(
      `/api/v1/ideas/events/${event.body.id}/suggestions?page=2&pageSize=2`,
    );
    const all = [...first.body.items, ...second.body.items];
    expect(all.map((s) => s.id).sort()).toEqual([...ids].sort());
    expect(all.find((s) => s.id === ids[0])?.title).toBe('院坝会建议请联系137****5678');
    expect(all.find((s) => s.id === ids[1])).toMatchObject({
      status: 'accepted',
      public: true,
      townName: '城西街道',
    });
    expect(all.find((s) => s.id === ids[2])).toMatchObject({ status: 'submitted', public: false });
    const read = await organiser.get<Detail>(`/api/v1/ideas/events/${event.body.id}`);
    expect(read.body.suggestionIds.sort()).toEqual([...ids].sort());
  });

  it('counts each kind’s events, attendance and suggestions on the dashboard, an organiser’s own units only', async () => {
    const [districtBefore, ownBefore] = [await figures(office), await figures(organiser)];
    expect(districtBefore.map((f) => f.kind)).toEqual([
      'symposium',
      'speech',
      'visit',
      'forum',
      'going_out',
      'inviting_back',
    ]);
    // The demo's 走出去 and 请回来 events have collected suggestions.
    expect(figure(districtBefore, 'going_out').suggestions).toBeGreaterThan(0);
    expect(figure(districtBefore, 'inviting_back').events).toBeGreaterThan(0);
    const ownEvent = await organiser.post<Detail>('/api/v1/ideas/events', {
      kind: 'inviting_back',
      title: '请回来：返乡大学生座谈会',
      heldOn: '2026-08-20',
      organiserUnitId: own,
      attendanceCount: 15,
    });
    await organiser.post('/api/v1/ideas/suggestions', {
      ...sampleSuggestion(own, 400),
      channel: 'homecoming',
      eventId: ownEvent.body.id,
    });
    await office.post('/api/v1/ideas/events', {
      kind: 'inviting_back',
      title: '请回来：在外乡贤恳谈会',
      heldOn: '2026-08-21',
      organiserUnitId: district,
      attendanceCount: 50,
    });
    const [districtAfter, ownAfter] = [await figures(office), await figures(organiser)];
    const delta = (a: Figure[], b: Figure[]) => {
      const [x, y] = [figure(a, 'inviting_back'), figure(b, 'inviting_back')];
      return {
        events: y.events - x.events,
        attendance: y.attendance - x.attendance,
        suggestions: y.suggestions - x.suggestions,
      };
    };
    expect(delta(districtBefore, districtAfter)).toEqual({ events: 2, attendance: 65, suggestions: 1 });
    expect(delta(ownBefore, ownAfter)).toEqual({ events: 1, attendance: 15, suggestions: 1 });
    expect(figure(ownAfter, 'inviting_back').events).toBeLessThan(
      figure(districtAfter, 'inviting_back').events,
    );
    const book = await office.get<Uint8Array>('/api/v1/ideas/stats/export');
    expect(book.status).toBe(200);
  });
});

describe('bad event input is refused, translated, and writes nothing', () => {
  const valid = () => ({ kind: 'going_out', title: '走进企业', heldOn: '2026-08-01', organiserUnitId: own });
  const cases: Array<[string, () => Record<string, unknown>, string, string]> = [
    ['an unknown kind', () => ({ ...valid(), kind: 'picnic' }), 'kind', 'invalid_value'],
    [
      'an attendee line too long',
      () => ({ ...valid(), attendees: ['单'.repeat(61)] }),
      'attendees.0',
      'too_big',
    ],
    ['minutes too long', () => ({ ...valid(), minutes: '纪'.repeat(20_001) }), 'minutes', 'too_big'],
    ['a negative count', () => ({ ...valid(), attendanceCount: -1 }), 'attendanceCount', 'too_small'],
    [
      'an unknown organiser',
      () => ({ ...valid(), organiserUnitId: crypto.randomUUID() }),
      'organiserUnitId',
      'not_found',
    ],
  ];
  it.each(cases)('on create: %s', async (_name, body, path, code) => {
    const before = await snapshot();
    const zh = await organiser.request<Problem>('POST', '/api/v1/ideas/events', body());
    const en = await organiser.request<Problem>('POST', '/api/v1/ideas/events', body(), {
      'accept-language': 'en',
    });
    for (const res of [zh, en]) {
      expect(res.status).toBe(400);
      expect(res.body.errors).toContainEqual(expect.objectContaining({ path, code }));
    }
    expect(zh.body.title).toBe('提交的内容有误');
    expect(en.body.title).toBe('The request is invalid');
    expect(await snapshot()).toEqual(before);
  });

  it('on update, and an unknown event is not found', async () => {
    const made = await organiser.post<Detail>('/api/v1/ideas/events', { ...valid(), attendanceCount: 5 });
    const before = await snapshot();
    for (const body of [{ kind: 'picnic' }, { attendees: ['单'.repeat(61)] }, { attendanceCount: 1.5 }]) {
      expect((await organiser.patch(`/api/v1/ideas/events/${made.body.id}`, body)).status).toBe(400);
    }
    const unknown = crypto.randomUUID();
    expect((await organiser.patch(`/api/v1/ideas/events/${unknown}`, { title: '改名' })).status).toBe(404);
    expect((await organiser.get(`/api/v1/ideas/events/${unknown}`)).status).toBe(404);
    expect((await organiser.get(`/api/v1/ideas/events/${unknown}/suggestions`)).status).toBe(404);
    expect((await organiser.get(`/api/v1/ideas/events/${made.body.id}/suggestions?pageSize=0`)).status).toBe(
      400,
    );
    expect(await snapshot()).toEqual(before);
  });

  it('a suggestion naming an event that is not the campaign’s', async () => {
    const suggestions = async () =>
      (await t.database.db.select({ n: sql<number>`count(*)::int` }).from(ideaSuggestions))[0]!.n;
    const before = await suggestions();
    const res = await organiser.post<Problem>('/api/v1/ideas/suggestions', {
      ...sampleSuggestion(own, 500),
      channel: 'outreach',
      eventId: crypto.randomUUID(),
    });
    expect(res.status).toBe(400);
    expect(res.body.errors).toContainEqual(expect.objectContaining({ path: 'eventId', code: 'not_found' }));
    expect(await suggestions()).toBe(before);
  });
});
