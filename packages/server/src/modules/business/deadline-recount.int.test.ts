import { and, desc, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { TestClient, TestContext } from '../../test-support/app.js';
import { makeUser } from '../../test-support/factories.js';
import {
  lastRecount,
  type RecountNotice,
  staffAt,
  takeRecountNotices,
  year2027,
} from '../../test-support/year-2027.js';
import { unitByCode } from '../units/api.js';
import type { RequestDetail } from './contracts-requests.js';
import { scorecardRequests } from './queries/scorecard.js';
import {
  businessExtensions,
  businessFirmMembers,
  businessRectifications,
  businessRequestEvents,
  businessRequests,
  type RequestEventKind,
} from './schema.js';
import { noon, raisedRequest, requestParties, routedAs } from './test-helpers.js';

let t: TestContext;
let firm: TestClient;
let office: TestClient;
let dept: TestClient;
let d01: string;
/** A department_staff account granted at the unit above QJ-D01: it acts on QJ-D01's requests too. */
let staffAbove: string;
const made: Record<'passed' | 'running' | 'extended' | 'rectifying' | 'answered', string> = {
  passed: '',
  running: '',
  extended: '',
  rectifying: '',
  answered: '',
};

/** Back-dates the request's latest step of `kind` to `day`, its data's dates with it. */
async function stepOn(id: string, kind: RequestEventKind, day: string, data: Record<string, string>) {
  const { db } = t.database;
  const [step] = await db
    .select()
    .from(businessRequestEvents)
    .where(and(eq(businessRequestEvents.requestId, id), eq(businessRequestEvents.kind, kind)))
    .orderBy(desc(businessRequestEvents.seq))
    .limit(1);
  await db
    .update(businessRequestEvents)
    .set({ createdAt: noon(day), data: { ...step!.data, ...data } })
    .where(eq(businessRequestEvents.id, step!.id));
}

const dueOn = (id: string, due: string) =>
  t.database.db.update(businessRequests).set({ dueOn: due }).where(eq(businessRequests.id, id));

async function routed() {
  const id = await raisedRequest(firm);
  expect((await routedAs(office, id, d01)).status).toBe(200);
  return id;
}

beforeAll(async () => {
  ({ t, firm, office, dept, d01 } = await requestParties());
  const { db } = t.database;
  const above = (await unitByCode(db, 'QJ-D01'))!.path.split('/').filter(Boolean).at(-2)!;
  staffAbove = (await makeUser(t, { roles: [['department_staff', { id: above }]] })).id;
  // Each counted before 2027's notice, Monday to Friday through New Year's Day (1 January 2027 a Friday).
  // Routed on Monday 28 December with 5 working days: due on 4 January, passed by the 6th.
  made.passed = await routed();
  await stepOn(made.passed, 'routed', '2026-12-28', { dueOn: '2027-01-04' });
  await dueOn(made.passed, '2027-01-04');
  // Routed on 31 December with 10 working days: due on 14 January.
  made.running = await routed();
  await stepOn(made.running, 'routed', '2026-12-31', { dueOn: '2027-01-14' });
  await dueOn(made.running, '2027-01-14');
  // Routed on 28 December with 5 working days (4 January), extended by 5 more: due on 11 January.
  made.extended = await routed();
  const asked = await dept.post<RequestDetail>(`/api/v1/business/requests/${made.extended}/extensions`, {
    workdays: 5,
    reason: '需补充现场勘验',
  });
  const extensionId = asked.body.extensions[0]!.id;
  expect(
    (
      await office.post(`/api/v1/business/extensions/${extensionId}/decision`, {
        approve: true,
        note: '同意',
      })
    ).status,
  ).toBe(200);
  await stepOn(made.extended, 'routed', '2026-12-28', { dueOn: '2027-01-04' });
  await stepOn(made.extended, 'extension_requested', '2026-12-30', { dueOn: '2027-01-04' });
  await stepOn(made.extended, 'extension_approved', '2026-12-30', {
    dueBefore: '2027-01-04',
    dueAfter: '2027-01-11',
  });
  await db
    .update(businessExtensions)
    .set({ createdAt: noon('2026-12-30'), dueBefore: '2027-01-04', dueAfter: '2027-01-11' })
    .where(eq(businessExtensions.id, extensionId));
  await dueOn(made.extended, '2027-01-11');
  // Rated badly on 30 December: its rectification due 15 working days later, on 20 January.
  made.rectifying = await routed();
  const answer = await dept.post<RequestDetail>(`/api/v1/business/requests/${made.rectifying}/answer`, {
    body: '已答复企业。',
  });
  expect(
    (await firm.post(`/api/v1/business/answers/${answer.body.answers[0]!.id}/rating`, { score: 1 })).status,
  ).toBe(200);
  await stepOn(made.rectifying, 'rectification_opened', '2026-12-30', { dueOn: '2027-01-20' });
  await db
    .update(businessRectifications)
    .set({ createdAt: noon('2026-12-30'), dueOn: '2027-01-20' })
    .where(eq(businessRectifications.requestId, made.rectifying));
  await dueOn(made.rectifying, '2027-01-20');
  // Routed on 31 December, due on 14 January, answered: its date is history.
  made.answered = await routed();
  await dept.post(`/api/v1/business/requests/${made.answered}/answer`, { body: '已答复企业。' });
  await stepOn(made.answered, 'routed', '2026-12-31', { dueOn: '2027-01-14' });
  await dueOn(made.answered, '2027-01-14');
});
afterEach(() => {
  vi.useRealTimers();
});
// Closing the database takes the years it loaded out of the process's calendar.
afterAll(() => t.close());

/** The office's client at noon of `day` in China (the day the calendar changes). */
async function officeOn(day: string) {
  vi.useFakeTimers({ toFake: ['Date'], now: noon(day) });
  return t.as('office');
}

async function dates() {
  const { db } = t.database;
  const requests = new Map(
    (await db.select({ id: businessRequests.id, dueOn: businessRequests.dueOn }).from(businessRequests)).map(
      (r) => [r.id, r.dueOn],
    ),
  );
  const stepDue = async (id: string, kind: RequestEventKind, key: string) => {
    const [step] = await db
      .select({ data: businessRequestEvents.data })
      .from(businessRequestEvents)
      .where(and(eq(businessRequestEvents.requestId, id), eq(businessRequestEvents.kind, kind)))
      .orderBy(desc(businessRequestEvents.seq))
      .limit(1);
    return step!.data[key];
  };
  const [extension] = await db
    .select({ dueBefore: businessExtensions.dueBefore, dueAfter: businessExtensions.dueAfter })
    .from(businessExtensions)
    .where(eq(businessExtensions.requestId, made.extended));
  const [rectification] = await db
    .select({ dueOn: businessRectifications.dueOn })
    .from(businessRectifications)
    .where(eq(businessRectifications.requestId, made.rectifying));
  const scorecard = new Map((await scorecardRequests(db)).map((r) => [r.id, r.dueOn]));
  return {
    passed: { request: requests.get(made.passed), routing: await stepDue(made.passed, 'routed', 'dueOn') },
    running: {
      request: requests.get(made.running),
      routing: await stepDue(made.running, 'routed', 'dueOn'),
      scorecard: scorecard.get(made.running),
    },
    extended: {
      request: requests.get(made.extended),
      routing: await stepDue(made.extended, 'routed', 'dueOn'),
      approved: await stepDue(made.extended, 'extension_approved', 'dueAfter'),
      extension: extension,
      scorecard: scorecard.get(made.extended),
    },
    rectifying: {
      request: requests.get(made.rectifying),
      rectification: rectification!.dueOn,
      opened: await stepDue(made.rectifying, 'rectification_opened', 'dueOn'),
    },
    answered: {
      request: requests.get(made.answered),
      routing: await stepDue(made.answered, 'routed', 'dueOn'),
      scorecard: scorecard.get(made.answered),
    },
  };
}

/** The dates as counted Monday to Friday, before 2027's notice. */
const weekdays = {
  passed: { request: '2027-01-04', routing: '2027-01-04' },
  running: { request: '2027-01-14', routing: '2027-01-14', scorecard: '2027-01-14' },
  extended: {
    request: '2027-01-11',
    routing: '2027-01-04',
    approved: '2027-01-11',
    extension: { dueBefore: '2027-01-04', dueAfter: '2027-01-11' },
    scorecard: '2027-01-11',
  },
  rectifying: { request: '2027-01-20', rectification: '2027-01-20', opened: '2027-01-20' },
  answered: { request: '2027-01-14', routing: '2027-01-14', scorecard: '2027-01-14' },
};

/**
 * The notices a recount should send: `department` to each of the department's staff (and to staff
 * granted above it, who act on its requests too), `firm` to
 * each of the firm's staff, with these data; nobody else.
 */
async function toldOf(department: RecountNotice['key'], firm: RecountNotice['key'], params: object) {
  const { db } = t.database;
  const [request] = await db
    .select({ firmId: businessRequests.firmId })
    .from(businessRequests)
    .where(eq(businessRequests.id, made.running));
  const members = (
    await db
      .select({ id: businessFirmMembers.userId })
      .from(businessFirmMembers)
      .where(eq(businessFirmMembers.firmId, request!.firmId))
  ).map((m) => m.id);
  const staff = [...(await staffAt(t, d01)), staffAbove].sort();
  expect(staff.length).toBeGreaterThan(1);
  expect(members.length).toBeGreaterThan(0);
  return [
    ...staff.map((userId) => ({ userId, key: `business.notice.${department}`, params })),
    ...members.sort().map((userId) => ({ userId, key: `business.notice.${firm}`, params })),
  ];
}

describe('loading a year of holidays counts the firms’ requests’ due dates through it again', () => {
  it('moves those still awaited, keeping their working days, and leaves the answered and the passed', async () => {
    expect(await dates()).toEqual(weekdays);
    // Loaded on Wednesday 6 January 2027, when 1 January is off: each date still ahead ends a
    // working day later, on the request, its routing (which the scorecard reads) or rectification,
    // and the extension granted since.
    const late = await officeOn('2027-01-06');
    // Counted Monday to Friday through 2027, the due date said so: provisional until the notice.
    const provisional = async () =>
      (await late.get<RequestDetail>(`/api/v1/business/requests/${made.running}`)).body.dueProvisional;
    expect(await provisional()).toBe(2027);
    expect((await late.put('/api/v1/calendar/years/2027', year2027)).status).toBe(200);
    expect(await provisional()).toBeNull();
    vi.useRealTimers();
    expect(await dates()).toEqual({
      ...weekdays,
      running: { request: '2027-01-15', routing: '2027-01-15', scorecard: '2027-01-15' },
      extended: {
        ...weekdays.extended,
        // The routing's own date (4 January) had passed, and stays; the extended one moves.
        request: '2027-01-12',
        approved: '2027-01-12',
        extension: { dueBefore: '2027-01-04', dueAfter: '2027-01-12' },
        scorecard: '2027-01-12',
      },
      rectifying: { request: '2027-01-21', rectification: '2027-01-21', opened: '2027-01-21' },
    });
    expect(await lastRecount(t)).toMatchObject({
      business: 3,
    });
    // The department and the firm each hear once of the three requests moved, not three times.
    expect(await takeRecountNotices(t)).toEqual(
      await toldOf('dueRecountedMany', 'firmDueRecountedMany', { year: 2027, count: 3 }),
    );
  });

  it('counts them back when the year is removed, and tells the department and the firm', async () => {
    const late = await officeOn('2027-01-06');
    expect((await late.delete('/api/v1/calendar/years/2027')).status).toBe(204);
    vi.useRealTimers();
    expect(await dates()).toEqual(weekdays);
    expect(await takeRecountNotices(t)).toEqual(
      await toldOf('dueRecountedMany', 'firmDueRecountedMany', { year: 2027, count: 3 }),
    );
  });

  it('names the request, its dates and its page when it is the only one moved, and tells nobody of a recount that moves nothing', async () => {
    for (const id of [made.running, made.extended])
      expect(
        (await dept.post(`/api/v1/business/requests/${id}/answer`, { body: '已答复企业。' })).status,
      ).toBe(200);
    const late = await officeOn('2027-01-06');
    expect((await late.put('/api/v1/calendar/years/2027', year2027)).status).toBe(200);
    expect(await lastRecount(t)).toEqual({ business: 1 });
    expect(await takeRecountNotices(t)).toEqual(
      await toldOf('dueRecounted', 'firmDueRecounted', {
        year: 2027,
        count: 1,
        requestId: made.rectifying,
        title: '厂房扩建规划许可办理',
        department: '区发展改革委',
        dueBefore: '2027-01-20',
        dueOn: '2027-01-21',
      }),
    );
    // Loaded again as it was: no date moves, nobody is told.
    expect((await late.put('/api/v1/calendar/years/2027', year2027)).status).toBe(200);
    expect(await lastRecount(t)).toBeUndefined();
    expect(await takeRecountNotices(t)).toEqual([]);
  });
});
