import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../context.js';
import { writeSheet } from '../../excel/workbook.js';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { makeUser, signIn } from '../../test-support/factories.js';
import { contextOf, racing, refusal } from '../../test-support/racing.js';
import { unitsByIds } from '../units/api.js';
import { createTask } from './commands/createTask.js';
import { deleteItem } from './commands/deleteItem.js';
import { importItems } from './commands/importItems.js';
import { updateItem } from './commands/saveItem.js';
import { type InspectionItem, TaskInput } from './contracts.js';
import { itemColumns } from './excel.js';
import { inspectionItems, inspectionTaskItems } from './schema.js';
import { itemsOf, taskCount, unitId } from './test-helpers.js';

/**
 * An item a task checks stays with its department, and stays at all: its department's share of
 * the task's visits carries it and its findings count for that department. Its removal or move
 * racing a task's creation is refused in words, never with a failure of the database. Run on
 * PGlite, and on PostgreSQL with DATABASE_URL set.
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

type Problem = { code: string; errors: { path: string; code: string; params?: Record<string, unknown> }[] };
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
let serial = 0;

/** A new item of the department, named by no task yet. */
async function newItem(code: string): Promise<InspectionItem> {
  const res = await office.post<InspectionItem>('/api/v1/inspections/items', {
    unitId: await unitId(t, code),
    code: `RACE-${++serial}`,
    name: `竞争事项 ${serial}`,
    legalBasis: '依据',
    expectedMinutes: 20,
  });
  expect(res.status).toBe(201);
  return res.body;
}

/** A task of QJ-D20 over its demo items and `extra` last, as the route parses it. */
const taskOf = async (extra: string) =>
  TaskInput.parse({
    title: '事项竞争测试',
    unitIds: [await unitId(t, 'QJ-D20')],
    itemIds: [
      ...(await itemsOf(t, 'QJ-D20')).filter((i) => !i.code.startsWith('RACE-')).map((i) => i.id),
      extra,
    ],
    sample: { high: 1, medium: 0, low: 0 },
    inspectorsPerVisit: 1,
    periodStart: '2026-12-01',
    periodEnd: '2026-12-31',
  });

const itemRow = async (id: string) =>
  (await t.database.db.select().from(inspectionItems).where(eq(inspectionItems.id, id)))[0];

