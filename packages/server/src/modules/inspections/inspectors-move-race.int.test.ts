import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../context.js';
import type { Db } from '../../db/client.js';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { makeUser, signIn } from '../../test-support/factories.js';
import { contextOf, racing, refusal, waitedForCommit } from '../../test-support/racing.js';
import { updateInspector } from './commands/saveInspector.js';
import type { Inspector } from './contracts.js';
import { inspectionInspectors } from './schema.js';
import { unitId } from './test-helpers.js';

/**
 * An inspector moved to another department (or otherwise changed) while an admin changes what the
 * move was checked on: the account's staff role of the department it goes to taken away, or the
 * inspector moved out of the changer's scope by someone else. The update checks both again in its
 * write, the inspector's row and account held, so the inspector is never recorded in a department
 * whose staff the account no longer is, nor changed by a department it no longer belongs to. Run
 * on PGlite, and on PostgreSQL with DATABASE_URL set; the role change while the write is open only
 * on PostgreSQL: on PGlite's one connection it waits for the commit whether held or not.
 */
let t: TestContext;
let office: TestClient;
let ctx: ServiceContext;
let d20: string;
let d25: string;
beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users', 'business'] });
  office = await t.as('office');
  ctx = await contextOf(t, office);
  [d20, d25] = [await unitId(t, 'QJ-D20'), await unitId(t, 'QJ-D25')];
});
afterAll(() => t.close());

/** An inspector of QJ-D20 whose account is the staff of QJ-D20 and of QJ-D25. */
async function inspectorOfBoth() {
  const user = await makeUser(t, {
    roles: [
      ['department_staff', { id: d20 }],
      ['department_staff', { id: d25 }],
    ],
  });
  const made = await office.post<Inspector>('/api/v1/inspections/inspectors', {
    login: user.login,
    unitId: d20,
  });
  expect(made.status, JSON.stringify(made.body)).toBe(201);
  return { user, id: made.body.id };
}

/** The account keeps the staff role of QJ-D20 alone. */
const staffOfD20Only = async (userId: string) => {
  const res = await office.put(`/api/v1/users/${userId}/roles`, {
    roles: [{ role: 'department_staff', unitId: d20 }],
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
};

const unitOf = async (id: string) =>
  (
    await t.database.db
      .select({ unitId: inspectionInspectors.unitId })
      .from(inspectionInspectors)
      .where(eq(inspectionInspectors.id, id))
  )[0]!.unitId;

const moveTo = (db: Db, id: string, to: string) => updateInspector({ ...ctx, db }, id, { unitId: to });

describe('an inspector’s move racing a change of what it was checked on', () => {
  it('is refused when the account lost the staff role of the department between the checks and the write', async () => {
    const { user, id } = await inspectorOfBoth();
    const refused = await refusal(
      moveTo(
        racing(ctx.db, () => staffOfD20Only(user.id)),
        id,
        d25,
      ),
    );
    expect(refused).toMatchObject({
      code: 'VALIDATION',
      errors: [{ path: 'unitId', code: 'not_department_staff' }],
    });
    expect(await unitOf(id)).toBe(d20);
  });

  it('is forbidden to a department the inspector was moved away from between the checks and the write', async () => {
    const { id } = await inspectorOfBoth();
    const d20Admin = await contextOf(
      t,
      await signIn(t, await makeUser(t, { roles: [['department_staff', { id: d20 }]] })),
    );
    const moveAway = () => updateInspector(ctx, id, { unitId: d25 });
    const refused = await refusal(
      updateInspector({ ...d20Admin, db: racing(d20Admin.db, moveAway) }, id, {
        qualifications: ['行政执法证'],
      }),
    );
    expect(refused).toMatchObject({ code: 'FORBIDDEN' });
    const [row] = await t.database.db
      .select()
      .from(inspectionInspectors)
      .where(eq(inspectionInspectors.id, id));
    expect(row).toMatchObject({ unitId: d25, qualifications: [] });
  });
});

describe.runIf(!!process.env.DATABASE_URL)(
  'a staff role taken away while an inspector’s move is written',
  () => {
    it('waits for the move to commit', async () => {
      const { user, id } = await inspectorOfBoth();
      const waited = await waitedForCommit(
        ctx.db,
        (db) => moveTo(db, id, d25),
        () => staffOfD20Only(user.id),
        400,
      );
      expect(waited).toBe(true);
    });
  },
);
