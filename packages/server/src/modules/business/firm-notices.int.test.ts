import { and, like, ne, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInChina } from '../../kernel/deadlines.js';
import type { InboxItem } from '../../kernel/notifications.js';
import { notifications } from '../../kernel/schema.js';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { signedIn } from '../../test-support/factories.js';
import { unitByCode } from '../units/api.js';
import type { RequestDetail } from './contracts-requests.js';
import { businessFirmMembers } from './schema.js';
import type { Problem } from './test-helpers.js';

let t: TestContext;
let firm1: TestClient;
let firmColleague: TestClient;
let firm2: TestClient;
let office: TestClient;
let dept: TestClient;
let d01: string;
let d02: string;
let serial = 0;
/** The requests this file raises; the others in an inbox are the demo's. */
const raisedHere = new Set<string>();

beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users', 'business'] });
  firm1 = await t.as('firm1');
  firm2 = await t.as('firm2');
  office = await t.as('office');
  dept = await t.as('dept');
  d01 = (await unitByCode(t.database.db, 'QJ-D01'))!.id;
  d02 = (await unitByCode(t.database.db, 'QJ-D02'))!.id;
  // A second member of firm1's staff: every member hears of the firm's requests.
  const colleague = await signedIn(t, 'enterprise', (await unitByCode(t.database.db, 'QJ-S03'))!);
  await t.database.db
    .insert(businessFirmMembers)
    .values({ userId: colleague.user.id, firmId: await firmOf() });
  firmColleague = colleague;
});
afterAll(() => t.close());

/** firm1's firm, read from a request its staff raise. */
async function firmOf(): Promise<string> {
  const { id } = await raised();
  return (await firm1.get<RequestDetail>(`/api/v1/business/requests/${id}`)).body.firmId;
}

