import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../context.js';
import type { Db } from '../../db/client.js';
import { writeSheet } from '../../excel/workbook.js';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { makeUser } from '../../test-support/factories.js';
import { contextOf, racing, waitedForCommit } from '../../test-support/racing.js';
import { unitsByIds } from '../units/api.js';
import { importInspectors } from './commands/importInspectors.js';
import { createInspector } from './commands/saveInspector.js';
import { inspectorColumns } from './excel.js';
import { inspectionInspectors } from './schema.js';
import { unitId } from './test-helpers.js';

/**
 * A department enrolling one of its staff as an inspector (by the form or by a file) while an
 * admin moves units: the staff check rests on where the department and the account's role sit,
 * so the enrolment steadies the unit tree first in its write and reads both there. A department
 * moved between the checks and the write is read where it now sits (its staff stay its staff),
 * and a move started while the write is open waits for it. Run on PGlite, and on PostgreSQL with
 * DATABASE_URL set; the move while the write is open only on PostgreSQL: on PGlite's one
 * connection it waits for the commit whether held or not.
 */
let t: TestContext;
let office: TestClient;
let ctx: ServiceContext;
let d20: string;
let district: string;
let other: string;
beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users', 'business'] });
  office = await t.as('office');
  ctx = await contextOf(t, office);
  [d20, district, other] = [await unitId(t, 'QJ-D20'), await unitId(t, 'QJ'), await unitId(t, 'QJ-O03')];
});
afterAll(() => t.close());

const moveD20 = async (parentId: string) => {
  const res = await office.patch(`/api/v1/units/${d20}`, { parentId });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
};
// Each case leaves the department where the demo has it.
afterEach(() => moveD20(district));

const staff = () => makeUser(t, { roles: [['department_staff', { id: d20 }]] });

const enrolled = async (userId: string) =>
  (await t.database.db.select().from(inspectionInspectors).where(eq(inspectionInspectors.userId, userId)))
    .length > 0;

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

/** An inspectors' file naming `login` in the department QJ-D20. */
async function enrolByFile(db: Db, login: string) {
  const unit = (await unitsByIds(t.database.db, [d20])).get(d20)!.name;
  const file = await writeSheet('执法人员名录', inspectorColumns, [{ login, unit }]);
  return importInspectors({ ...ctx, db }, async () => new Uint8Array(file));
}

describe('a department moved between an enrolment’s checks and its write', () => {
  it('enrols its staff by the form, the department read where it now sits', async () => {
    const user = await staff();
    await enrolByForm(
      racing(ctx.db, () => moveD20(other)),
      user.login,
    );
    expect(await enrolled(user.id)).toBe(true);
  });
});

/** Whether moving the department, started while `work`'s enrolment was held uncommitted, waited for it. */
const movedDuring = (work: (db: Db) => Promise<unknown>) =>
  waitedForCommit(ctx.db, work, () => moveD20(other), 400);

describe.runIf(!!process.env.DATABASE_URL)('a unit moved while an enrolment is written', () => {
  it('waits for the form’s enrolment to commit', async () => {
    const user = await staff();
    expect(await movedDuring((db) => enrolByForm(db, user.login))).toBe(true);
    expect(await enrolled(user.id)).toBe(true);
  });

  it('waits for the file’s enrolment to commit', async () => {
    const user = await staff();
    expect(await movedDuring((db) => enrolByFile(db, user.login))).toBe(true);
    expect(await enrolled(user.id)).toBe(true);
  });
});
