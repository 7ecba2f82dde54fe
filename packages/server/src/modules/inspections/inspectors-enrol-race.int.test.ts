import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../context.js';
import type { Db } from '../../db/client.js';
import { writeSheet } from '../../excel/workbook.js';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { makeUser } from '../../test-support/factories.js';
import { contextOf, racing, refusal, waitedForCommit } from '../../test-support/racing.js';
import { unitsByIds } from '../units/api.js';
import { importInspectors } from './commands/importInspectors.js';
import { createInspector } from './commands/saveInspector.js';
import { inspectorColumns } from './excel.js';
import { inspectionInspectors } from './schema.js';
import { unitId } from './test-helpers.js';

/**
 * A department enrolling one of its accounts as an inspector (by the form or by a file) while an
 * admin disables that account, or takes its department's staff role away: the enrolment checks
 * the account again in its write and holds it, so the account changed since the checks is refused
 * as such an account always is, and one disabled while the enrolment is written waits for it; no
 * enrolment is recorded after the account's change. The draws read the enrolment, not the role,
 * so an account let in so could be drawn for a department it has left. Run on PGlite, and on PostgreSQL with DATABASE_URL set; the disabling
 * while the write is open only on PostgreSQL: on PGlite's one connection it waits for the commit
 * whether held or not.
 */
let t: TestContext;
let office: TestClient;
let ctx: ServiceContext;
let d20: string;
beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users', 'business'] });
  office = await t.as('office');
  ctx = await contextOf(t, office);
  d20 = await unitId(t, 'QJ-D20');
});
afterAll(() => t.close());

const staff = () => makeUser(t, { roles: [['department_staff', { id: d20 }]] });

const setDisabled = async (userId: string, disabled: boolean) => {
  const res = await office.patch(`/api/v1/users/${userId}`, { disabled });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
};

const enrolled = async (userId: string) =>
  (await t.database.db.select().from(inspectionInspectors).where(eq(inspectionInspectors.userId, userId)))
    .length > 0;

/** An inspectors' file naming `login` in the department QJ-D20. */
async function fileOf(login: string) {
  const unit = (await unitsByIds(t.database.db, [d20])).get(d20)!.name;
  const file = await writeSheet('执法人员名录', inspectorColumns, [{ login, unit }]);
  return async () => new Uint8Array(file);
}

const enrolByForm = (db: Db, login: string) =>
  createInspector(
    { ...ctx, db },
    {
      login,
      unitId: d20,
      qualifications: [],
      workingDays: [1, 2, 3, 4, 5],
      conflictFirmIds: [],
      active: true,
    },
  );
const enrolByFile = async (db: Db, login: string) => importInspectors({ ...ctx, db }, await fileOf(login));

describe('an account disabled between an enrolment’s checks and its write', () => {
  it('is refused by the form as a disabled account, and nobody is enrolled', async () => {
    const user = await staff();
    const refused = await refusal(
      enrolByForm(
        racing(ctx.db, () => setDisabled(user.id, true)),
        user.login,
      ),
    );
    expect(refused).toMatchObject({ code: 'VALIDATION', errors: [{ path: 'login', code: 'unknown_user' }] });
    expect(await enrolled(user.id)).toBe(false);
  });

  it('is refused by the file at its row, and the file writes nothing', async () => {
    const user = await staff();
    const refused = await refusal(
      enrolByFile(
        racing(ctx.db, () => setDisabled(user.id, true)),
        user.login,
      ),
    );
    expect(refused).toMatchObject({
      code: 'VALIDATION',
      errors: [{ path: 'row 2.login', code: 'account_disabled' }],
    });
    expect(await enrolled(user.id)).toBe(false);
  });
});

const revokeStaff = async (userId: string) => {
  const res = await office.put(`/api/v1/users/${userId}/roles`, { roles: [] });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
};

describe('the department’s staff role taken away between an enrolment’s checks and its write', () => {
  it('is refused by the form as an account not the department’s staff', async () => {
    const user = await staff();
    const refused = await refusal(
      enrolByForm(
        racing(ctx.db, () => revokeStaff(user.id)),
        user.login,
      ),
    );
    expect(refused).toMatchObject({
      code: 'VALIDATION',
      errors: [{ path: 'login', code: 'not_department_staff' }],
    });
    expect(await enrolled(user.id)).toBe(false);
  });

  it('is refused by the file at its row, and the file writes nothing', async () => {
    const user = await staff();
    const refused = await refusal(
      enrolByFile(
        racing(ctx.db, () => revokeStaff(user.id)),
        user.login,
      ),
    );
    expect(refused).toMatchObject({
      code: 'VALIDATION',
      errors: [{ path: 'row 2.login', code: 'not_department_staff' }],
    });
    expect(await enrolled(user.id)).toBe(false);
  });
});

/** Whether disabling `userId`, started while `work`'s enrolment was held uncommitted, waited for it. */
const disabledDuring = (userId: string, work: (db: Db) => Promise<unknown>) =>
  waitedForCommit(ctx.db, work, () => setDisabled(userId, true));

describe.runIf(!!process.env.DATABASE_URL)('an account disabled while its enrolment is written', () => {
  it('waits for the form’s enrolment to commit', async () => {
    const user = await staff();
    expect(await disabledDuring(user.id, (db) => enrolByForm(db, user.login))).toBe(true);
  });

  it('waits for the file’s enrolment to commit', async () => {
    const user = await staff();
    expect(await disabledDuring(user.id, (db) => enrolByFile(db, user.login))).toBe(true);
  });
});
