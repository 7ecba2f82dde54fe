import { parseHolidayNotice } from '@qianxing/core/calendar';
import { eq, like, sql } from 'drizzle-orm';
import { auditEvents } from '../audit/schema.js';
import { notifications } from '../kernel/schema.js';
import { holdersAt } from '../modules/users/api.js';
import type { TestContext } from './app.js';

/** The items of a notice for 2027 as an office would paste it (dates made up for the tests). */
const notice2027 = `国务院办公厅关于2027年部分节假日安排的通知
一、元旦：1月1日（周五）至3日（周日）放假，共3天。
二、春节：2月5日（周五）至11日（周四）放假调休，共7天。2月13日（周六）上班。
国务院办公厅
2026年11月3日`;
const parsed = parseHolidayNotice(notice2027);

/** 2027 as the office loads it from that notice: 1–3 January off, the Spring Festival, one make-up day. */
export const year2027 = {
  year: 2027,
  sources: [
    {
      title: parsed.title!,
      number: '国办发明电〔2026〕9号',
      issued: parsed.issued!,
      url: 'https://www.gov.cn/',
    },
  ],
  holidays: parsed.holidays,
  workdays: parsed.workdays,
};

/** How many due dates each module recounted at the latest loading of a year (its audit event). */
export async function lastRecount(t: TestContext): Promise<Record<string, number>> {
  const [event] = await t.database.db
    .select({ after: auditEvents.after })
    .from(auditEvents)
    .where(eq(auditEvents.action, 'calendar.load'))
    .orderBy(sql`${auditEvents.id} desc`)
    .limit(1);
  return (event!.after as { deadlinesRecounted: Record<string, number> }).deadlinesRecounted;
}

export interface RecountNotice {
  userId: string;
  key: string;
  params: Record<string, unknown>;
}

/**
 * The notices of due dates counted again (`*.notice.*DueRecounted*`) sent since the last call,
 * by account and key: taken out of the inboxes, so the next call sees only those sent after.
 */
export async function takeRecountNotices(t: TestContext, module?: string): Promise<RecountNotice[]> {
  const { db } = t.database;
  const rows = await db
    .delete(notifications)
    .where(like(notifications.key, `${module ?? '%'}.notice.%ueRecounted%`))
    .returning({ userId: notifications.userId, key: notifications.key, params: notifications.params });
  return rows
    .map((r) => ({ userId: r.userId!, key: r.key, params: r.params }))
    .sort((a, b) => a.key.localeCompare(b.key) || a.userId.localeCompare(b.userId));
}

/** The enabled accounts granted `department_staff` at exactly this unit (a department's staff), sorted. */
export const staffAt = async (t: TestContext, unitId: string): Promise<string[]> =>
  (await holdersAt(t.database.db, 'department_staff', unitId)).sort();

/**
 * 2027 from a notice reaching into 2026, as the 2019 notice did into 2018 (30 and 31 December off,
 * Saturday 29 December worked): Thursday 31 December 2026 off, Saturday 26 December worked.
 * 2026 has no weekend day from 29 December on, so the make-up day reaches further back than any
 * notice has (`NEXT_NOTICE_REACH`, kernel/deadlines.ts): the recount follows whatever days a notice touches,
 * while a date is flagged provisional beforehand only from 29 December.
 */
export const year2027FromDecember = {
  ...year2027,
  holidays: [
    { name: '元旦', start: '2026-12-31', end: '2027-01-03', days: 4 },
    ...year2027.holidays.filter((h) => h.name !== '元旦'),
  ],
  workdays: [{ date: '2026-12-26', name: '元旦' }, ...year2027.workdays],
};
