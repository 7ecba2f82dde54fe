import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInChina } from '../../kernel/deadlines.js';
import type { InboxItem } from '../../kernel/notifications.js';
import { notifications } from '../../kernel/schema.js';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { makeUnit, signedIn } from '../../test-support/factories.js';
import { unitByCode } from '../units/api.js';
import type { RequestDetail } from './contracts-requests.js';
import type { Problem } from './test-helpers.js';

let t: TestContext;
let firm1: TestClient;
let firm2: TestClient;
let office: TestClient;
let dept: TestClient;
let deptColleague: TestClient;
let otherDept: TestClient;
let d01: string;
let serial = 0;

beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users', 'business'] });
  firm1 = await t.as('firm1');
  firm2 = await t.as('firm2');
  office = await t.as('office');
  dept = await t.as('dept');
  const d01Unit = (await unitByCode(t.database.db, 'QJ-D01'))!;
  d01 = d01Unit.id;
  deptColleague = await signedIn(t, 'department_staff', d01Unit);
  otherDept = await signedIn(t, 'department_staff', (await unitByCode(t.database.db, 'QJ-D02'))!);
});
afterAll(() => t.close());

/** A request with a title of its own, so each inbox is read for this request's messages only. */
async function raised(): Promise<{ id: string; title: string }> {
  serial += 1;
  const title = `设备进口免税手续咨询${serial}`;
  const res = await firm1.post<RequestDetail>('/api/v1/business/requests', {
    categoryCode: 'approval',
    title,
    body: '我司拟进口一批生产设备，请问免税手续如何办理、需要多长时间。',
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { id: res.body.id, title };
}

/** The keys of the messages about `title` in the client's inbox, oldest first. */
async function keysAbout(client: TestClient, title: string): Promise<string[]> {
  const res = await client.get<InboxItem[]>('/api/v1/inbox');
  expect(res.status).toBe(200);
  return res.body
    .filter((n) => n.params.title === title)
    .map((n) => n.key)
    .reverse();
}

async function about(client: TestClient, title: string, key: string): Promise<InboxItem> {
  const res = await client.get<InboxItem[]>('/api/v1/inbox');
  const item = res.body.find((n) => n.params.title === title && n.key === key);
  expect(item, `${key} about ${title}`).toBeDefined();
  return item!;
}

const total = async () => (await t.database.db.select({ n: count() }).from(notifications))[0]!.n;

const webText = (locale: string) =>
  JSON.parse(
    readFileSync(join(import.meta.dirname, `../../../../web/src/i18n/${locale}/business.json`), 'utf8'),
  ) as { notice: Record<string, string> };

async function route(id: string) {
  const res = await office.post<RequestDetail>(`/api/v1/business/requests/${id}/route`, {
    departmentId: d01,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

async function answer(id: string): Promise<string> {
  const res = await dept.post<RequestDetail>(`/api/v1/business/requests/${id}/answer`, {
    body: '免税手续材料清单已发送，请按清单准备。',
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.answers[0]!.id;
}

describe('messages about a firm’s request', () => {
  it('tells the department’s staff of a routing, and the firm’s staff of the answer', async () => {
    const { id, title } = await raised();
    await route(id);
    for (const staff of [dept, deptColleague])
      expect(await keysAbout(staff, title)).toEqual(['business.notice.routed']);
    for (const other of [otherDept, office, firm2]) expect(await keysAbout(other, title)).toEqual([]);
    expect(await keysAbout(firm1, title)).toEqual(['business.notice.firmRouted']);
    const routed = await about(dept, title, 'business.notice.routed');
    expect(routed.params).toMatchObject({ requestId: id, title, department: '区发展改革委' });
    expect(routed.readAt).toBeNull();

    await answer(id);
    expect(await keysAbout(firm1, title)).toEqual(['business.notice.firmRouted', 'business.notice.answered']);
    expect((await about(firm1, title, 'business.notice.answered')).params).toMatchObject({
      requestId: id,
      department: '区发展改革委',
    });
    expect(await keysAbout(firm2, title)).toEqual([]);
    expect(await keysAbout(dept, title)).toEqual(['business.notice.routed']);
  });

  it('tells the staff granted at a unit above the department, who act on its requests too', async () => {
    // A section of 区发展改革委: its own staff and those of the commission both act on its requests.
    const parent = (await unitByCode(t.database.db, 'QJ-D01'))!;
    const section = await makeUnit(t, { parent, kind: 'department', name: '区发展改革委投资科' });
    const sectionStaff = await signedIn(t, 'department_staff', section);
    const { id, title } = await raised();
    const res = await office.post<RequestDetail>(`/api/v1/business/requests/${id}/route`, {
      departmentId: section.id,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    for (const staff of [sectionStaff, dept, deptColleague])
      expect(await keysAbout(staff, title)).toEqual(['business.notice.routed']);
    expect(await keysAbout(otherDept, title)).toEqual([]);
    // And the staff above may act on it, as told.
    expect((await dept.get(`/api/v1/business/requests/${id}`)).status).toBe(200);
  });

  it('tells the department of extension decisions, a bad rating and the appeal’s decision', async () => {
    const { id, title } = await raised();
    await route(id);
    const ask = async () => {
      const res = await dept.post<RequestDetail>(`/api/v1/business/requests/${id}/extensions`, {
        workdays: 2,
        reason: '需现场核实',
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body.extensions.find((e) => e.status === 'pending')!.id;
    };
    const decide = (extId: string, approve: boolean) =>
      office.post<RequestDetail>(`/api/v1/business/extensions/${extId}/decision`, { approve, note: '已阅' });
    expect((await decide(await ask(), true)).status).toBe(200);
    const refused = await decide(await ask(), false);
    expect(refused.status).toBe(200);
    expect(await keysAbout(deptColleague, title)).toEqual([
      'business.notice.routed',
      'business.notice.extensionApproved',
      'business.notice.extensionRefused',
    ]);
    expect((await about(dept, title, 'business.notice.extensionRefused')).params.dueOn).toBe(
      refused.body.dueOn,
    );
    expect(await keysAbout(otherDept, title)).toEqual([]);
    expect(await keysAbout(firm1, title)).toEqual([
      'business.notice.firmRouted',
      'business.notice.firmExtended',
    ]);

    const answerId = await answer(id);
    const rated = await firm1.post<RequestDetail>(`/api/v1/business/answers/${answerId}/rating`, {
      score: 2,
    });
    expect(rated.status, JSON.stringify(rated.body)).toBe(200);
    const bad = await about(dept, title, 'business.notice.ratedBad');
    expect(bad.params).toMatchObject({ score: 2, dueOn: rated.body.dueOn, department: '区发展改革委' });
    expect(await keysAbout(otherDept, title)).toEqual([]);

    const ratingId = rated.body.answers[0]!.rating!.id;
    const appealed = await dept.post<RequestDetail>(`/api/v1/business/ratings/${ratingId}/appeal`, {
      reason: '答复已完整回应诉求',
    });
    expect(appealed.status, JSON.stringify(appealed.body)).toBe(200);
    const decided = await office.post(
      `/api/v1/business/appeals/${appealed.body.answers[0]!.rating!.appeal!.id}/decision`,
      {
        upheld: false,
        note: '评价有据',
      },
    );
    expect(decided.status).toBe(200);
    expect((await keysAbout(dept, title)).slice(-2)).toEqual([
      'business.notice.ratedBad',
      'business.notice.appealDismissed',
    ]);
    expect(await keysAbout(firm1, title)).toEqual([
      'business.notice.firmRouted',
      'business.notice.firmExtended',
      'business.notice.answered',
      'business.notice.firmAppealDismissed',
    ]);

    // The rectification's result goes to the firm's staff, not to the department.
    const rect = rated.body.rectifications[0]!;
    await dept.post(`/api/v1/business/rectifications/${rect.id}/visit`, {
      visitedOn: todayInChina(new Date(rated.body.timeline.at(-1)!.at)),
      note: '上门回访',
    });
    const done = await dept.post(`/api/v1/business/rectifications/${rect.id}/result`, {
      body: '已重新办理。',
    });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(await keysAbout(firm1, title)).toEqual([
      'business.notice.firmRouted',
      'business.notice.firmExtended',
      'business.notice.answered',
      'business.notice.firmAppealDismissed',
      'business.notice.rectified',
    ]);
    expect((await keysAbout(dept, title)).at(-1)).toBe('business.notice.appealDismissed');
    expect(await keysAbout(firm2, title)).toEqual([]);
  });

  it('tells the department of an upheld appeal, and of no good rating', async () => {
    const good = await raised();
    await route(good.id);
    expect(
      (await firm1.post(`/api/v1/business/answers/${await answer(good.id)}/rating`, { score: 4 })).status,
    ).toBe(200);
    expect(await keysAbout(dept, good.title)).toEqual(['business.notice.routed']);

    const { id, title } = await raised();
    await route(id);
    const rated = await firm1.post<RequestDetail>(`/api/v1/business/answers/${await answer(id)}/rating`, {
      score: 1,
    });
    const appealed = await dept.post<RequestDetail>(
      `/api/v1/business/ratings/${rated.body.answers[0]!.rating!.id}/appeal`,
      { reason: '恶意差评' },
    );
    const upheld = await office.post(
      `/api/v1/business/appeals/${appealed.body.answers[0]!.rating!.appeal!.id}/decision`,
      {
        upheld: true,
        note: '经核实属恶意差评',
      },
    );
    expect(upheld.status).toBe(200);
    // The appeal withdrew the open rectification: the department hears the request is closed.
    expect(await keysAbout(deptColleague, title)).toEqual([
      'business.notice.routed',
      'business.notice.ratedBad',
      'business.notice.appealUpheldClosed',
    ]);
    expect(await keysAbout(otherDept, title)).toEqual([]);
    expect(await keysAbout(firm1, title)).toEqual([
      'business.notice.firmRouted',
      'business.notice.answered',
      'business.notice.firmAppealUpheldClosed',
    ]);
  });

  it('delivers nothing when a command fails', async () => {
    const { id } = await raised();
    const town = (await unitByCode(t.database.db, 'QJ-T01'))!.id;
    const before = await total();
    const notDept = await office.post<Problem>(`/api/v1/business/requests/${id}/route`, {
      departmentId: town,
    });
    expect(notDept.status).toBe(400);
    // Only the office routes; the department cannot answer what is not routed to it.
    expect((await dept.post(`/api/v1/business/requests/${id}/route`, { departmentId: d01 })).status).not.toBe(
      200,
    );
    expect((await dept.post(`/api/v1/business/requests/${id}/answer`, { body: '答复' })).status).not.toBe(
      200,
    );
    await route(id);
    const routedCount = await total();
    // The department's two staff, and the firm's one.
    expect(routedCount).toBe(before + 3);
    const answerId = await answer(id);
    await firm1.post(`/api/v1/business/answers/${answerId}/rating`, { score: 1 });
    const afterRating = await total();
    const again = await firm1.post<Problem>(`/api/v1/business/answers/${answerId}/rating`, { score: 2 });
    expect(again.status).toBe(409);
    expect(await total()).toBe(afterRating);
  });

  it('words every message key in zh-CN and en', () => {
    const keys = [
      'routed',
      'firmRouted',
      'firmRerouted',
      'firmRoutedCategoryCorrected',
      'firmReroutedCategoryCorrected',
      'answered',
      'extensionApproved',
      'firmExtended',
      'extensionRefused',
      'ratedBad',
      'rectified',
      'appealUpheld',
      'appealUpheldClosed',
      'appealDismissed',
      'firmAppealUpheld',
      'firmAppealUpheldClosed',
      'firmAppealDismissed',
    ];
    for (const locale of ['zh-CN', 'en']) {
      const notice = webText(locale).notice;
      for (const key of keys) {
        expect(notice[key], `${locale} ${key}`).toMatch(/\{\{title\}\}/);
      }
    }
  });
});
