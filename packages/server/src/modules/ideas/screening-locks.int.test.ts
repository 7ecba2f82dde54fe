import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../context.js';
import { createTestContext, type TestContext } from '../../test-support/app.js';
import { type District, makeDistrict, signedIn } from '../../test-support/factories.js';
import { makeCampaign, makeSuggestion } from '../../test-support/factories-ideas.js';
import { contextOf, racing, refusal, sideBySide } from '../../test-support/racing.js';
import { acceptSuggestion } from './commands/acceptSuggestion.js';
import { reclassifySuggestion } from './commands/reclassifySuggestion.js';
import { rejectSuggestion } from './commands/rejectSuggestion.js';
import { ideaSuggestions, ideaTimeline } from './schema.js';
import { auditRows } from './test-helpers.js';

let t: TestContext;
let tree: District;
let officeCtx: ServiceContext;
let screenerCtx: ServiceContext;

beforeAll(async () => {
  t = await createTestContext({ seed: [] });
  tree = await makeDistrict(t);
  const office = await signedIn(t, 'admin', tree.district);
  await makeCampaign(office);
  officeCtx = await contextOf(t, office);
  screenerCtx = await contextOf(t, await signedIn(t, 'screener', tree.district));
});
afterAll(() => t.close());

const meanwhile = (ctx: ServiceContext, work: () => Promise<unknown>): ServiceContext => ({
  ...ctx,
  db: racing(ctx.db, work),
});
const suggestion = async () => (await makeSuggestion(t, { town: tree.town })).id;
const rowOf = async (id: string) =>
  (await t.database.db.select().from(ideaSuggestions).where(eq(ideaSuggestions.id, id)))[0]!;
/** The campaign's other domain than the suggestion's (the test campaign has two). */
const otherDomain = async (id: string) =>
  (await rowOf(id)).domain === 'transport' ? 'tourism' : 'transport';
const decidedMeanwhile = expect.objectContaining({
  code: 'INVALID_STATE',
  errors: [expect.objectContaining({ code: 'decided_meanwhile' })],
});
const timelineOf = async (ids: string[]) =>
  (await t.database.db.select().from(ideaTimeline).where(inArray(ideaTimeline.suggestionId, ids))).map(
    (e) => e.kind,
  );

describe('accepting while another screener reclassifies', () => {
  it('refuses the acceptance of a suggestion moved to another domain meanwhile: the move stands', async () => {
    const id = await suggestion();
    const moved = await otherDomain(id);
    const refused = await refusal(
      acceptSuggestion.run(
        meanwhile(screenerCtx, () => reclassifySuggestion.run(officeCtx, { ids: [id], domain: moved })),
        { ids: [id] },
      ),
    );
    expect(refused).toMatchObject({
      code: 'CONFLICT',
      errors: [{ path: id, code: 'reclassified_meanwhile' }],
    });
    expect(await rowOf(id)).toMatchObject({ status: 'submitted', domain: moved });
    expect(await timelineOf([id])).toEqual(['submitted']);
    expect(await auditRows(t.database.db, 'suggestion.accept', id)).toEqual([]);
  });

  it('reclassifies a suggestion accepted meanwhile, as it may after acceptance, and records what it changed', async () => {
    const id = await suggestion();
    const seen = (await rowOf(id)).domain;
    const moved = await otherDomain(id);
    await reclassifySuggestion.run(
      meanwhile(screenerCtx, () => acceptSuggestion.run(officeCtx, { ids: [id] })),
      { ids: [id], domain: moved },
    );
    expect(await rowOf(id)).toMatchObject({ status: 'accepted', domain: moved, domainConfirmed: true });
    const [audit] = await auditRows(t.database.db, 'suggestion.reclassify', id);
    expect(audit!.before).toEqual({ status: 'accepted', domain: seen });
  });
});

describe('two overlapping batches in opposite orders', () => {
  it('both finish: one accepts every suggestion, the other is refused for the ones it accepted', async () => {
    const ids = [await suggestion(), await suggestion(), await suggestion()];
    const inStep = sideBySide(2, 'after the first statement');
    const outcomes = await Promise.all([
      refusal(acceptSuggestion.run(inStep(officeCtx), { ids })),
      refusal(acceptSuggestion.run(inStep(screenerCtx), { ids: [...ids].reverse() })),
    ]);
    const refused = outcomes.filter((o) => o !== undefined);
    expect(refused).toEqual([
      expect.objectContaining({
        code: 'INVALID_STATE',
        errors: [expect.objectContaining({ code: 'decided_meanwhile' })],
      }),
    ]);
    for (const id of ids) expect((await rowOf(id)).status).toBe('accepted');
    expect((await timelineOf(ids)).filter((k) => k === 'accepted')).toHaveLength(ids.length);
  });

  it('both finish when a rejection crosses an acceptance: the first to lock decides every suggestion', async () => {
    const ids = [await suggestion(), await suggestion()];
    const inStep = sideBySide(2, 'after the first statement');
    const [accepted, rejected] = await Promise.all([
      refusal(acceptSuggestion.run(inStep(officeCtx), { ids })),
      refusal(rejectSuggestion.run(inStep(screenerCtx), { ids: [...ids].reverse(), reason: 'off_topic' })),
    ]);
    // Of two decisions at once the second is refused, whichever it is: the authors hear of one.
    const refused = [accepted, rejected].filter((o) => o !== undefined);
    expect(refused).toEqual([decidedMeanwhile]);
    const won = accepted === undefined ? 'accepted' : 'rejected';
    for (const id of ids) expect((await rowOf(id)).status).toBe(won);
    expect((await timelineOf(ids)).sort()).toEqual(
      [...ids.map(() => 'submitted'), ...ids.map(() => won)].sort(),
    );
  });
});
