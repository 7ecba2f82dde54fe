import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { userIdByLogin } from '../users/api.js';
import type { PublicLearning, StudySession } from './contracts-study.js';
import { studySnapshot } from './study-test-helpers.js';
import { auditOf, type Problem, pdfBytes, refusedInBoth, unitId } from './test-helpers.js';

/** 学习培训: a learning session scheduled, its register kept, its materials read. */
let t: TestContext;
let office: TestClient;
let dept: TestClient;
let cadre: TestClient;
beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users', 'reforms'] });
  office = await t.as('office');
  dept = await t.as('dept');
  cadre = await t.as('cadre');
});
afterAll(() => t.close());

const refused = (
  send: (headers: Record<string, string>) => Promise<{ status: number; body: unknown }>,
  path: string,
  code: string,
) => refusedInBoth(() => studySnapshot(t), send, path, code);

describe('a learning session: schedule, register, materials', () => {
  let session: StudySession;
  const body = async (over: Record<string, unknown> = {}) => ({
    title: '运用AI工具提升工作效能：改革案例写作',
    unitId: await unitId(t, 'QJ-O03'),
    form: 'online',
    date: '2026-03-12',
    startTime: '15:00',
    endTime: '16:30',
    teacher: '区大数据发展中心 向磊',
    topic: '以三个改革案例讲授用AI工具提炼经验做法。',
    ...over,
  });

  it('refuses hours out of order; the office schedules it', async () => {
    await refused(
      async (h) =>
        office.request('POST', '/api/v1/reforms/study/sessions', await body({ endTime: '14:00' }), h),
      'endTime',
      'time_order',
    );
    expect((await dept.post('/api/v1/reforms/study/sessions', await body())).status).toBe(403);
    const topic = '以三个改革案例讲授用AI工具提炼经验做法，报名请致电13500001111。';
    const created = await office.post<StudySession>('/api/v1/reforms/study/sessions', await body({ topic }));
    expect(created.status).toBe(201);
    session = created.body;
    expect(session.topic).toBe(topic);
    // Held (its day is past), it is on the public page, the number in its topic masked.
    const pub = await t.client().get<PublicLearning>('/api/v1/public/reforms/learning');
    expect(pub.body.sessions.map((s) => s.topic)).toContain(
      '以三个改革案例讲授用AI工具提炼经验做法，报名请致电135****1111。',
    );
  });

  it('a cadre marks their own attendance; the organiser keeps the register of cadres only', async () => {
    const mine = await cadre.post<StudySession>(`/api/v1/reforms/study/sessions/${session.id}/attend`, {
      attended: true,
    });
    expect(mine.body).toMatchObject({ attended: true, attendeeCount: 1 });
    expect(
      (await cadre.put(`/api/v1/reforms/study/sessions/${session.id}/attendance`, { userIds: [] })).status,
    ).toBe(403);
    const citizen = (await userIdByLogin(t.database.db, 'citizen'))!;
    await refused(
      (h) =>
        office.request(
          'PUT',
          `/api/v1/reforms/study/sessions/${session.id}/attendance`,
          { userIds: [citizen] },
          h,
        ),
      'userIds.0',
      'unknown_user',
    );
    const cadres = await office.get<{ items: Array<{ id: string; name: string }> }>(
      '/api/v1/reforms/study/cadres',
    );
    const ids = cadres.body.items.filter((c) => /周建国|发展改革委/.test(c.name)).map((c) => c.id);
    const register = await office.put<StudySession>(
      `/api/v1/reforms/study/sessions/${session.id}/attendance`,
      {
        userIds: ids,
      },
    );
    expect(register.body.attendees.map((a) => a.name).sort()).toEqual(
      ['发展改革委 经办人', '联企干部 周建国'].sort(),
    );
    // A session still ahead takes no attendance.
    const ahead = await office.post<StudySession>(
      '/api/v1/reforms/study/sessions',
      await body({ date: '2099-01-05' }),
    );
    const early = await cadre.post<Problem>(`/api/v1/reforms/study/sessions/${ahead.body.id}/attend`, {
      attended: true,
    });
    expect(early.status).toBe(422);
    expect(early.body.errors).toEqual([
      expect.objectContaining({ path: 'date', code: 'session_not_held', params: { date: '2099-01-05' } }),
    ]);
  });

  it('keeps materials the organiser uploads and every cadre reads', async () => {
    const file = await office.upload(
      `/api/v1/reforms/study/sessions/${session.id}/materials`,
      pdfBytes,
      '讲义.pdf',
    );
    expect(file.status).toBe(201);
    expect((await cadre.get(`/api/v1/reforms/study/materials/${file.body.id}`)).status).toBe(200);
    expect((await cadre.request('DELETE', `/api/v1/reforms/study/materials/${file.body.id}`)).status).toBe(
      403,
    );
    const bad = await office.upload(
      `/api/v1/reforms/study/sessions/${session.id}/materials`,
      new TextEncoder().encode('hello'),
      'a.pdf',
    );
    expect(bad.status).toBe(415);
    expect(
      (await cadre.get<StudySession>(`/api/v1/reforms/study/sessions/${session.id}`)).body.materials,
    ).toHaveLength(1);
    expect(await auditOf(t, session.id)).toEqual(
      expect.arrayContaining([
        'reformStudySession.create',
        'reformStudySession.attend',
        'reformStudySession.saveAttendance',
      ]),
    );
  });
});
