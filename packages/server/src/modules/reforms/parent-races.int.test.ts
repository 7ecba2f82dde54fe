import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../context.js';
import type { TestClient, TestContext } from '../../test-support/app.js';
import { holdingCommit, racing, refusal } from '../../test-support/racing.js';
import { createProject } from './commands/createProject.js';
import { createReport } from './commands/createReport.js';
import { deleteProject } from './commands/deleteProject.js';
import { linkBattle } from './commands/linkBattle.js';
import { saveBattlePhases } from './commands/saveBattlePhases.js';
import { reformBattlePhases, reformProjects, reformReports } from './schema.js';
import { freshProject, officeAndDept, unitId } from './test-helpers.js';

/**
 * A row written under another (its foreign key) while the office deletes that other: the delete
 * having gone since the create's checks, the create answers what is gone (not found, or a
 * conflict naming the field), never the database's failure, and writes nothing. `racing` puts
 * the delete between the checks and the write on PGlite and PostgreSQL; the held delete below
 * makes the create's write wait behind the delete's lock, which only PostgreSQL's second
 * connection shows (on PGlite the write waits for the delete's transaction to end).
 */
let t: TestContext;
let office: TestClient;
let officeCtx: ServiceContext;
let deptCtx: ServiceContext;

beforeAll(async () => {
  ({ t, office, officeCtx, deptCtx } = await officeAndDept());
});
afterAll(() => t.close());

const meanwhile = (ctx: ServiceContext, work: () => Promise<unknown>) => ({
  ...ctx,
  db: racing(ctx.db, work),
});
const deleted = (path: string) => async () => expect((await office.delete(path)).status).toBe(204);
const project = () => freshProject(t, office, [{ name: '出台实施方案', weight: 1, dueDate: '2026-03-31' }]);
let battles = 0;
const battle = async () => {
  battles += 1;
  const res = await office.post<{ id: string }>('/api/v1/reforms/battles', {
    name: `删除中的攻坚战${battles}`,
    leadUnitId: await unitId(t, 'QJ-D01'),
    step: 'rise',
  });
  expect(res.status).toBe(201);
  return res.body.id;
};
const reportsOf = async (projectId: string) =>
  (await t.database.db.select().from(reformReports).where(eq(reformReports.projectId, projectId))).length;

describe('a project placed under a list deleted since the checks', () => {
  it('is refused naming the list, and not written', async () => {
    const list = await office.post<{ id: string }>('/api/v1/reforms/lists', { name: '新增项目时删除的清单' });
    const input = {
      code: 'QJGG-P001',
      name: '清单删除时新增的项目',
      listId: list.body.id,
      source: 'local' as const,
      leadUnitId: await unitId(t, 'QJ-D01'),
      coUnitIds: [],
      startDate: '2026-01-01',
      endDate: '2026-12-31',
      goal: '',
      pilotLevel: null,
      pilotStatus: null,
    };
    const gone = deleted(`/api/v1/reforms/lists/${list.body.id}`);
    expect(await refusal(createProject(meanwhile(officeCtx, gone), input))).toMatchObject({
      code: 'CONFLICT',
      errors: [expect.objectContaining({ path: 'listId', code: 'unknown_list' })],
    });
    const rows = await t.database.db
      .select()
      .from(reformProjects)
      .where(eq(reformProjects.code, 'QJGG-P001'));
    expect(rows).toEqual([]);
  });
});

describe('a report started for a project deleted since the checks', () => {
  it('is not found, and not written', async () => {
    const p = await project();
    const gone = deleted(`/api/v1/reforms/projects/${p.id}`);
    const input = { projectId: p.id, period: '2026-02', summary: '推进中', problems: '', items: [] };
    expect(await refusal(createReport(meanwhile(deptCtx, gone), input))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await reportsOf(p.id)).toBe(0);
  });

  it('waits for the delete holding the project, then is not found', async () => {
    const p = await project();
    // Once the report's checks are done, the delete's lock of the project and its removal are
    // open, uncommitted, as the report is written.
    const held = holdingCommit(officeCtx.db);
    let deleting: Promise<unknown> = Promise.resolve();
    const deleteHeld = async () => {
      deleting = deleteProject({ ...officeCtx, db: held.db }, p.id);
      await held.holding;
    };
    const input = { projectId: p.id, period: '2026-02', summary: '推进中', problems: '', items: [] };
    const started = refusal(createReport(meanwhile(deptCtx, deleteHeld), input));
    await deleting;
    expect(await started).toMatchObject({ code: 'NOT_FOUND' });
    expect(await reportsOf(p.id)).toBe(0);
  });
});

describe('a battle’s phases and links written while it or the project is deleted', () => {
  it('does not save the phases of a battle deleted since the checks', async () => {
    const id = await battle();
    const phases = [
      { name: '摸清底数', startDate: '2026-01-01', endDate: '2026-03-31', target: '', progress: 0 },
    ];
    const gone = deleted(`/api/v1/reforms/battles/${id}`);
    expect(await refusal(saveBattlePhases(meanwhile(officeCtx, gone), id, { phases }))).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(
      await t.database.db.select().from(reformBattlePhases).where(eq(reformBattlePhases.battleId, id)),
    ).toEqual([]);
  });

  it('does not put a project under a battle deleted since the checks', async () => {
    const [id, p] = [await battle(), await project()];
    const gone = deleted(`/api/v1/reforms/battles/${id}`);
    expect(await refusal(linkBattle(meanwhile(officeCtx, gone), 'linkProject', id, p.id))).toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('refuses to put under a battle a project deleted since the checks, naming it', async () => {
    const [id, p] = [await battle(), await project()];
    const gone = deleted(`/api/v1/reforms/projects/${p.id}`);
    expect(await refusal(linkBattle(meanwhile(officeCtx, gone), 'linkProject', id, p.id))).toMatchObject({
      code: 'CONFLICT',
      errors: [expect.objectContaining({ path: 'id', code: 'unknown_project' })],
    });
    const read = await office.get<{ projects: unknown[] }>(`/api/v1/reforms/battles/${id}`);
    expect(read.body.projects).toEqual([]);
  });
});