/** A request with a title of its own (and a phone number in it), so each inbox is read for it. */
async function raised(): Promise<{ id: string; title: string; masked: string }> {
  serial += 1;
  const title = `厂区用电增容咨询${serial}，联系电话13812345678`;
  const res = await firm1.post<RequestDetail>('/api/v1/business/requests', {
    categoryCode: 'approval',
    title,
    body: '我司新厂房需增加用电容量，请问如何申请、多久能办好。',
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  raisedHere.add(res.body.id);
  return { id: res.body.id, title, masked: `厂区用电增容咨询${serial}，联系电话138****5678` };
}

/** The messages about request `id` in the client's inbox, oldest first. */
async function about(client: TestClient, id: string): Promise<InboxItem[]> {
  const res = await client.get<InboxItem[]>('/api/v1/inbox');
  expect(res.status).toBe(200);
  return res.body.filter((n) => n.params.requestId === id).reverse();
}
const keys = async (client: TestClient, id: string) => (await about(client, id)).map((n) => n.key);

async function route(id: string, departmentId: string) {
  const res = await office.post<RequestDetail>(`/api/v1/business/requests/${id}/route`, { departmentId });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

describe('what the firm’s staff are told of their request', () => {
  it('who holds it and by when, on routing and re-routing, by department name, with the request to open', async () => {
    const { id, title, masked } = await raised();
    const routed = await route(id, d01);
    for (const staff of [firm1, firmColleague]) {
      const [notice, ...rest] = await about(staff, id);
      expect(rest).toEqual([]);
      expect(notice!.key).toBe('business.notice.firmRouted');
      // The department by name, the due date, the request to open; nothing of a person.
      expect(notice!.params).toEqual({
        requestId: id,
        title: masked,
        department: '区发展改革委',
        dueOn: routed.dueOn,
      });
      expect(JSON.stringify(notice)).not.toContain('13812345678');
      expect(JSON.stringify(notice)).not.toContain(title);
    }
    expect(await keys(firm2, id)).toEqual([]);
    expect(await keys(dept, id)).toEqual(['business.notice.routed']);

    const rerouted = await route(id, d02);
    const notices = await about(firm1, id);
    expect(notices.map((n) => n.key)).toEqual(['business.notice.firmRouted', 'business.notice.firmRerouted']);
    expect(notices[1]!.params).toEqual({
      requestId: id,
      title: masked,
      department: '区经济信息委',
      dueOn: rerouted.dueOn,
    });
    expect(await keys(firm2, id)).toEqual([]);
  });

  it('has the demo’s messages name their request too, which their reader opens', async () => {
    // Every message about a request the demo seeded names it, as the commands' do.
    const unnamed = await t.database.db
      .select({ key: notifications.key })
      .from(notifications)
      .where(
        and(
          like(notifications.key, 'business.notice.%'),
          ne(notifications.key, 'business.notice.visitsOverdue'),
          sql`${notifications.params}->>'requestId' is null`,
        ),
      );
    expect(unnamed).toEqual([]);
    const inbox = await dept.get<InboxItem[]>('/api/v1/inbox');
    const demo = inbox.body.filter(
      (n) => n.key === 'business.notice.routed' && !raisedHere.has(String(n.params.requestId)),
    );
    expect(demo.length).toBeGreaterThan(0);
    for (const n of demo.slice(0, 3))
      expect((await dept.get(`/api/v1/business/requests/${n.params.requestId}`)).status).toBe(200);
  });

  it('is told nothing when the routing fails', async () => {
    const { id } = await raised();
    await route(id, d01);
    const again = await office.post<Problem>(`/api/v1/business/requests/${id}/route`, { departmentId: d01 });
    expect(again.status).toBe(409);
    const byDept = await dept.post<Problem>(`/api/v1/business/requests/${id}/route`, { departmentId: d02 });
    expect(byDept.status).not.toBe(200);
    expect(await keys(firm1, id)).toEqual(['business.notice.firmRouted']);
  });

  it('that an approved extension moved the deadline, from which day to which; not of a refused one', async () => {
    const { id, masked } = await raised();
    const routed = await route(id, d01);
    const ask = async (workdays: number) => {
      const res = await dept.post<RequestDetail>(`/api/v1/business/requests/${id}/extensions`, {
        workdays,
        reason: '需现场核实',
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body.extensions.find((e) => e.status === 'pending')!.id;
    };
    const decide = (extId: string, approve: boolean) =>
      office.post<RequestDetail>(`/api/v1/business/extensions/${extId}/decision`, { approve, note: '已阅' });

    const first = await ask(3);
    const approved = await decide(first, true);
    expect(approved.status).toBe(200);
    expect(approved.body.dueOn).not.toBe(routed.dueOn);
    const [, extended] = await about(firm1, id);
    expect(extended!.key).toBe('business.notice.firmExtended');
    expect(extended!.params).toEqual({
      requestId: id,
      title: masked,
      department: '区发展改革委',
      dueBefore: routed.dueOn,
      dueOn: approved.body.dueOn,
    });
    // Deciding it again is refused, and tells no one anything.
    expect((await decide(first, true)).status).toBe(422);

    expect((await decide(await ask(2), false)).status).toBe(200);
    expect(await keys(firmColleague, id)).toEqual([
      'business.notice.firmRouted',
      'business.notice.firmExtended',
    ]);
    expect(await keys(firm2, id)).toEqual([]);
  });

  describe('the outcome of the department’s appeal of the firm’s bad rating', () => {
    /** A request routed to d01, answered and rated 1 by the firm: the rating the department appeals. */
    async function badlyRated() {
      const { id, masked } = await raised();
      await route(id, d01);
      const answered = await dept.post<RequestDetail>(`/api/v1/business/requests/${id}/answer`, {
        body: '增容申请材料清单已发送。',
      });
      expect(answered.status, JSON.stringify(answered.body)).toBe(200);
      const rated = await firm1.post<RequestDetail>(
        `/api/v1/business/answers/${answered.body.answers[0]!.id}/rating`,
        { score: 1 },
      );
      expect(rated.status, JSON.stringify(rated.body)).toBe(200);
      return { id, masked, rated: rated.body };
    }
    async function appealDecided(rated: RequestDetail, upheld: boolean) {
      const appealed = await dept.post<RequestDetail>(
        `/api/v1/business/ratings/${rated.answers[0]!.rating!.id}/appeal`,
        { reason: '答复已完整回应诉求' },
      );
      expect(appealed.status, JSON.stringify(appealed.body)).toBe(200);
      const appealId = appealed.body.answers[0]!.rating!.appeal!.id;
      const decided = await office.post(`/api/v1/business/appeals/${appealId}/decision`, {
        upheld,
        note: '经核实',
      });
      expect(decided.status, JSON.stringify(decided.body)).toBe(200);
      return appealId;
    }
    const last = async (client: TestClient, id: string) => (await about(client, id)).at(-1)!;

    it('upheld while the rectification is open: it is withdrawn and the request closed', async () => {
      const { id, masked, rated } = await badlyRated();
      expect(rated.status).toBe('rectifying');
      const appealId = await appealDecided(rated, true);
      expect((await firm1.get<RequestDetail>(`/api/v1/business/requests/${id}`)).body.status).toBe('closed');
      for (const staff of [firm1, firmColleague]) {
        const notice = await last(staff, id);
        expect(notice.key).toBe('business.notice.firmAppealUpheldClosed');
        // The department by name; neither side's reasons nor anything of a person.
        expect(notice.params).toEqual({ requestId: id, title: masked, department: '区发展改革委' });
      }
      expect(await keys(firm2, id)).toEqual([]);
      // Deciding it again is refused, and tells the firm nothing more.
      const again = await office.post<Problem>(`/api/v1/business/appeals/${appealId}/decision`, {
        upheld: false,
        note: '再议',
      });
      expect(again.status).toBe(422);
      expect((await last(firm1, id)).key).toBe('business.notice.firmAppealUpheldClosed');
    });

    it('upheld after the rectification was done: the rating no longer counts', async () => {
      const { id, rated } = await badlyRated();
      const rect = rated.rectifications[0]!;
      const visitedOn = todayInChina(new Date(rated.timeline.at(-1)!.at));
      expect(
        (await dept.post(`/api/v1/business/rectifications/${rect.id}/visit`, { visitedOn, note: '回访' }))
          .status,
      ).toBe(200);
      expect(
        (await dept.post(`/api/v1/business/rectifications/${rect.id}/result`, { body: '已重新办理。' }))
          .status,
      ).toBe(200);
      await appealDecided(rated, true);
      expect((await keys(firm1, id)).slice(-2)).toEqual([
        'business.notice.rectified',
        'business.notice.firmAppealUpheld',
      ]);
    });

    it('dismissed: the firm’s rating stands, and the rectification goes on', async () => {
      const { id, masked, rated } = await badlyRated();
      await appealDecided(rated, false);
      expect((await firm1.get<RequestDetail>(`/api/v1/business/requests/${id}`)).body.status).toBe(
        'rectifying',
      );
      expect(await keys(firm1, id)).toEqual([
        'business.notice.firmRouted',
        'business.notice.answered',
        'business.notice.firmAppealDismissed',
      ]);
      expect((await last(firmColleague, id)).params).toEqual({
        requestId: id,
        title: masked,
        department: '区发展改革委',
      });
      expect(await keys(firm2, id)).toEqual([]);
    });
  });
});
