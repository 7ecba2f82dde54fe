import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../context.js';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { makeUnit } from '../../test-support/factories.js';
import { contextOf, holdingCommit, racing, refusal } from '../../test-support/racing.js';
import { districtRoot, type Unit } from '../units/api.js';
import { createProject } from './commands/createProject.js';
import { updateProject } from './commands/updateProject.js';
import type { ReformProject } from './contracts.js';
import { reformProjects } from './schema.js';
import { freshProject, unitId } from './test-helpers.js';

/**
 * A unit deleted from the tree while the office gives it a project to lead or to work on: the
 * delete having gone since the checks, the create or edit answers a conflict naming the field
 * (never the database's failure) and writes nothing. `racing` puts the delete between the checks
 * and the write on PGlite and PostgreSQL; the delete held uncommitted as the edit writes, which
 * the edit waits for, only PostgreSQL's second connection shows.
 */
let t: TestContext;
let office: TestClient;
let officeCtx: ServiceContext;
let district: { id: string };

beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users'] });
  office = await t.as('office');
  officeCtx = await contextOf(t, office);
  district = (await districtRoot(t.database.db))!;
});
afterAll(() => t.close());

const meanwhile = (ctx: ServiceContext, work: () => Promise<unknown>) => ({
  ...ctx,
  db: racing(ctx.db, work),
});
const leaf = (): Promise<Unit> => makeUnit(t, { parent: district, kind: 'department' });
const deleted = (unit: Unit) => async () =>
  expect((await office.delete(`/api/v1/units/${unit.id}`)).status).toBe(204);
const unknownUnit = (path: string) => ({
  code: 'CONFLICT',
  errors: [expect.objectContaining({ path, code: 'unknown_unit' })],
});
let made = 0;
async function input(leadUnitId: string, coUnitIds: string[] = []) {
  made += 1;
  const list = await office.post<{ id: string }>('/api/v1/reforms/lists', { name: `单位删除清单${made}` });
  return {
    code: `QJGG-U${String(made).padStart(3, '0')}`,
    name: `单位删除时的项目${made}`,
    listId: list.body.id,
    source: 'local' as const,
    leadUnitId,
    coUnitIds,
    startDate: '2026-01-01',
    endDate: '2026-12-31',
    goal: '',
    pilotLevel: null,
    pilotStatus: null,
  };
}
const withCode = (code: string) =>
  t.database.db.select().from(reformProjects).where(eq(reformProjects.code, code));
const read = async (id: string) => (await office.get<ReformProject>(`/api/v1/reforms/projects/${id}`)).body;

describe('a project created for a unit deleted since the checks', () => {
  it('is refused naming the lead unit, and not written', async () => {
    const unit = await leaf();
    const body = await input(unit.id);
    expect(await refusal(createProject(meanwhile(officeCtx, deleted(unit)), body))).toMatchObject(
      unknownUnit('leadUnitId'),
    );
    expect(await withCode(body.code)).toEqual([]);
  });

  it('is refused naming the co-unit, and not written', async () => {
    const unit = await leaf();
    const body = await input(await unitId(t, 'QJ-D01'), [unit.id]);
    expect(await refusal(createProject(meanwhile(officeCtx, deleted(unit)), body))).toMatchObject(
      unknownUnit('coUnitIds.0'),
    );
    expect(await withCode(body.code)).toEqual([]);
  });
});

describe('a project edited to name a unit deleted since the checks', () => {
  it('refuses the co-units naming the one gone, and keeps the project as it was', async () => {
    const [p, kept, gone] = [await freshProject(t, office, []), await leaf(), await leaf()];
    const edit = { coUnitIds: [kept.id, gone.id], goal: '两家单位配合推进' };
    expect(await refusal(updateProject(meanwhile(officeCtx, deleted(gone)), p.id, edit))).toMatchObject(
      unknownUnit('coUnitIds.1'),
    );
    expect(await read(p.id)).toMatchObject({ coUnits: [], goal: p.goal });
  });
});

describe.runIf(!!process.env.DATABASE_URL)('a unit deleted as the edit handing it a project writes', () => {
  it('is waited for, and the edit refused naming the lead unit', async () => {
    const [p, unit] = [await freshProject(t, office, []), await leaf()];
    // Once the edit's checks are done, the unit's delete is written and held uncommitted while
    // the edit holds the project, reads the unit and writes.
    const held = holdingCommit(officeCtx.db);
    let deleting: Promise<unknown> = Promise.resolve();
    const deleteHeld = async () => {
      // The unit's row deleted in a transaction of its own, as the tree's delete does.
      deleting = held.db.transaction((tx) => tx.execute(sql`delete from units where id = ${unit.id}`));
      await held.holding;
    };
    const editing = refusal(
      updateProject(meanwhile(officeCtx, deleteHeld), p.id, { leadUnitId: unit.id, coUnitIds: [] }),
    );
    await deleting;
    expect(await editing).toMatchObject(unknownUnit('leadUnitId'));
    expect((await read(p.id)).leadUnitId).toBe(p.leadUnitId);
  });
});
