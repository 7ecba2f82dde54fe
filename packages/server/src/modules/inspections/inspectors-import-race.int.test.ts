import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSheet } from '../../excel/workbook.js';
import { createTestContext, type TestContext } from '../../test-support/app.js';
import { makeUser, signIn } from '../../test-support/factories.js';
import { contextOf, racing, refusal } from '../../test-support/racing.js';
import { unitsByIds } from '../units/api.js';
import { importInspectors } from './commands/importInspectors.js';
import { updateInspector } from './commands/saveInspector.js';
import type { Inspector } from './contracts.js';
import { inspectorColumns } from './excel.js';
import { inspectionInspectors } from './schema.js';
import { unitId } from './test-helpers.js';

/**
 * A department's file of inspectors checked, then an inspector it names moved to another
 * department before the file is written: the file is refused at that row, the inspector left as
 * the other department has them. Run on PGlite, and on PostgreSQL with DATABASE_URL set.
 */
let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users', 'business'] });
});
afterAll(() => t.close());

describe('an inspectors’ file racing a move of an inspector it names', () => {
  it('is refused at the row of the inspector moved out of the importer’s scope', async () => {
    const office = await t.as('office');
    const [d20, d25] = [await unitId(t, 'QJ-D20'), await unitId(t, 'QJ-D25')];
    const both = await makeUser(t, {
      roles: [
        ['department_staff', { id: d20 }],
        ['department_staff', { id: d25 }],
      ],
    });
    const made = await office.post<Inspector>('/api/v1/inspections/inspectors', {
      login: both.login,
      unitId: d20,
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const importer = await contextOf(
      t,
      await signIn(t, await makeUser(t, { roles: [['department_staff', { id: d20 }]] })),
    );
    const file = await writeSheet('执法人员名录', inspectorColumns, [
      {
        login: both.login,
        unit: (await unitsByIds(t.database.db, [d20])).get(d20)!.name,
        qualifications: '行政执法证',
      },
    ]);
    const move = async () => updateInspector(await contextOf(t, office), made.body.id, { unitId: d25 });
    const refused = await refusal(
      importInspectors({ ...importer, db: racing(importer.db, move) }, async () => new Uint8Array(file)),
    );
    expect(refused).toMatchObject({
      code: 'VALIDATION',
      errors: [{ path: 'row 2.login', code: 'outside_scope' }],
    });
    const [row] = await t.database.db
      .select()
      .from(inspectionInspectors)
      .where(eq(inspectionInspectors.id, made.body.id));
    expect(row).toMatchObject({ unitId: d25, qualifications: [] });
  });
});
