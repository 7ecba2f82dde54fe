import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../context.js';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { type District, makeDistrict, makeUnit, signedIn } from '../../test-support/factories.js';
import { contextOf, racing, refusal } from '../../test-support/racing.js';
import { updateProject } from './commands/updateProject.js';
import type { ReformProject } from './contracts.js';

/**
 * An office hands a project only to a unit in its own scope: asked again inside the edit's
 * transaction, of the project held there and of the unit as it now sits in the tree, so a change
 * another admin made since the checks cannot carry the project out of the scope. `racing` puts
 * that change between the checks and the write, on PGlite and PostgreSQL.
 */
let t: TestContext;
let tree: District;
let office: TestClient;
let made = 0;

beforeAll(async () => {
  t = await createTestContext({ seed: [] });
  tree = await makeDistrict(t);
  office = await signedIn(t, 'admin', tree.district);
});
afterAll(() => t.close());

async function projectLedBy(leadUnitId: string): Promise<ReformProject> {
  made += 1;
  const list = await office.post<{ id: string }>('/api/v1/reforms/lists', { name: `范围清单${made}` });
  const res = await office.post<ReformProject>('/api/v1/reforms/projects', {
    code: `QJGG-S${String(made).padStart(3, '0')}`,
    name: `范围项目${made}`,
    listId: list.body.id,
    source: 'local',
    leadUnitId,
    startDate: '2026-01-01',
    endDate: '2026-12-31',
  });
  expect(res.status).toBe(201);
  return res.body;
}

const leadOf = async (id: string) =>
  (await office.get<ReformProject>(`/api/v1/reforms/projects/${id}`)).body.leadUnitId;
const meanwhile = (ctx: ServiceContext, work: () => Promise<unknown>) => ({
  ...ctx,
  db: racing(ctx.db, work),
});
const ok = async (res: Promise<{ status: number }>) => expect((await res).status).toBe(200);

describe('a street’s office handing a project to a unit', () => {
  it('is refused when the unit moved out of the street since the checks', async () => {
    const [from, to] = [
      await makeUnit(t, { parent: tree.street, kind: 'community' }),
      await makeUnit(t, { parent: tree.street, kind: 'community' }),
    ];
    const street = await contextOf(t, await signedIn(t, 'admin', tree.street));
    const p = await projectLedBy(from.id);
    const moved = () => ok(office.patch(`/api/v1/units/${to.id}`, { parentId: tree.town.id }));
    expect(await refusal(updateProject(meanwhile(street, moved), p.id, { leadUnitId: to.id }))).toMatchObject(
      {
        code: 'FORBIDDEN',
      },
    );
    expect(await leadOf(p.id)).toBe(from.id);
  });

  it('is refused for a unit outside the street, once the project it led was handed into the street meanwhile', async () => {
    // The street's admin also works for a department outside the street, which leads the project:
    // as its staff they may edit it, naming the department it already has as its lead.
    const user = await signedIn(t, 'admin', tree.street, { roles: [['department_staff', tree.department]] });
    const ctx = await contextOf(t, user);
    const inStreet = await makeUnit(t, { parent: tree.street, kind: 'community' });
    const p = await projectLedBy(tree.department.id);
    const handed = () => ok(office.patch(`/api/v1/reforms/projects/${p.id}`, { leadUnitId: inStreet.id }));
    const edit = { leadUnitId: tree.department.id, goal: '按部门意见推进' };
    expect(await refusal(updateProject(meanwhile(ctx, handed), p.id, edit))).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await leadOf(p.id)).toBe(inStreet.id);
  });
});
