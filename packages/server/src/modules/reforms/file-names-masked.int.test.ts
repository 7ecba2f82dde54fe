import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import {
  listedEvents,
  maskedFileName,
  numbersInFileName,
  personalFileName,
  storedFileEntries,
} from '../../test-support/file-audit.js';
import { userIdByLogin } from '../users/api.js';
import type { ReformReport } from './contracts.js';
import type { StudySession, StudyVisit } from './contracts-study.js';
import { freshProject, pdfBytes, unitId } from './test-helpers.js';

/**
 * A file of the reforms (a report's evidence, a visit's learning report, a session's material) is
 * often named after whom it concerns, with their phone or ID number: the audit log keeps and shows
 * that name with the numbers masked, in the file's entries and as the title of its events.
 */
let t: TestContext;
let office: TestClient;
let dept: TestClient;
beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users'] });
  office = await t.as('office');
  dept = await t.as('dept');
});
afterAll(() => t.close());

const ok = async <T>(res: Promise<{ status: number; body: T }>, status = 200): Promise<T> => {
  const done = await res;
  expect(done.status, JSON.stringify(done.body)).toBe(status);
  return done.body;
};

/**
 * Uploads a file named after a person, reads the log while it is there, removes it, and checks
 * that neither the stored entries nor the log's page hold its numbers in clear.
 */
async function uploadedAndRemoved(
  client: TestClient,
  ownerPath: string,
  filePath: string,
  action: string,
): Promise<void> {
  const file = await ok(client.upload(ownerPath, pdfBytes, personalFileName('pdf')), 201);
  const shown = await listedEvents(office, file.id);
  expect(shown.map((e) => [e.action, e.entityTitle])).toEqual([[`${action}.add`, maskedFileName('pdf')]]);
  await ok(client.request('DELETE', `${filePath}/${file.id}`), 204);
  const stored = await storedFileEntries(t, file.id);
  expect(stored).toEqual([
    {
      action: `${action}.add`,
      entry: expect.objectContaining({ id: file.id, fileName: maskedFileName('pdf') }),
    },
    {
      action: `${action}.remove`,
      entry: expect.objectContaining({ id: file.id, fileName: maskedFileName('pdf') }),
    },
  ]);
  const logged = JSON.stringify([stored, shown]);
  for (const n of numbersInFileName) expect(logged).not.toContain(n);
}

describe('the audit log of a reform file named after a person', () => {
  it('masks the numbers in the name of a report’s evidence', async () => {
    const project = await freshProject(t, office, [
      { name: '出台实施方案', weight: 1, dueDate: '2026-03-31' },
    ]);
    const report = await ok(
      dept.post<ReformReport>('/api/v1/reforms/reports', {
        projectId: project.id,
        period: '2026-01',
        summary: '按计划推进',
        items: [{ milestoneId: project.milestoneList[0]!.id, done: 0.5, note: '' }],
      }),
      201,
    );
    await uploadedAndRemoved(
      dept,
      `/api/v1/reforms/reports/${report.id}/evidence`,
      '/api/v1/reforms/evidence',
      'reformEvidence',
    );
  });

  it('masks the numbers in the name of a study visit’s learning report', async () => {
    const unit = await unitId(t, 'QJ-D01');
    const visit = await ok(
      office.post<StudyVisit>('/api/v1/reforms/study/visits', {
        title: '赴万州区学习考察营商环境',
        unitId: unit,
        destinations: ['万州区'],
        topics: ['营商环境'],
        startDate: '2026-10-20',
        endDate: '2026-10-22',
        members: [{ userId: await userIdByLogin(t.database.db, 'dept'), name: '经办人', unitId: unit }],
      }),
      201,
    );
    await ok(dept.post(`/api/v1/reforms/study/visits/${visit.id}/complete`));
    await uploadedAndRemoved(
      dept,
      `/api/v1/reforms/study/visits/${visit.id}/report-file`,
      '/api/v1/reforms/study/report-files',
      'reformStudyReport',
    );
  });

  it('masks the numbers in the name of a learning session’s material', async () => {
    const session = await ok(
      office.post<StudySession>('/api/v1/reforms/study/sessions', {
        title: '改革案例写作',
        unitId: await unitId(t, 'QJ-O03'),
        form: 'online',
        date: '2026-03-12',
        startTime: '15:00',
        endTime: '16:30',
        teacher: '区大数据发展中心 向磊',
        topic: '以三个改革案例讲授经验做法的提炼。',
      }),
      201,
    );
    await uploadedAndRemoved(
      office,
      `/api/v1/reforms/study/sessions/${session.id}/materials`,
      '/api/v1/reforms/study/materials',
      'reformStudyMaterial',
    );
  });
});
