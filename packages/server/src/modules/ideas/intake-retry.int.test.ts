import { randomUUID } from 'node:crypto';
import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../audit/schema.js';
import { type Db, openDb } from '../../db/client.js';
import { createTestContext, type TestContext } from '../../test-support/app.js';
import { makeDistrict, signedIn } from '../../test-support/factories.js';
import { makeCampaign } from '../../test-support/factories-ideas.js';
import { lossyProxy } from '../../test-support/lossy-proxy.js';
import { type NewSuggestionRow, storeSuggestion } from './commands/intake-write.js';
import { ideaParticipations, ideaSuggestions, ideaTimeline } from './schema.js';

/**
 * A batch of submissions that failed is written again one by one. An item that meets its own row
 * (the batch committed after all) succeeds; one that meets another suggestion under its id fails.
 */
let t: TestContext;
let campaignId: string;
let townId: string;
beforeAll(async () => {
  t = await createTestContext({ seed: [] });
  const { district, town } = await makeDistrict(t);
  const office = await signedIn(t, 'admin', district);
  campaignId = (await makeCampaign(office)).id;
  townId = town.id;
});
afterAll(() => t.close());

let serial = 0;
const newRow = (shownAmong?: NewSuggestionRow['shownAmong']): NewSuggestionRow => {
  const n = ++serial;
  return {
    id: randomUUID(),
    campaignId,
    title: `建议增设第${n}号公交接驳站点`,
    body: `高铁开通后客流大增，建议在第${n}号路口开通公交接驳专线。`,
    domain: 'transport',
    domainConfidence: 0.9,
    townId,
    authorKind: 'resident',
    channel: 'online',
    authorUserId: null,
    realName: null,
    phone: `1390000${String(n).padStart(4, '0')}`,
    trackingCode: `RETRY${randomUUID().slice(0, 8).toUpperCase()}`,
    tokens: '高铁 公交',
    titleWords: '高铁',
    bodyWords: '公交',
    eventId: null,
    createdBy: null,
    audit: { actorId: null, actorLabel: 'anonymous', after: { n }, requestId: null },
    ...(shownAmong ? { shownAmong } : {}),
  };
};

/** How many rows of each kind the submission wrote for `ids`. */
async function written(db: Db, ids: string[]) {
  const n = sql<number>`count(*)::int`;
  const [suggestions] = await db.select({ n }).from(ideaSuggestions).where(inArray(ideaSuggestions.id, ids));
  const [participations] = await db
    .select({ n })
    .from(ideaParticipations)
    .where(inArray(ideaParticipations.suggestionId, ids));
  const [timeline] = await db.select({ n }).from(ideaTimeline).where(inArray(ideaTimeline.suggestionId, ids));
  const [events] = await db.select({ n }).from(auditEvents).where(inArray(auditEvents.entityId, ids));
  return {
    suggestions: suggestions!.n,
    participations: participations!.n,
    timeline: timeline!.n,
    events: events!.n,
  };
}

describe('a submission written again after its batch failed', () => {
  it('succeeds when it meets its own row, and fails when it meets another under its id', async () => {
    const db = t.database.db;
    const other = newRow();
    await storeSuggestion(db, other);
    const mine = newRow({ ids: [other.id], statuses: ['submitted'] });
    expect((await storeSuggestion(db, mine)).shown).toEqual([other.id]);
    // The same write again, a different suggestion under another's id, and a new one: together.
    const impostor = { ...newRow(), id: other.id };
    const fresh = newRow();
    const out = await Promise.allSettled([mine, impostor, fresh].map((r) => storeSuggestion(db, r)));
    expect(out.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(out[0]).toMatchObject({
      value: { domain: 'transport', domainConfidence: 0.9, shown: [other.id] },
    });
    // Alone, so without a batch to fail first, the impostor still fails.
    await expect(storeSuggestion(db, impostor)).rejects.toThrow();
    const [kept] = await db.select().from(ideaSuggestions).where(eq(ideaSuggestions.id, other.id));
    expect(kept?.title).toBe(other.title);
    expect(await written(db, [mine.id, other.id, fresh.id])).toEqual({
      suggestions: 3,
      participations: 3,
      timeline: 3,
      events: 3,
    });
  });
});

// PostgreSQL only: the embedded database has no connection to lose. The CI script provides it.
describe.runIf(!!process.env.DATABASE_URL)('a batch whose commit went through unheard', () => {
  it('reports every submission stored, each once', async () => {
    const url = (t.database as { url?: string }).url!;
    const proxy = await lossyProxy(url);
    const proxied = await openDb({ databaseUrl: proxy.url, poolSize: 2 });
    try {
      const rows = [newRow(), newRow(), newRow()];
      proxy.loseAnswerTo('insert into "idea_suggestions"');
      const out = await Promise.allSettled(rows.map((r) => storeSuggestion(proxied.db, r)));
      expect(proxy.cuts()).toBe(1);
      expect(out.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
      expect(
        await written(
          t.database.db,
          rows.map((r) => r.id),
        ),
      ).toEqual({
        suggestions: 3,
        participations: 3,
        timeline: 3,
        events: 3,
      });
      // A batch of one is not written again, but is found all the same.
      const alone = newRow();
      proxy.loseAnswerTo('insert into "idea_suggestions"');
      await expect(storeSuggestion(proxied.db, alone)).resolves.toMatchObject({ shown: [] });
      expect(proxy.cuts()).toBe(2);
      expect((await written(t.database.db, [alone.id])).suggestions).toBe(1);
    } finally {
      await proxied.close();
      await proxy.close();
    }
  });
});
