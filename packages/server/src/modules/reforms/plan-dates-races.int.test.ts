import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../context.js';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { contextOf, racing, refusal, sideBySide } from '../../test-support/racing.js';
import { saveMilestones } from './commands/saveMilestones.js';
import { updateProject } from './commands/updateProject.js';
import type { ReformProject } from './contracts.js';
import { freshProject, twoMilestoneProject, unitId } from './test-helpers.js';

/**
 * A project's dates and its milestone plan, changed at the same time: each write holds the
 * project's row and checks again what the other may have changed, so no milestone ends up due
 * outside the project, and a unit the project was handed away from meanwhile writes nothing.
 */
let t: TestContext;
let office: TestClient;
let officeCtx: ServiceContext;
let deptCtx: ServiceContext;

beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users'] });
  office = await t.as('office');
  officeCtx = await contextOf(t, office);
  deptCtx = await contextOf(t, await t.as('dept'));
});
afterAll(() => t.close());

const plan = (p: ReformProject) =>
  p.milestoneList.map(({ id, name, weight, dueDate }) => ({ id, name, weight, dueDate }));

const read = async (p: ReformProject) =>
  (await office.get<ReformProject>(`/api/v1/reforms/projects/${p.id}`)).body;

/** The project (ending 2027-06-30) with its second milestone moved from 2026-09-30 into 2027. */
const laterPlan = (p: ReformProject) =>
  plan(p).map((m, k) => (k === 1 ? { ...m, dueDate: '2027-03-31' } : m));

const endsEarlier = { endDate: '2026-12-31' };

/** Every milestone of the project falls due within its dates. */
const within = (p: ReformProject) =>
  p.milestoneList.every((m) => m.dueDate >= p.startDate && m.dueDate <= p.endDate);

describe('a milestone plan and the project’s dates changed at once', () => {
  it('a plan checked against the old end date is refused once the end moved earlier', async () => {
    const project = await twoMilestoneProject(t, office);
    const endMoved = async () =>
      expect((await office.patch(`/api/v1/reforms/projects/${project.id}`, endsEarlier)).status).toBe(200);
    const saving = saveMilestones({ ...officeCtx, db: racing(officeCtx.db, endMoved) }, project.id, {
      milestones: laterPlan(project),
    });
    expect(await refusal(saving)).toMatchObject({
      code: 'VALIDATION',
      errors: [expect.objectContaining({ path: 'milestones.1.dueDate', code: 'outside_project_period' })],
    });
    const after = await read(project);
    expect(after.endDate).toBe('2026-12-31');
    expect(plan(after)).toEqual(plan(project));
  });

  it('an end date checked against the old plan is refused once a milestone moved past it', async () => {
    const project = await twoMilestoneProject(t, office);
    const planMoved = async () =>
      expect(
        (
          await office.put(`/api/v1/reforms/projects/${project.id}/milestones`, {
            milestones: laterPlan(project),
          })
        ).status,
      ).toBe(200);
    const moving = updateProject(
      { ...officeCtx, db: racing(officeCtx.db, planMoved) },
      project.id,
      endsEarlier,
    );
    expect(await refusal(moving)).toMatchObject({
      code: 'VALIDATION',
      errors: [expect.objectContaining({ path: 'endDate', code: 'milestone_outside_period' })],
    });
    const after = await read(project);
    expect(after.endDate).toBe(project.endDate);
    expect(plan(after)).toEqual(laterPlan(project));
  });

  it('side by side, one of the two writes and the other is refused', async () => {
    const project = await twoMilestoneProject(t, office);
    const inStep = sideBySide(2, 'after the first statement');
    const results = await Promise.all([
      refusal(saveMilestones(inStep(officeCtx), project.id, { milestones: laterPlan(project) })),
      refusal(updateProject(inStep(officeCtx), project.id, endsEarlier)),
    ]);
    expect(results.filter((r) => r === undefined)).toHaveLength(1);
    expect(results.find((r) => r !== undefined)).toMatchObject({ code: 'VALIDATION' });
    expect(within(await read(project))).toBe(true);
  });
});

describe('a project handed to another unit while its lead unit edits it', () => {
  const handedOver = (project: ReformProject) => async () => {
    const moved = await office.patch(`/api/v1/reforms/projects/${project.id}`, {
      leadUnitId: await unitId(t, 'QJ-D02'),
    });
    expect(moved.status).toBe(200);
  };

  it('the unit it was taken from no longer changes its goal', async () => {
    const project = await twoMilestoneProject(t, office);
    const editing = updateProject({ ...deptCtx, db: racing(deptCtx.db, handedOver(project)) }, project.id, {
      goal: '原牵头单位改写的目标',
    });
    expect(await refusal(editing)).toMatchObject({ code: 'FORBIDDEN' });
    expect((await read(project)).goal).toBe(project.goal);
  });

  it('nor renames its milestones', async () => {
    const project = await twoMilestoneProject(t, office);
    const renamed = plan(project).map((m, k) => (k === 0 ? { ...m, name: '原牵头单位改名' } : m));
    const saving = saveMilestones({ ...deptCtx, db: racing(deptCtx.db, handedOver(project)) }, project.id, {
      milestones: renamed,
    });
    expect(await refusal(saving)).toMatchObject({ code: 'FORBIDDEN' });
    expect(plan(await read(project))).toEqual(plan(project));
  });
});

describe('a start the lead unit moves while the office moves it too', () => {
  it('is judged against the start as it stands: later than the office’s, it is the office’s to set', async () => {
    const project = await freshProject(t, office, [], { startDate: '2026-03-01', endDate: '2027-06-30' });
    const officeMoved = async () =>
      expect(
        (await office.patch(`/api/v1/reforms/projects/${project.id}`, { startDate: '2026-01-01' })).status,
      ).toBe(200);
    // Earlier than the start the lead unit read, later than the one the office set meanwhile.
    const moving = updateProject({ ...deptCtx, db: racing(deptCtx.db, officeMoved) }, project.id, {
      startDate: '2026-02-01',
    });
    expect(await refusal(moving)).toMatchObject({
      code: 'FORBIDDEN',
      errors: [expect.objectContaining({ path: 'startDate', code: 'office_only' })],
    });
    expect((await read(project)).startDate).toBe('2026-01-01');
  });
});