describe('an item a task checks', () => {
  it('is not moved to another department, by hand or by a file; an item of no task is', async () => {
    const [named] = await t.database.db
      .select({ item: inspectionItems })
      .from(inspectionTaskItems)
      .innerJoin(inspectionItems, eq(inspectionItems.id, inspectionTaskItems.itemId))
      .limit(1);
    const item = named!.item;
    const elsewhere = (await t.database.db.select().from(inspectionItems)).find(
      (i) => i.unitId !== item.unitId,
    )!.unitId;
    const res = await office.patch<Problem>(`/api/v1/inspections/items/${item.id}`, { unitId: elsewhere });
    expect(res.status).toBe(409);
    expect(res.body.errors[0]).toMatchObject({
      path: 'unitId',
      code: 'item_in_task',
      params: { value: item.name },
    });
    expect(await itemRow(item.id)).toEqual(item);

    const target = (await unitsByIds(t.database.db, [elsewhere])).get(elsewhere)!;
    const file = await writeSheet('检查事项清单', itemColumns, [
      {
        code: item.code,
        unit: target.name,
        name: item.name,
        legalBasis: item.legalBasis,
        qualification: item.qualification ?? '',
        expectedMinutes: item.expectedMinutes,
      },
    ]);
    const imported = await office.request<Problem>(
      'POST',
      '/api/v1/inspections/items/import',
      new Uint8Array(file),
      { 'content-type': XLSX },
    );
    expect(imported.status).toBe(400);
    expect(imported.body.errors[0]).toMatchObject({ path: 'row 2.unit', code: 'item_in_task' });
    expect(await itemRow(item.id)).toEqual(item);

    const free = await newItem('QJ-D20');
    const moved = await office.patch<InspectionItem>(`/api/v1/inspections/items/${free.id}`, {
      unitId: elsewhere,
    });
    expect(moved.status).toBe(200);
    expect(moved.body.unit.id).toBe(elsewhere);
  });

  it('removed while a task naming it is made: the task is refused at that item, nothing written', async () => {
    const item = await newItem('QJ-D20');
    const input = await taskOf(item.id);
    const before = await taskCount(t);
    const refused = await refusal(
      createTask({ ...officeCtx, db: racing(officeCtx.db, () => deleteItem(other, item.id)) }, input),
    );
    expect(refused).toMatchObject({
      code: 'VALIDATION',
      errors: [{ path: `itemIds.${input.itemIds.length - 1}`, code: 'unknown_item' }],
    });
    expect(await taskCount(t)).toBe(before);
  });

  it('moved to another department while a task naming it is made: the task is refused', async () => {
    const item = await newItem('QJ-D20');
    const input = await taskOf(item.id);
    const before = await taskCount(t);
    const d25 = await unitId(t, 'QJ-D25');
    const move = () => updateItem(other, item.id, { unitId: d25 });
    const refused = await refusal(createTask({ ...officeCtx, db: racing(officeCtx.db, move) }, input));
    expect(refused).toMatchObject({
      code: 'VALIDATION',
      errors: [{ path: `itemIds.${input.itemIds.length - 1}`, code: 'item_outside_task' }],
    });
    expect(await taskCount(t)).toBe(before);
  });

  it('named by a task made while it is removed: it stays, the removal refused', async () => {
    const item = await newItem('QJ-D20');
    const input = await taskOf(item.id);
    const refused = await refusal(
      deleteItem({ ...officeCtx, db: racing(officeCtx.db, () => createTask(other, input)) }, item.id),
    );
    expect(refused).toMatchObject({ code: 'CONFLICT', errors: [{ path: 'id', code: 'in_use' }] });
    expect(await itemRow(item.id)).toBeDefined();
  });

  it('named by a task made while it is moved: it stays with its department, the move refused', async () => {
    const item = await newItem('QJ-D20');
    const input = await taskOf(item.id);
    const refused = await refusal(
      updateItem({ ...officeCtx, db: racing(officeCtx.db, () => createTask(other, input)) }, item.id, {
        unitId: await unitId(t, 'QJ-D25'),
      }),
    );
    expect(refused).toMatchObject({ code: 'CONFLICT', errors: [{ path: 'unitId', code: 'item_in_task' }] });
    expect((await itemRow(item.id))!.unitId).toBe(await unitId(t, 'QJ-D20'));
  });

  it('named by a task made while a file moves it: it stays with its department, the file refused', async () => {
    const item = await newItem('QJ-D20');
    const input = await taskOf(item.id);
    const d25 = await unitId(t, 'QJ-D25');
    const file = await writeSheet('检查事项清单', itemColumns, [
      {
        code: item.code,
        unit: (await unitsByIds(t.database.db, [d25])).get(d25)!.name,
        name: item.name,
        legalBasis: item.legalBasis,
        qualification: '',
        expectedMinutes: item.expectedMinutes,
      },
    ]);
    const racingCtx = { ...officeCtx, db: racing(officeCtx.db, () => createTask(other, input)) };
    const refused = await refusal(importItems(racingCtx, async () => new Uint8Array(file)));
    expect(refused).toMatchObject({
      code: 'VALIDATION',
      errors: [{ path: 'row 2.unit', code: 'item_in_task' }],
    });
    expect((await itemRow(item.id))!.unitId).toBe(await unitId(t, 'QJ-D20'));
  });

  it('moved to another department while its old department imports a file naming it: the file refused', async () => {
    const item = await newItem('QJ-D20');
    const d20 = await unitId(t, 'QJ-D20');
    const staff = await makeUser(t, { roles: [['department_staff', { id: d20 }]] });
    const staffCtx = await contextOf(t, await signIn(t, staff));
    const file = await writeSheet('检查事项清单', itemColumns, [
      {
        code: item.code,
        unit: (await unitsByIds(t.database.db, [d20])).get(d20)!.name,
        name: '改名的事项',
        legalBasis: item.legalBasis,
        qualification: '',
        expectedMinutes: item.expectedMinutes,
      },
    ]);
    const d25 = await unitId(t, 'QJ-D25');
    const move = () => updateItem(other, item.id, { unitId: d25 });
    const racingCtx = { ...staffCtx, db: racing(staffCtx.db, move) };
    const refused = await refusal(importItems(racingCtx, async () => new Uint8Array(file)));
    expect(refused).toMatchObject({
      code: 'VALIDATION',
      errors: [{ path: 'row 2.code', code: 'outside_scope' }],
    });
    expect(await itemRow(item.id)).toMatchObject({ unitId: d25, name: item.name });
  });
});
