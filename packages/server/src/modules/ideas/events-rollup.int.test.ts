import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { type District, makeDistrict, signedIn } from '../../test-support/factories.js';
import { type MadeCampaign, makeCampaign } from '../../test-support/factories-ideas.js';
import { contextOf, racing } from '../../test-support/racing.js';
import { updateEvent } from './commands/updateEvent.js';
import { computeStats, refreshRollup } from './queries/stats.js';
import { ideaCampaigns, ideaEvents, ideaParticipations } from './schema.js';

let t: TestContext;
let tree: District;
let office: TestClient;
let campaign: MadeCampaign;
beforeAll(async () => {
  t = await createTestContext({ seed: [] });
  tree = await makeDistrict(t);
  office = await signedIn(t, 'admin', tree.district);
  campaign = await makeCampaign(office);
});
afterAll(() => t.close());

type Event = { id: string; attendanceCount: number; organiserUnitId: string };
const figures = () => computeStats(t.database.db);
const inTown = (s: Awaited<ReturnType<typeof figures>>, id: string) =>
  s.byTown.find((x) => x.key === id)?.n ?? 0;
const rowsOf = async (eventId: string) =>
  t.database.db
    .select({ townId: ideaParticipations.townId })
    .from(ideaParticipations)
    .where(and(eq(ideaParticipations.eventId, eventId), eq(ideaParticipations.kind, 'attendance')));

/** An event of the street with `count` attendees, counted `daysAgo` and closed into the rollup. */
async function pastEvent(count: number, daysAgo: number): Promise<Event> {
  const ago = sql.raw(`interval '${daysAgo} days'`);
  const made = await office.post<Event>('/api/v1/ideas/events', {
    kind: 'symposium',
    title: '城西街道高铁片区座谈会',
    heldOn: '2026-09-01',
    organiserUnitId: tree.street.id,
    attendanceCount: count,
  });
  expect(made.status).toBe(201);
  await t.database.db
    .update(ideaParticipations)
    .set({ at: sql`now() - ${ago}` })
    .where(eq(ideaParticipations.eventId, made.body.id));
  // The rollup closed the days up to today already: reopen it from just before these rows.
  await t.database.db
    .update(ideaCampaigns)
    .set({ rolledUpTo: sql`now() - ${ago} - interval '1 minute'` })
    .where(eq(ideaCampaigns.id, campaign.id));
  await refreshRollup(t.database.db, campaign.id);
  return made.body;
}

describe('correcting an event counted in closed days', () => {
  it('takes a lower attendance off the public figures, and moves it with the organiser', async () => {
    const before = await figures();
    const e = await pastEvent(5, 3);
    const counted = await figures();
    expect(counted.participations).toBe(before.participations + 5);
    expect(inTown(counted, tree.street.id)).toBe(inTown(before, tree.street.id) + 5);

    const lower = await office.patch<Event>(`/api/v1/ideas/events/${e.id}`, { attendanceCount: 2 });
    expect(lower.status).toBe(200);
    const corrected = await figures();
    expect(corrected.participations).toBe(before.participations + 2);
    expect(inTown(corrected, tree.street.id)).toBe(inTown(before, tree.street.id) + 2);

    const moved = await office.patch<Event>(`/api/v1/ideas/events/${e.id}`, {
      organiserUnitId: tree.town.id,
    });
    expect(moved.status).toBe(200);
    expect((await rowsOf(e.id)).map((r) => r.townId)).toEqual([tree.town.id, tree.town.id]);
    const after = await figures();
    expect(after.participations).toBe(before.participations + 2);
    expect(inTown(after, tree.street.id)).toBe(inTown(before, tree.street.id));
    expect(inTown(after, tree.town.id)).toBe(inTown(before, tree.town.id) + 2);
  });

  it('applies two corrections at once one after the other: the rows match the last count', async () => {
    const e = await pastEvent(2, 2);
    const ctx = await contextOf(t, office);
    const meanwhile = () => office.patch(`/api/v1/ideas/events/${e.id}`, { attendanceCount: 6 });
    await updateEvent({ ...ctx, db: racing(ctx.db, meanwhile) }, e.id, { attendanceCount: 3 });
    const [row] = await t.database.db.select().from(ideaEvents).where(eq(ideaEvents.id, e.id));
    expect(row!.attendanceCount).toBe(3);
    expect(await rowsOf(e.id)).toHaveLength(3);
  });
});
