import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../audit/schema.js';
import { dueAfter, todayInChina } from '../../kernel/deadlines.js';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { makeUser } from '../../test-support/factories.js';
import { lastRecount, staffAt, takeRecountNotices, year2027 } from '../../test-support/year-2027.js';
import { firmsByIds } from '../business/api.js';
import { districtRoot } from '../units/api.js';
import { userIdByLogin } from '../users/api.js';
import { inspectionFindings, inspectionItems, inspectionVisits } from './schema.js';

let t: TestContext;
let office: TestClient;
let open: string[];
let rectified: string;
/** A rectification reported and accepted: closed, its due date kept. */
const closed = {
  rectifiedAt: new Date('2026-12-30T02:00:00Z'),
  rectificationNote: '已整改',
  verifiedAt: new Date('2026-12-30T03:00:00Z'),
};
let early: string[];
// A department's staff granted at the district, above every department: told of each one's items.
let staffAbove: string;
beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users', 'business', 'inspections'] });
  office = await t.as('office');
  const { db } = t.database;
  staffAbove = (await makeUser(t, { roles: [['department_staff', (await districtRoot(db))!]] })).id;
  const visits = await db
    .select({ id: inspectionVisits.id })
    .from(inspectionVisits)
    .where(eq(inspectionVisits.status, 'completed'))
    .orderBy(inspectionVisits.id);
  const findingsOf = async (visitId: string) =>
    (
      await db
        .select({ id: inspectionFindings.id })
        .from(inspectionFindings)
        .where(eq(inspectionFindings.visitId, visitId))
        .orderBy(inspectionFindings.id)
    ).map((f) => f.id);
  expect(visits.length).toBeGreaterThan(1);
  const [late, earlyVisit] = [visits[0]!.id, visits[1]!.id];
  // The demo's firm staff account, made the staff of the firm visited late in December.
  await db.execute(
    sql`update business_firm_members set firm_id = (select firm_id from inspection_visits where id = ${late})
        where user_id = ${(await userIdByLogin(db, 'firm1'))!}`,
  );
  // Completed at 01:00 on 29 December in China (still the 28th in UTC): the count starts on the 29th.
  const issues = async (visitId: string, completedAt: Date) => {
    await db.update(inspectionVisits).set({ completedAt }).where(eq(inspectionVisits.id, visitId));
    await db
      .update(inspectionFindings)
      .set({
        result: 'issue',
        requirement: '按要求整改',
        deadlineDays: 5,
        dueDate: dueAfter(todayInChina(completedAt), 5),
        rectifiedAt: null,
        rectifiedBy: null,
        rectificationNote: null,
        verifiedAt: null,
        verifiedBy: null,
      })
      .where(eq(inspectionFindings.visitId, visitId));
    return findingsOf(visitId);
  };
  const completedLate = await issues(late, new Date('2026-12-28T17:00:00Z'));
  rectified = completedLate[0]!;
  open = completedLate.slice(1);
  early = await issues(earlyVisit, new Date('2026-12-01T02:00:00Z'));
  expect(open.length).toBeGreaterThan(0);
  // Rectified and accepted: closed.
  await db
    .update(inspectionFindings)
    .set({ ...closed, verifiedBy: (await userIdByLogin(db, 'office'))! })
    .where(eq(inspectionFindings.id, rectified));
});
afterAll(async () => {
  // The year is gone whatever the tests left: closing the database takes it out of the calendar.
  await office.delete('/api/v1/calendar/years/2027');
  await t.close();
});

const dueDates = async (ids: string[]) =>
  [
    ...new Set(
      (
        await t.database.db
          .select({ dueDate: inspectionFindings.dueDate })
          .from(inspectionFindings)
          .where(inArray(inspectionFindings.id, ids))
      ).map((f) => f.dueDate),
    ),
  ].sort();

/** Whether an open rectification's due date reads as provisional on the follow-up list and on its visit. */
async function provisional(findingId: string) {
  const list = await office.get<{
    items: Array<{ findingId: string; visitId: string; dueProvisional: number | null }>;
  }>('/api/v1/inspections/rectifications?state=open&pageSize=100');
  const row = list.body.items.find((r) => r.findingId === findingId)!;
  const visit = await office.get<{
    items: Array<{ finding: { id: string; dueProvisional: number | null } | null }>;
  }>(`/api/v1/inspections/visits/${row.visitId}`);
  const finding = visit.body.items.find((i) => i.finding?.id === findingId)!.finding!;
  return { listed: row.dueProvisional, onVisit: finding.dueProvisional };
}

/**
 * The notices a recount of these findings from `dueBefore` to `dueOn` should send, one per
 * account: to the staff of each finding's firm and of its item's department, the finding's data
 * where it is the only one of theirs, else how many.
 */
