import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../context.js';
import { writeSheet } from '../../excel/workbook.js';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { contextOf, holdingCommit, racing, refusal } from '../../test-support/racing.js';
import { unitsByIds } from '../units/api.js';
import { importItems } from './commands/importItems.js';
import { createItem, updateItem } from './commands/saveItem.js';
import type { InspectionItem } from './contracts.js';
import { itemColumns } from './excel.js';
import { inspectionItems } from './schema.js';
import { unitId } from './test-helpers.js';

/**
 * An items file checked before another user changed an item's code, or made an item with one of
 * the file's new codes, is refused by the row at fault (row N.code), worded, and writes nothing;
 * never a conflict of the database. Run on PGlite, and on PostgreSQL with DATABASE_URL set.
 */
let t: TestContext;
let office: TestClient;
let officeCtx: ServiceContext;
let other: ServiceContext;
beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users', 'business', 'inspections'] });
  office = await t.as('office');
  officeCtx = await contextOf(t, office);
  other = await contextOf(t, await t.as('office'));
});
afterAll(() => t.close());

let serial = 0;
const nextCode = () => `CODE-RACE-${++serial}`;
const fields = (code: string, name: string) => ({
  code,
  name,
  legalBasis: '依据',
  qualification: null,
  expectedMinutes: 20,
});

async function newItem(): Promise<InspectionItem> {
  return createItem(other, { unitId: await unitId(t, 'QJ-D20'), ...fields(nextCode(), '原有事项') });
}

/** A file of rows of QJ-D20's items, by code and name. */
async function fileOf(rows: Array<{ code: string; name: string }>) {
  const d20 = await unitId(t, 'QJ-D20');
  const unit = (await unitsByIds(t.database.db, [d20])).get(d20)!.name;
  const file = await writeSheet(
    '检查事项清单',
    itemColumns,
    rows.map((r) => ({ ...fields(r.code, r.name), qualification: '', unit })),
  );
  return async () => new Uint8Array(file);
}

const namesOf = async (codes: string[]) =>
  Object.fromEntries(
    (await t.database.db.select().from(inspectionItems).where(inArray(inspectionItems.code, codes))).map(
      (i) => [i.code, i.name],
    ),
  );

describe('an items file meeting a code changed since its checks', () => {
  it('refuses the row of an item whose code changed, and makes no item under its old code', async () => {
    const item = await newItem();
    const renamed = nextCode();
    const upload = await fileOf([{ code: item.code, name: '导入改名' }]);
    const recode = () => updateItem(other, item.id, { code: renamed });
    const refused = await refusal(importItems({ ...officeCtx, db: racing(officeCtx.db, recode) }, upload));
    expect(refused).toMatchObject({
      code: 'VALIDATION',
      errors: [
        {
          path: 'row 2.code',
          code: 'edited_meanwhile',
          params: expect.objectContaining({ value: item.code }),
        },
      ],
    });
    expect(await namesOf([item.code, renamed])).toEqual({ [renamed]: '原有事项' });
  });

  it('refuses the row of a new code another user took, and writes nothing of the file', async () => {
    const item = await newItem();
    const code = nextCode();
    const upload = await fileOf([
      { code: item.code, name: '导入改名' },
      { code, name: '导入新增' },
    ]);
    const byHand = async () =>
      createItem(other, { unitId: await unitId(t, 'QJ-D20'), ...fields(code, '手工新增') });
    const refused = await refusal(importItems({ ...officeCtx, db: racing(officeCtx.db, byHand) }, upload));
    expect(refused).toMatchObject({
      code: 'VALIDATION',
      errors: [{ path: 'row 3.code', code: 'taken', params: expect.objectContaining({ value: code }) }],
    });
    expect(await namesOf([item.code, code])).toEqual({ [item.code]: '原有事项', [code]: '手工新增' });
  });

  it('words the row in the reader’s language', async () => {
    const item = await newItem();
    const upload = await fileOf([{ code: item.code, name: '导入改名' }]);
    const recode = () => updateItem(other, item.id, { code: nextCode() });
    const refused = await refusal(
      importItems({ ...officeCtx, locale: 'en', db: racing(officeCtx.db, recode) }, upload),
    );
    expect((refused as { errors: { message: string }[] }).errors[0]!.message).toContain(
      `The item coded “${item.code}” had its code changed meanwhile`,
    );
    expect(await namesOf([item.code])).toEqual({});
  });
});

/*
 * On PostgreSQL the import's write meets the item still uncommitted at the code's unique index; on
 * PGlite (one connection) its write waits for the item's commit and finds the code taken.
 */
describe('a new code of the file being taken as the import writes', () => {
  it('refuses its row naming the code, and writes nothing of the file', async () => {
    const item = await newItem();
    const code = nextCode();
    const upload = await fileOf([
      { code: item.code, name: '导入改名' },
      { code, name: '导入新增' },
    ]);
    // Once the file is checked, the item made by hand is written and held uncommitted while the
    // import looks for its codes again and writes them.
    const held = holdingCommit(other.db, 1500);
    let making: Promise<unknown> = Promise.resolve();
    const madeByHand = async () => {
      making = createItem(
        { ...other, db: held.db },
        { unitId: await unitId(t, 'QJ-D20'), ...fields(code, '手工新增') },
      );
      await held.holding;
    };
    const importing = refusal(importItems({ ...officeCtx, db: racing(officeCtx.db, madeByHand) }, upload));
    await making;
    expect(await importing).toMatchObject({
      code: 'VALIDATION',
      errors: [{ path: 'row 3.code', code: 'taken', params: expect.objectContaining({ value: code }) }],
    });
    expect(await namesOf([item.code, code])).toEqual({ [item.code]: '原有事项', [code]: '手工新增' });
    const [row] = await t.database.db.select().from(inspectionItems).where(eq(inspectionItems.id, item.id));
    expect(row!.name).toBe('原有事项');
  });
});
