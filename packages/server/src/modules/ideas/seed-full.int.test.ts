import { sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { todayInChina } from '../../kernel/deadlines.js';
import { seedDemo } from '../../seed/demo.js';
import { inboxSms } from '../../test-support/app.js';
import { createTestDatabase } from '../../test-support/db.js';
import { unitBriefs } from '../units/api.js';
import { campaignStats } from './queries/stats.js';
import { ideaParticipations, ideaSuggestions } from './schema.js';

/**
 * The full demo campaign (10,000+ suggestions, 200,000+ participations) that `npm start`
 * seeds: the volumes, and the public figures computed from them. The printed times are for
 * people; speed targets live in bench/.
 */
describe('full demo campaign', () => {
  let close: (() => Promise<void>) | undefined;
  afterAll(() => close?.());

  it('seeds the volumes of the real campaign and answers the public figures from them', async () => {
    process.env.QIANXING_DEMO_IDEAS = 'full';
    const database = await createTestDatabase();
    close = () => database.close();
    const ctx = {
      db: database.db,
      principal: null,
      log: pino({ level: 'silent' }),
      sms: inboxSms(),
      requestId: 'seed',
    };
    const started = performance.now();
    await seedDemo(ctx);
    const seedMs = performance.now() - started;
    delete process.env.QIANXING_DEMO_IDEAS;
    const [s] = await database.db.select({ n: sql<number>`count(*)::int` }).from(ideaSuggestions);
    const [p] = await database.db.select({ n: sql<number>`count(*)::int` }).from(ideaParticipations);
    expect(s!.n).toBeGreaterThanOrEqual(10_000);
    expect(p!.n).toBeGreaterThanOrEqual(200_000);
    const first = performance.now();
    const stats = await campaignStats(database.db);
    const firstMs = performance.now() - first;
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      await campaignStats(database.db);
      times.push(performance.now() - t0);
    }
    expect(stats.participations).toBe(p!.n);
    // The daily chart runs from the opening to the seeding day: a plausible campaign, no day
    // piled up (a clamp once put 5,636 on one day) and no silent days before the seeding day.
    const days = stats.byDay.filter((d) => d.key < todayInChina());
    expect(days.length).toBeGreaterThan(100);
    const sorted = days.map((d) => d.n).sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    const peak = days.reduce((a, b) => (b.n > a.n ? b : a));
    expect(peak.n, `${peak.key}: ${peak.n}, median ${median}`).toBeLessThanOrEqual(4 * median);
    expect(days.filter((d) => d.n === 0)).toEqual([]);
    expect(days.at(-1)!.n).toBeGreaterThan(median / 4);
    console.log(
      `[${database.kind}] seed ${(seedMs / 1000).toFixed(1)} s; ${s!.n} suggestions, ${p!.n} participations; ` +
        `stats first ${firstMs.toFixed(0)} ms (builds the rollup), then ${times.map((x) => x.toFixed(0)).join('/')} ms; ` +
        `by day: median ${median}, peak ${peak.n} on ${peak.key}, ${days.at(-1)!.n} on ${days.at(-1)!.key}`,
    );
    // No suggestion asks for a town other than its own.
    const towns = (await unitBriefs(database.db)).filter((u) =>
      ['subdistrict', 'town', 'township'].includes(u.kind),
    );
    const texts = await database.db
      .select({ title: ideaSuggestions.title, body: ideaSuggestions.body, townId: ideaSuggestions.townId })
      .from(ideaSuggestions);
    const elsewhere = texts.filter((t) =>
      towns.some((u) => u.id !== t.townId && `${t.title}${t.body}`.includes(u.name)),
    );
    expect(elsewhere.slice(0, 3)).toEqual([]);
  }, 300_000);
});
