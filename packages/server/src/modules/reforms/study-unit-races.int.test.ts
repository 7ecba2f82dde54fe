import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../context.js';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { makeUnit } from '../../test-support/factories.js';
import { contextOf, racing, refusal } from '../../test-support/racing.js';
import { districtRoot, type Unit } from '../units/api.js';
import { createStudyVisit } from './commands/createStudyVisit.js';
import { updateStudyVisit } from './commands/updateStudyVisit.js';
import { reformStudyMembers, reformStudyVisits } from './schema.js';
import { unitId } from './test-helpers.js';

/**
 * A unit deleted from the tree while the office plans a study visit organised by it, or with a
 * member from it: the delete having gone since the checks, the plan answers a conflict naming the
 * field (never the foreign key's failure) and writes nothing. `racing` puts the delete between the
 * checks and the write, on PGlite and PostgreSQL.
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

const leaf = (): Promise<Unit> => makeUnit(t, { parent: district, kind: 'department' });
const deletedMeanwhile = (unit: Unit) => ({
  ...officeCtx,
  db: racing(officeCtx.db, async () =>
    expect((await office.delete(`/api/v1/units/${unit.id}`)).status).toBe(204),
  ),
});
const unknownUnit = (path: string) => ({
  code: 'CONFLICT',
  errors: [expect.objectContaining({ path, code: 'unknown_unit' })],
});
const plan = async (title: string, organiser: string, memberUnit: string) => ({
  title,
  unitId: organiser,
  destinations: ['万州区'],
  topics: ['营商环境'],
  startDate: '2026-10-20',
  endDate: '2026-10-22',
  members: [{ name: '赵敏', unitId: memberUnit }],
});
const titled = (title: string) =>
  t.database.db.select().from(reformStudyVisits).where(eq(reformStudyVisits.title, title));

describe('a study visit planned naming a unit deleted since the checks', () => {
  it('is refused naming the organising unit, and not written', async () => {
    const unit = await leaf();
    const input = await plan('组织单位删除时的考察', unit.id, await unitId(t, 'QJ-D01'));
    expect(await refusal(createStudyVisit(deletedMeanwhile(unit), input))).toMatchObject(
      unknownUnit('unitId'),
    );
    expect(await titled(input.title)).toEqual([]);
  });

  it('is refused naming the member’s unit, and not written', async () => {
    const unit = await leaf();
    const input = await plan('成员单位删除时的考察', await unitId(t, 'QJ-D01'), unit.id);
    expect(await refusal(createStudyVisit(deletedMeanwhile(unit), input))).toMatchObject(
      unknownUnit('members.0.unitId'),
    );
    expect(await titled(input.title)).toEqual([]);
  });

  it('refuses an edit naming a member’s unit gone, keeping the delegation as it was', async () => {
    const d01 = await unitId(t, 'QJ-D01');
    const visit = await createStudyVisit(officeCtx, await plan('改派成员单位的考察', d01, d01));
    const unit = await leaf();
    const edit = { members: [{ name: '钱进', unitId: unit.id }] };
    expect(await refusal(updateStudyVisit(deletedMeanwhile(unit), visit.id, edit))).toMatchObject(
      unknownUnit('members.0.unitId'),
    );
    const members = await t.database.db
      .select()
      .from(reformStudyMembers)
      .where(eq(reformStudyMembers.visitId, visit.id));
    expect(members.map((m) => [m.name, m.unitId])).toEqual([['赵敏', d01]]);
  });
});
