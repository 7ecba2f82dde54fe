import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachments } from '../../kernel/schema.js';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { contextOf, racing, refusal } from '../../test-support/racing.js';
import { accountsByIds } from '../users/api.js';
import { addPhoto, removePhoto } from './commands/photos.js';
import { startVisit } from './commands/startVisit.js';
import { visitItemIds } from './commands/visit-common.js';
import { inspectionFindings, inspectionInspectors, inspectionVisits, type VisitStatus } from './schema.js';
import { pngBytes, publishedVisit } from './test-helpers.js';

/**
 * An inspector taken out of the pools after the plan was published no longer starts, records or
 * completes a visit of their team. Run on PGlite, and on PostgreSQL with DATABASE_URL set.
 */
let t: TestContext;
let office: TestClient;
beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users', 'business', 'inspections'] });
  office = await t.as('office');
});
afterAll(() => t.close());

/** A visit of the demo's published week in `status`, its first inspector and their login. */
async function visitIn(status: VisitStatus) {
  const visit = await publishedVisit(t, status);
  const [inspector] = await t.database.db
    .select()
    .from(inspectionInspectors)
    .where(eq(inspectionInspectors.id, visit.inspectorIds[0]!));
  const login = (await accountsByIds(t.database.db, [inspector!.userId])).get(inspector!.userId)!.login;
  return { visit, inspectorId: inspector!.id, login };
}

const setActive = async (inspectorId: string, active: boolean) =>
  expect((await office.patch(`/api/v1/inspections/inspectors/${inspectorId}`, { active })).status).toBe(200);

describe('an inspector taken off duty after publication', () => {
  it('records no finding on their started visit, and does again once back on duty', async () => {
    const { visit, inspectorId, login } = await visitIn('started');
    const [itemId] = await visitItemIds(t.database.db, visit.id);
    const inspector = await t.as(login);
    const path = `/api/v1/inspections/visits/${visit.id}/findings/${itemId}`;
    await setActive(inspectorId, false);
    const refused = await inspector.put<{ errors: { code: string }[] }>(path, { result: 'compliant' });
    expect(refused.status).toBe(403);
    expect(refused.body.errors[0]!.code).toBe('not_on_duty');
    expect((await inspector.post(`/api/v1/inspections/visits/${visit.id}/complete`)).status).toBe(403);
    await setActive(inspectorId, true);
    expect((await inspector.put(path, { result: 'compliant' })).status).toBe(200);
  });

  it('does not start a visit still to do', async () => {
    const { visit, inspectorId, login } = await visitIn('planned');
    await setActive(inspectorId, false);
    const inspector = await t.as(login);
    const refused = await inspector.post<{ errors: { code: string }[] }>(
      `/api/v1/inspections/visits/${visit.id}/start`,
    );
    expect(refused.status).toBe(403);
    expect(refused.body.errors[0]!.code).toBe('not_on_duty');
    const [after] = await t.database.db
      .select()
      .from(inspectionVisits)
      .where(eq(inspectionVisits.id, visit.id));
    expect(after!.status).toBe('planned');
  });

  it('does not start a visit when taken off duty between the check and the write', async () => {
    const { visit, inspectorId, login } = await visitIn('planned');
    await setActive(inspectorId, true);
    const ctx = await contextOf(t, await t.as(login));
    const offDuty = racing(ctx.db, () => setActive(inspectorId, false));
    expect(await refusal(startVisit({ ...ctx, db: offDuty }, visit.id))).toMatchObject({
      code: 'FORBIDDEN',
      errors: [expect.objectContaining({ code: 'not_on_duty' })],
    });
    const [after] = await t.database.db
      .select()
      .from(inspectionVisits)
      .where(eq(inspectionVisits.id, visit.id));
    expect(after!.status).toBe('planned');
    await setActive(inspectorId, true);
  });
});

describe('an inspector taken off duty between a photo’s check and its write', () => {
  /** A finding recorded on a started visit by its first inspector, on duty; their context. */
  async function findingOnDuty() {
    const { visit, inspectorId, login } = await visitIn('started');
    await setActive(inspectorId, true);
    const [itemId] = await visitItemIds(t.database.db, visit.id);
    const inspector = await t.as(login);
    const path = `/api/v1/inspections/visits/${visit.id}/findings/${itemId}`;
    expect((await inspector.put(path, { result: 'compliant' })).status).toBe(200);
    const [finding] = await t.database.db
      .select()
      .from(inspectionFindings)
      .where(and(eq(inspectionFindings.visitId, visit.id), eq(inspectionFindings.itemId, itemId!)));
    return { findingId: finding!.id, inspectorId, ctx: await contextOf(t, inspector) };
  }
  const photosOf = (findingId: string) =>
    t.database.db.select().from(attachments).where(eq(attachments.ownerId, findingId));
  const notOnDuty = { code: 'FORBIDDEN', errors: [expect.objectContaining({ code: 'not_on_duty' })] };
  const upload = async () => ({ name: '现场.png', bytes: pngBytes });

  it('adds no photo', async () => {
    const { findingId, inspectorId, ctx } = await findingOnDuty();
    const offDuty = racing(ctx.db, () => setActive(inspectorId, false));
    expect(await refusal(addPhoto({ ...ctx, db: offDuty }, findingId, upload))).toMatchObject(notOnDuty);
    expect(await photosOf(findingId)).toEqual([]);
    await setActive(inspectorId, true);
  });

  it('removes no photo', async () => {
    const { findingId, inspectorId, ctx } = await findingOnDuty();
    const photo = await addPhoto(ctx, findingId, upload);
    const offDuty = racing(ctx.db, () => setActive(inspectorId, false));
    expect(await refusal(removePhoto({ ...ctx, db: offDuty }, photo.id))).toMatchObject(notOnDuty);
    expect((await photosOf(findingId)).map((p) => p.id)).toEqual([photo.id]);
    await setActive(inspectorId, true);
  });
});
