import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { auditEvents } from '../../audit/schema.js';
import { dueAfter, todayInChina } from '../../kernel/deadlines.js';
import type { InboxItem } from '../../kernel/notifications.js';
import type { TestClient, TestContext } from '../../test-support/app.js';
import { contextOf, racing } from '../../test-support/racing.js';
import { sheetRows } from '../../test-support/workbook.js';
import { closeUnratedRequests } from './commands/closeUnrated.js';
import { rateAnswer } from './commands/rateAnswer.js';
import type { RequestDetail, RequestPage } from './contracts-requests.js';
import type { ScorecardSettings } from './contracts-scorecard.js';
import { scorecardRequests } from './queries/scorecard.js';
import { ratingLastDay } from './requests/rating-period.js';
import { businessAnswers, businessRequestEvents, businessRequests } from './schema.js';
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

// Answered on Monday 28 September 2026: ten working days later skip the National Day holiday
// (1 to 7 October), count Saturday 10 October (a make-up working day) and end on Friday 16 October.
const ANSWERED_AT = new Date('2026-09-28T10:00:00+08:00');
const LAST_DAY = '2026-10-16';

/** A request of firm1 answered by QJ-D01 at `at` (its answer back-dated), waiting for its rating. */
async function answeredAt(at: Date): Promise<string> {
  const id = await raisedRequest(firm);
  expect((await routedAs(office, id, d01)).status).toBe(200);
  const res = await dept.post<RequestDetail>(`/api/v1/business/requests/${id}/answer`, { body: '已答复。' });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  await t.database.db.update(businessAnswers).set({ createdAt: at }).where(eq(businessAnswers.requestId, id));
  return id;
}

/**
 * What `work` answers when the server's clock reads noon of `day` in China: a rating within a
 * period that ended before the real today. Only `Date` is faked; timers run as they do.
 */
async function on<T>(day: string, work: () => Promise<T>): Promise<T> {
  vi.useFakeTimers({ toFake: ['Date'], now: new Date(`${day}T12:00:00+08:00`) });
  try {
    return await work();
  } finally {
    vi.useRealTimers();
  }
}

const detail = async (id: string, client = firm) =>
  (await client.get<RequestDetail>(`/api/v1/business/requests/${id}`)).body;

/**
 * A request answered on ANSWERED_AT, rated bad on `ratedOn` (inside its period), visited and
 * rectified today: its result awaits the firm's rating.
 */
async function rectifiedAfterBadRating(ratedOn: string): Promise<string> {
  const id = await answeredAt(ANSWERED_AT);
  const answerId = (await detail(id)).answers[0]!.id;
  const rated = await on(ratedOn, () =>
    firm.post(`/api/v1/business/answers/${answerId}/rating`, { score: 1, comment: '没有解决' }),
  );
  expect(rated.status, JSON.stringify(rated.body)).toBe(200);
  const rect = (await detail(id, dept)).rectifications[0]!;
  await dept.post(`/api/v1/business/rectifications/${rect.id}/visit`, {
    visitedOn: todayInChina(),
    note: '回访',
  });
  const done = await dept.post(`/api/v1/business/rectifications/${rect.id}/result`, { body: '已整改。' });
  expect(done.status, JSON.stringify(done.body)).toBe(200);
  return id;
}

const closingSteps = (id: string) =>
  t.database.db
    .select()
    .from(businessRequestEvents)
    .where(and(eq(businessRequestEvents.requestId, id), eq(businessRequestEvents.kind, 'closed_unrated')));

async function noticesAbout(client: TestClient, id: string): Promise<InboxItem[]> {
  const res = await client.get<InboxItem[]>('/api/v1/inbox');
  return res.body.filter((n) => n.params.requestId === id);
}

