import { sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../seed/demo.js';
import { inboxSms } from '../../test-support/app.js';
import { createTestDatabase } from '../../test-support/db.js';
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
    console.log(
      `[${database.kind}] seed ${(seedMs / 1000).toFixed(1)} s; ${s!.n} suggestions, ${p!.n} participations; ` +
        `stats first ${firstMs.toFixed(0)} ms (builds the rollup), then ${times.map((x) => x.toFixed(0)).join('/')} ms`,
    );
  }, 300_000);
});