async function toldOf(ids: string[], dueBefore: string, dueOn: string) {
  const { db } = t.database;
  const rows = await db
    .select({
      id: inspectionFindings.id,
      visitId: inspectionVisits.id,
      date: inspectionVisits.date,
      firmId: inspectionVisits.firmId,
      item: inspectionItems.name,
      unitId: inspectionItems.unitId,
    })
    .from(inspectionFindings)
    .innerJoin(inspectionVisits, eq(inspectionVisits.id, inspectionFindings.visitId))
    .innerJoin(inspectionItems, eq(inspectionItems.id, inspectionFindings.itemId))
    .where(inArray(inspectionFindings.id, ids));
  const firms = await firmsByIds(
    db,
    rows.map((r) => r.firmId),
  );
  const notices = [];
  for (const [prefix, whose] of [
    ['firm', async (r: (typeof rows)[number]) => membersOf(r.firmId)],
    ['', async (r: (typeof rows)[number]) => [...(await staffAt(t, r.unitId)), staffAbove]],
  ] as const) {
    const byUser = new Map<string, typeof rows>();
    for (const r of rows) for (const u of await whose(r)) byUser.set(u, [...(byUser.get(u) ?? []), r]);
    expect(byUser.size, `${prefix || 'department'} told`).toBeGreaterThan(0);
    const key = (k: string) => `inspections.notice.${prefix ? `${prefix}D` : 'd'}ueRecounted${k}`;
    for (const [userId, [one, ...more]] of byUser)
      notices.push(
        more.length > 0
          ? { userId, key: key('Many'), params: { year: 2027, count: more.length + 1 } }
          : {
              userId,
              key: key(''),
              params: {
                year: 2027,
                count: 1,
                visitId: one!.visitId,
                date: one!.date,
                firm: firms.get(one!.firmId)!.name,
                item: one!.item,
                dueBefore,
                dueOn,
              },
            },
      );
  }
  return notices.sort((a, b) => a.key.localeCompare(b.key) || a.userId.localeCompare(b.userId));
}

const membersOf = async (firmId: string) =>
  (
    (await t.database.db.execute(
      sql`select user_id from business_firm_members where firm_id = ${firmId}`,
    )) as {
      rows: Array<{ user_id: string }>;
    }
  ).rows.map((r) => r.user_id);

describe('loading a year of holidays counts the rectifications’ due dates through it again', () => {
  it('moves the open rectifications past New Year’s Day, counted from the China day of completion, and says so in the audit', async () => {
    // Monday to Friday, 5 working days after 29 December 2026: 30, 31 December, 1, 4, 5 January.
    expect(await dueDates(open)).toEqual(['2027-01-05']);
    expect(await dueDates([rectified])).toEqual(['2027-01-05']);
    expect(await dueDates(early)).toEqual(['2026-12-08']);
    // Until 2027 is loaded, an open one's date is provisional, on the follow-up list and the visit.
    expect(await provisional(open[0]!)).toEqual({ listed: 2027, onVisit: 2027 });
    expect((await office.put('/api/v1/calendar/years/2027', year2027)).status).toBe(200);
    expect(await provisional(open[0]!)).toEqual({ listed: null, onVisit: null });
    // 1 January is a holiday now: the open ones end a working day later; a rectified one, and one
    // due before the changed year, keep theirs.
    expect(await dueDates(open)).toEqual(['2027-01-06']);
    expect(await dueDates([rectified])).toEqual(['2027-01-05']);
    expect(await dueDates(early)).toEqual(['2026-12-08']);
    expect((await lastRecount(t)).inspections).toBe(open.length);
    // The firm, which rectifies, and the departments, which follow up, each hear once.
    expect(await takeRecountNotices(t, 'inspections')).toEqual(
      await toldOf(open, '2027-01-05', '2027-01-06'),
    );
  });

  it('counts them back when the year is removed', async () => {
    expect((await office.delete('/api/v1/calendar/years/2027')).status).toBe(204);
    expect(await dueDates(open)).toEqual(['2027-01-05']);
    expect(await dueDates([rectified])).toEqual(['2027-01-05']);
    const [_event] = await t.database.db
      .select({ after: auditEvents.after })
      .from(auditEvents)
      .where(eq(auditEvents.action, 'calendar.unload'))
      .orderBy(sql`${auditEvents.id} desc`)
      .limit(1);
    expect((await lastRecount(t)).inspections).toBe(open.length);
    expect(await takeRecountNotices(t, 'inspections')).toEqual(
      await toldOf(open, '2027-01-06', '2027-01-05'),
    );
  });

  it('tells of the one rectification moved by name and visit, and nobody when nothing moves', async () => {
    const [first, ...rest] = open;
    await t.database.db
      .update(inspectionFindings)
      .set({ ...closed, verifiedBy: (await userIdByLogin(t.database.db, 'office'))! })
      .where(inArray(inspectionFindings.id, rest.length > 0 ? rest : [rectified]));
    expect((await office.put('/api/v1/calendar/years/2027', year2027)).status).toBe(200);
    expect((await lastRecount(t)).inspections).toBe(1);
    const told = await takeRecountNotices(t, 'inspections');
    expect(told).toEqual(await toldOf([first!], '2027-01-05', '2027-01-06'));
    expect(told.map((n) => n.key)).not.toContain('inspections.notice.dueRecountedMany');
    expect((await office.put('/api/v1/calendar/years/2027', year2027)).status).toBe(200);
    expect(await takeRecountNotices(t, 'inspections')).toEqual([]);
  });
});