// First: the other cases' passes, run on days to come, close the demo's waiting answers too.
describe('the demo’s answers left unrated', () => {
  it('close on a first pass when their period has passed; the recent ones keep waiting', async () => {
    const { db } = t.database;
    const waiting = await db
      .select({ id: businessRequests.id })
      .from(businessRequests)
      .where(and(eq(businessRequests.status, 'answered'), eq(businessRequests.isDemo, true)));
    expect(waiting.length).toBeGreaterThan(20);
    const today = todayInChina();
    const closed = new Set(await closeUnratedRequests(db, today));
    const answers = await db
      .select({ requestId: businessAnswers.requestId, at: businessAnswers.createdAt })
      .from(businessAnswers)
      .where(
        inArray(
          businessAnswers.requestId,
          waiting.map((w) => w.id),
        ),
      );
    const latest = new Map<string, Date>();
    for (const a of answers)
      if ((latest.get(a.requestId) ?? new Date(0)) < a.at) latest.set(a.requestId, a.at);
    const old = waiting.filter((w) => ratingLastDay(latest.get(w.id)!, 10) < today).map((w) => w.id);
    expect(old.length).toBeGreaterThan(10);
    expect(old.every((id) => closed.has(id))).toBe(true);
    expect(waiting.filter((w) => closed.has(w.id))).toHaveLength(old.length);
    // A second pass finds nothing left to close.
    expect(await closeUnratedRequests(db, today)).toEqual([]);
  });
});

