import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../audit/schema.js';
import type { ServiceContext } from '../../context.js';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { contextOf, racing } from '../../test-support/racing.js';
import { userIdByLogin } from '../users/api.js';
import { saveStudyAttendance } from './commands/studyAttendance.js';
import type { StudySession } from './contracts-study.js';
import { reformStudyAttendance } from './schema.js';
import { unitId } from './test-helpers.js';

let t: TestContext;
let office: TestClient;
let cadre: TestClient;
let officeCtx: ServiceContext;

beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users'] });
  office = await t.as('office');
  cadre = await t.as('cadre');
  officeCtx = await contextOf(t, office);
});
afterAll(() => t.close());

const attendees = async (sessionId: string) =>
  (
    await t.database.db
      .select({ userId: reformStudyAttendance.userId })
      .from(reformStudyAttendance)
      .where(eq(reformStudyAttendance.sessionId, sessionId))
  ).map((a) => a.userId);

describe('a session’s register while a cadre marks their own attendance', () => {
  it('is the list as sent, and its audit names the cadre marked meanwhile among those before', async () => {
    const created = await office.post<StudySession>('/api/v1/reforms/study/sessions', {
      title: '改革案例写作专题学习',
      unitId: await unitId(t, 'QJ-O03'),
      form: 'offline',
      date: '2026-03-12',
      startTime: '15:00',
      endTime: '16:30',
      teacher: '区委改革办 向磊',
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    const dept = (await userIdByLogin(t.database.db, 'dept'))!;
    const me = (await userIdByLogin(t.database.db, 'cadre'))!;
    // The cadre marks themself after the register was checked, before it is written.
    const ctx = {
      ...officeCtx,
      db: racing(officeCtx.db, async () =>
        expect(
          (await cadre.post(`/api/v1/reforms/study/sessions/${id}/attend`, { attended: true })).status,
        ).toBe(200),
      ),
    };
    await saveStudyAttendance(ctx, id, [dept]);
    expect(await attendees(id)).toEqual([dept]);
    const [register] = await t.database.db
      .select({ before: auditEvents.before, after: auditEvents.after })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, 'reformStudySession.saveAttendance')))
      .orderBy(asc(auditEvents.id));
    expect(register).toEqual({ before: { attendees: [me] }, after: { attendees: [dept] } });
  });
});
