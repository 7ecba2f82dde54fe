import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../context.js';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { contextOf, racing, refusal } from '../../test-support/racing.js';
import { updateStudySession } from './commands/createStudySession.js';
import { deleteList } from './commands/deleteList.js';
import { deleteProject } from './commands/deleteProject.js';
import { updateProject } from './commands/updateProject.js';
import type { ReformProject } from './contracts.js';
import type { StudySession } from './contracts-study.js';
import { freshProject, unitId } from './test-helpers.js';

/**
 * Writes another user made since a command's checks, which the table's own constraints would
 * refuse with a failure (a foreign key, a check): found again under the row's lock, they are
 * answered as a conflict naming what is at fault, as the checks would have.
 */
let t: TestContext;
let office: TestClient;
let dept: TestClient;
let officeCtx: ServiceContext;

beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users'] });
  office = await t.as('office');
  dept = await t.as('dept');
  officeCtx = await contextOf(t, office);
});
afterAll(() => t.close());

const meanwhile = (work: () => Promise<unknown>) => ({ ...officeCtx, db: racing(officeCtx.db, work) });
const exists = async (path: string) => (await office.get(path)).status === 200;
const project = () => freshProject(t, office, [{ name: '出台实施方案', weight: 1, dueDate: '2026-03-31' }]);

describe('a project deleted while it comes into use', () => {
  it('keeps a project a report was started for since the checks', async () => {
    const p = await project();
    const reported = async () =>
      expect(
        (
          await dept.post('/api/v1/reforms/reports', {
            projectId: p.id,
            period: '2026-02',
            summary: '推进中',
          })
        ).status,
      ).toBe(201);
    expect(await refusal(deleteProject(meanwhile(reported), p.id))).toMatchObject({
      code: 'CONFLICT',
      errors: [expect.objectContaining({ path: 'id', code: 'in_use' })],
    });
    expect(await exists(`/api/v1/reforms/projects/${p.id}`)).toBe(true);
  });

  it('keeps a project a case was drawn from since the checks', async () => {
    const p = await project();
    const drawn = async () =>
      expect(
        (
          await office.post('/api/v1/reforms/cases', {
            projectId: p.id,
            title: `${p.name}的经验`,
            summary: '以政务数据共享替代群众提交证明材料，能核验的不再要求开具证明。',
            measures: '梳理证明事项清单。',
            results: '取消证明事项。',
            adoptedIn: [],
          })
        ).status,
      ).toBe(201);
    expect(await refusal(deleteProject(meanwhile(drawn), p.id))).toMatchObject({
      code: 'CONFLICT',
      errors: [expect.objectContaining({ code: 'in_use' })],
    });
    expect(await exists(`/api/v1/reforms/projects/${p.id}`)).toBe(true);
  });

  it('keeps a list a project was placed under since the checks', async () => {
    const list = await office.post<{ id: string }>('/api/v1/reforms/lists', { name: '删除中的清单' });
    const placed = async () =>
      expect(
        (
          await office.post('/api/v1/reforms/projects', {
            code: 'QJGG-L001',
            name: '删除清单时新增的项目',
            listId: list.body.id,
            source: 'local',
            leadUnitId: await unitId(t, 'QJ-D01'),
            startDate: '2026-01-01',
            endDate: '2026-12-31',
          })
        ).status,
      ).toBe(201);
    expect(await refusal(deleteList(meanwhile(placed), list.body.id))).toMatchObject({
      code: 'CONFLICT',
      errors: [expect.objectContaining({ path: 'id', code: 'in_use' })],
    });
    const lists = (await office.get<Array<{ id: string }>>('/api/v1/reforms/lists')).body;
    expect(lists.map((l) => l.id)).toContain(list.body.id);
  });
});

describe('dates and hours changed by two edits crossing', () => {
  it('refuses a start after the end another edit moved earlier meanwhile', async () => {
    const p: ReformProject = await freshProject(t, office, [], {
      startDate: '2026-01-01',
      endDate: '2026-12-31',
    });
    const endMoved = async () =>
      expect((await office.patch(`/api/v1/reforms/projects/${p.id}`, { endDate: '2026-05-01' })).status).toBe(
        200,
      );
    expect(
      await refusal(updateProject(meanwhile(endMoved), p.id, { startDate: '2026-06-01' })),
    ).toMatchObject({
      code: 'CONFLICT',
      errors: [expect.objectContaining({ path: 'endDate', code: 'period_order' })],
    });
    const after = (await office.get<ReformProject>(`/api/v1/reforms/projects/${p.id}`)).body;
    expect([after.startDate, after.endDate]).toEqual(['2026-01-01', '2026-05-01']);
  });

  it('refuses a session’s start after the end another edit moved earlier meanwhile', async () => {
    const created = await office.post<StudySession>('/api/v1/reforms/study/sessions', {
      title: '改革案例写作专题学习',
      unitId: await unitId(t, 'QJ-O03'),
      form: 'offline',
      date: '2026-03-12',
      startTime: '15:00',
      endTime: '17:30',
      teacher: '区委改革办 向磊',
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    const endMoved = async () =>
      expect((await office.patch(`/api/v1/reforms/study/sessions/${id}`, { endTime: '16:00' })).status).toBe(
        200,
      );
    expect(await refusal(updateStudySession(meanwhile(endMoved), id, { startTime: '16:30' }))).toMatchObject({
      code: 'CONFLICT',
      errors: [expect.objectContaining({ path: 'endTime', code: 'time_order' })],
    });
    const after = (await office.get<StudySession>(`/api/v1/reforms/study/sessions/${id}`)).body;
    expect([after.startTime, after.endTime]).toEqual(['15:00', '16:00']);
  });
});