describe('the rating period of an answer', () => {
  it('ends on the tenth working day after the answer, on the official calendar', () => {
    expect(ratingLastDay(ANSWERED_AT, 10)).toBe(LAST_DAY);
  });

  it('closes an unrated request the day after its last day, not before, without a rating', async () => {
    const id = await answeredAt(ANSWERED_AT);
    // Ten calendar days, and every day of the period up to its last: still waiting for the rating.
    // The firm reads the last day it may rate.
    expect((await detail(id)).rateBy).toBe(LAST_DAY);
    for (const day of ['2026-10-08', '2026-10-15', LAST_DAY])
      expect(await closeUnratedRequests(t.database.db, day)).not.toContain(id);
    expect((await detail(id)).status).toBe('answered');

    // Saturday 17 October, the first day after the period.
    expect(await closeUnratedRequests(t.database.db, '2026-10-17')).toContain(id);
    const closed = await detail(id);
    expect(closed.status).toBe('closed_unrated');
    expect(closed.actions.rate).toBe(false);
    expect(closed.rateBy).toBeNull();
    // Done with: no more files to it either.
    expect(closed.actions.attach).toBe(false);
    expect(closed.answers.every((a) => a.rating === null)).toBe(true);
    const step = closed.timeline.at(-1)!;
    expect(step.kind).toBe('closed_unrated');
    expect(step.by).toBe('system');
    expect(step.data).toMatchObject({
      answeredOn: '2026-09-28',
      lastDay: LAST_DAY,
      ratingWorkdays: 10,
      told: true,
    });

    // Audited as the system, in the same transaction as the change.
    const [row, ...more] = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'request.closeUnrated'), eq(auditEvents.entityId, id)));
    expect(more).toEqual([]);
    expect(row).toMatchObject({ actorId: null, actorLabel: 'ratingPeriod', entityType: 'businessRequest' });
    expect(row!.after).toMatchObject({ status: 'closed_unrated', lastDay: LAST_DAY });

    // The firm's staff and the department are told, with the request to open.
    const firmNotice = await noticesAbout(firm, id);
    expect(firmNotice.map((n) => n.key)).toContain('business.notice.firmClosedUnrated');
    expect(firmNotice.find((n) => n.key === 'business.notice.firmClosedUnrated')!.params).toMatchObject({
      requestId: id,
      department: '区发展改革委',
      lastDay: LAST_DAY,
    });
    expect((await noticesAbout(dept, id)).map((n) => n.key)).toContain('business.notice.closedUnrated');
  });

  it('closes a request whose period ended long before the pass without a message', async () => {
    const id = await answeredAt(ANSWERED_AT);
    // The third working day after the last day still tells; a pass on the fourth (as after a
    // server was down, or the first start after an upgrade) closes in silence.
    expect(await closeUnratedRequests(t.database.db, '2026-10-21')).toContain(id);
    const later = await answeredAt(ANSWERED_AT);
    expect(await closeUnratedRequests(t.database.db, '2026-10-22')).toContain(later);
    expect((await noticesAbout(firm, id)).map((n) => n.key)).toContain('business.notice.firmClosedUnrated');
    const closed = await detail(later);
    expect(closed.status).toBe('closed_unrated');
    expect(closed.timeline.at(-1)!.data).toMatchObject({ lastDay: LAST_DAY, told: false });
    expect(await noticesAbout(firm, later)).toSatisfy((ns: InboxItem[]) =>
      ns.every((n) => n.key !== 'business.notice.firmClosedUnrated'),
    );
    expect((await noticesAbout(dept, later)).map((n) => n.key)).not.toContain(
      'business.notice.closedUnrated',
    );
  });

  it('refuses a rating once the request closed unrated, with its reason', async () => {
    const id = await answeredAt(ANSWERED_AT);
    await closeUnratedRequests(t.database.db, '2026-10-19');
    const answerId = (await detail(id)).answers[0]!.id;
    const res = await firm.post<Problem>(`/api/v1/business/answers/${answerId}/rating`, {
      score: 5,
      comment: '',
    });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('INVALID_STATE');
    expect(res.body.errors?.[0]).toMatchObject({ path: 'score', code: 'rating_period_over' });
    expect((await detail(id)).status).toBe('closed_unrated');
  });

  it('refuses a rating sent after the last day before the pass closed the request', async () => {
    const id = await answeredAt(ANSWERED_AT);
    const answerId = (await detail(id)).answers[0]!.id;
    // The pass has not run since: the request still waits, but the firm no longer may rate.
    const waiting = await detail(id);
    expect(waiting.status).toBe('answered');
    expect(waiting.actions.rate).toBe(false);
    const res = await firm.request<Problem>(
      'POST',
      `/api/v1/business/answers/${answerId}/rating`,
      { score: 5, comment: '' },
      { 'accept-language': 'en' },
    );
    expect(res.status).toBe(422);
    expect(res.body.errors?.[0]).toMatchObject({ path: 'score', code: 'rating_period_over' });
    const after = await detail(id);
    expect(after.status).toBe('answered');
    expect(after.answers[0]!.rating).toBeNull();
    // The next pass closes it unrated.
    expect(await closeUnratedRequests(t.database.db, todayInChina())).toContain(id);
  });

  it('refuses with that reason a rating the pass overtakes between its read and its write', async () => {
    const id = await answeredAt(ANSWERED_AT);
    const answerId = (await detail(id)).answers[0]!.id;
    const { db } = t.database;
    // The rating, sent on the last day, reads the request while it waits for its rating; the
    // pass closes it before the rating's transaction opens.
    const ctx = {
      ...(await contextOf(t, firm)),
      db: racing(db, async () => expect(await closeUnratedRequests(db, '2026-10-19')).toContain(id)),
    };
    const refused = await on(LAST_DAY, () =>
      rateAnswer.run(ctx, { answerId, score: 5, comment: '' }).catch((e: unknown) => e),
    );
    expect(refused).toMatchObject({
      code: 'INVALID_STATE',
      errors: [{ path: 'score', code: 'rating_period_over' }],
    });
    const after = await detail(id);
    expect(after.status).toBe('closed_unrated');
    expect(after.answers[0]!.rating).toBeNull();
  });

  it('takes a rating on the last day, which a later pass leaves alone', async () => {
    const id = await answeredAt(ANSWERED_AT);
    await closeUnratedRequests(t.database.db, LAST_DAY);
    const answerId = (await detail(id)).answers[0]!.id;
    const res = await on(LAST_DAY, () =>
      firm.post(`/api/v1/business/answers/${answerId}/rating`, { score: 4, comment: '' }),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(await closeUnratedRequests(t.database.db, '2026-12-31')).not.toContain(id);
    expect((await detail(id)).status).toBe('closed');
    expect(await closingSteps(id)).toEqual([]);
  });

  it('counts from a rectification’s result, which the firm rates again', async () => {
    const id = await rectifiedAfterBadRating('2026-10-12');
    // The first answer is months old; the result was given today and has its own period.
    const today = todayInChina();
    expect(await closeUnratedRequests(t.database.db, dueAfter(today, 10))).not.toContain(id);
    expect(await closeUnratedRequests(t.database.db, dueAfter(today, 11))).toContain(id);
    expect((await detail(id)).status).toBe('closed_unrated');
  });

  it('closes a request once when two passes run at the same time', async () => {
    const ids = [await answeredAt(ANSWERED_AT), await answeredAt(ANSWERED_AT)];
    const [a, b] = await Promise.all([
      closeUnratedRequests(t.database.db, '2026-10-20'),
      closeUnratedRequests(t.database.db, '2026-10-20'),
    ]);
    for (const id of ids) {
      expect([...a!, ...b!].filter((x) => x === id)).toHaveLength(1);
      expect(await closingSteps(id)).toHaveLength(1);
      const audited = await t.database.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.action, 'request.closeUnrated'), eq(auditEvents.entityId, id)));
      expect(audited).toHaveLength(1);
      expect((await noticesAbout(firm, id)).filter((n) => n.key.endsWith('ClosedUnrated'))).toHaveLength(1);
    }
  });

  it('follows the office’s setting of the period', async () => {
    const settings = (await office.get<ScorecardSettings>('/api/v1/business/scorecard/settings')).body;
    expect(settings.ratingWorkdays).toBe(10);
    const put = await office.put<ScorecardSettings>('/api/v1/business/scorecard/settings', {
      ...settings,
      ratingWorkdays: 3,
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    try {
      const id = await answeredAt(ANSWERED_AT);
      // Three working days after 28 September: 29, 30 September and 8 October.
      expect(await closeUnratedRequests(t.database.db, '2026-10-08')).not.toContain(id);
      expect(await closeUnratedRequests(t.database.db, '2026-10-09')).toContain(id);
    } finally {
      await office.put('/api/v1/business/scorecard/settings', settings);
    }
  });
});

