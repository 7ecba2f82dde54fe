import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../context.js';
import { createTestContext, type TestContext } from '../../test-support/app.js';
import {
  type District,
  type MadeUser,
  makeDistrict,
  makeUser,
  signIn,
} from '../../test-support/factories.js';
import { contextOf, racing, refusal } from '../../test-support/racing.js';
import { createUnit } from './commands/createUnit.js';
import { deleteUnit } from './commands/deleteUnit.js';
import { updateUnit } from './commands/updateUnit.js';
import type { Unit } from './contracts.js';
import { units } from './schema.js';

let t: TestContext;
let tree: District;
let office: MadeUser;
let officeCtx: ServiceContext;
beforeAll(async () => {
  t = await createTestContext({ seed: [] });
  tree = await makeDistrict(t);
  office = await makeUser(t, { roles: [['admin', tree.district]] });
  officeCtx = await contextOf(t, await signIn(t, office));
});
afterAll(() => t.close());

let n = 0;
/** A new unit under `parent`, made by the district office. */
const unitUnder = (parent: Unit, kind: Unit['kind'] = 'other') =>
  createUnit(officeCtx, { code: `R-${++n}`, name: `竞态单位${n}`, kind, parentId: parent.id, sort: 0 });
const stored = async (id: string) => (await t.database.db.select().from(units).where(eq(units.id, id)))[0];
/** `ctx`, except that the office's `meanwhile` runs after its checks, before its write. */
const meanwhile = (ctx: ServiceContext, work: () => Promise<unknown>): ServiceContext => ({
  ...ctx,
  db: racing(ctx.db, work),
});

describe('the unit tree, changed by two admins at once', () => {
  it('files a new unit under its parent where the parent is now, not where it was read', async () => {
    const parent = await unitUnder(tree.street);
    const ctx = meanwhile(officeCtx, () => updateUnit(officeCtx, parent.id, { parentId: tree.town.id }));
    const child = await createUnit(ctx, {
      code: `R-${++n}`,
      name: '新社区',
      kind: 'community',
      parentId: parent.id,
      sort: 0,
    });
    expect(child.path).toBe(`${tree.town.path}${parent.id}/${child.id}/`);
  });

  it('refuses a new unit under a parent moved out of the admin’s scope meanwhile', async () => {
    const streetAdmin = await contextOf(
      t,
      await signIn(t, await makeUser(t, { roles: [['admin', tree.street]] })),
    );
    const parent = await unitUnder(tree.street);
    const ctx = meanwhile(streetAdmin, () => updateUnit(officeCtx, parent.id, { parentId: tree.town.id }));
    const input = {
      code: `R-${++n}`,
      name: '越界社区',
      kind: 'community' as const,
      parentId: parent.id,
      sort: 0,
    };
    expect(await refusal(createUnit(ctx, input))).toMatchObject({ code: 'FORBIDDEN' });
    expect((await t.database.db.select().from(units).where(eq(units.code, input.code))).length).toBe(0);
  });

  it('refuses a move that another move has made into a loop', async () => {
    const a = await unitUnder(tree.district);
    const b = await unitUnder(tree.district);
    // Meanwhile b goes under a; a under b would now be a loop.
    const ctx = meanwhile(officeCtx, () => updateUnit(officeCtx, b.id, { parentId: a.id }));
    expect(await refusal(updateUnit(ctx, a.id, { parentId: b.id }))).toMatchObject({
      code: 'INVALID_STATE',
      errors: [expect.objectContaining({ path: 'parentId', code: 'cycle' })],
    });
    expect((await stored(a.id))?.path).toBe(`${tree.district.path}${a.id}/`);
  });

  it('moves a unit under its new parent where that parent is now', async () => {
    const target = await unitUnder(tree.street);
    const mover = await unitUnder(tree.district);
    const ctx = meanwhile(officeCtx, () => updateUnit(officeCtx, target.id, { parentId: tree.town.id }));
    await updateUnit(ctx, mover.id, { parentId: target.id });
    expect((await stored(mover.id))?.path).toBe(`${tree.town.path}${target.id}/${mover.id}/`);
  });

  it('refuses to delete a unit that was given a sub-unit meanwhile', async () => {
    const leaf = await unitUnder(tree.district);
    let child: Unit | undefined;
    const ctx = meanwhile(officeCtx, async () => {
      child = await unitUnder(leaf, 'community');
    });
    expect(await refusal(deleteUnit(ctx, leaf.id))).toMatchObject({
      code: 'INVALID_STATE',
      errors: [expect.objectContaining({ path: 'id', code: 'has_sub_units' })],
    });
    expect((await stored(child!.id))?.parentId).toBe(leaf.id);
    expect(await stored(leaf.id)).toBeDefined();
  });

  it('answers an unknown new parent as the caller’s field at fault, as creating does', async () => {
    const unit = await unitUnder(tree.district);
    const admin = await signIn(t, office);
    const missing = crypto.randomUUID();
    for (const res of [
      await admin.patch(`/api/v1/units/${unit.id}`, { parentId: missing }),
      await admin.post('/api/v1/units', {
        code: `R-${++n}`,
        name: '无上级',
        kind: 'other',
        parentId: missing,
      }),
    ]) {
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({
        code: 'VALIDATION',
        errors: [expect.objectContaining({ path: 'parentId', code: 'not_found' })],
      });
    }
  });
});