describe('a request closed unrated in the lists and the export', () => {
  it('is found by its state and named in both languages', async () => {
    const id = await answeredAt(ANSWERED_AT);
    await closeUnratedRequests(t.database.db, '2026-10-21');
    for (const client of [office, dept, firm]) {
      const page = (
        await client.get<RequestPage>('/api/v1/business/requests?status=closed_unrated&pageSize=200')
      ).body;
      expect(page.items.map((i) => i.id)).toContain(id);
      expect(page.items.every((i) => i.status === 'closed_unrated')).toBe(true);
    }
    for (const [language, name] of [
      ['zh-CN', '未评价办结'],
      ['en', 'Closed unrated'],
    ] as const) {
      const res = await office.request<Uint8Array>(
        'GET',
        '/api/v1/business/requests/export?status=closed_unrated',
        undefined,
        { 'accept-language': language },
      );
      expect(res.status).toBe(200);
      const [header, ...rows] = await sheetRows(res.body);
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((r) => r.includes(name))).toBe(true);
      // When it closed: the time of the pass that closed it.
      const at = header!.indexOf(language === 'en' ? 'Closed at' : '办结时间');
      expect(rows.every((r) => /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(r[at]!))).toBe(true);
    }
  });
});

describe('a request closed unrated on the scorecard', () => {
  it('counts as resolved for the department that answered, and has no rating', async () => {
    const id = await answeredAt(ANSWERED_AT);
    await closeUnratedRequests(t.database.db, '2026-10-21');
    const line = (await scorecardRequests(t.database.db)).find((r) => r.id === id)!;
    expect(line).toMatchObject({ department: d01, resolved: true, rating: null });
  });

  it('drops the bad rating that opened a rectification whose result the firm never rated', async () => {
    const id = await rectifiedAfterBadRating('2026-10-09');
    expect(await closeUnratedRequests(t.database.db, dueAfter(todayInChina(), 11))).toContain(id);
    const line = (await scorecardRequests(t.database.db)).find((r) => r.id === id)!;
    expect(line).toMatchObject({ department: d01, resolved: true, rating: null });
  });
});
