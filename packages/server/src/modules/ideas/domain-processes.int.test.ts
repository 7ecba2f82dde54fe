import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../context.js';
import { createTestContext, type TestContext } from '../../test-support/app.js';
import { type District, makeDistrict, signedIn } from '../../test-support/factories.js';
import { type MadeCampaign, makeCampaign, suggestionInput } from '../../test-support/factories-ideas.js';
import { contextOf } from '../../test-support/racing.js';
import { submitSuggestion } from './commands/submitSuggestion.js';
import { campaignView, currentCampaign } from './queries/campaigns.js';
import { ideaCampaigns, ideaSuggestions } from './schema.js';
import { domainEdits } from './test-domains.js';
import { IdeasEngine, ideasEngine, suggestionText } from './text/engine.js';

/*
 * Several processes serve one database (serve --workers N, or instances behind nginx): an edit of
 * the campaign's domains is served by one of them, which drops its own classifier, while the
 * others keep theirs. Here the edit is written to the database past this process (as another
 * process's would be), or a second engine stands for another process's.
 */

let t: TestContext;
let tree: District;
let campaign: MadeCampaign;
let officeCtx: ServiceContext;
let domains: ReturnType<typeof domainEdits>;
/** Another process's text engine, on the same database. */
const other = new IdeasEngine();

beforeAll(async () => {
  t = await createTestContext({ seed: [] });
  tree = await makeDistrict(t);
  const office = await signedIn(t, 'admin', tree.district);
  campaign = await makeCampaign(office);
  officeCtx = await contextOf(t, office);
  domains = domainEdits(t, officeCtx, campaign.id);
});
afterAll(async () => {
  await other.close();
  await t.close();
});

/** A letter about housing, which the classifier puts into a housing domain once it has one. */
const housing = suggestionText(
  '小区物业管理混乱住房维修难',
  '我们小区物业不作为，住房维修基金使用难，建议加强小区物业和住房管理。',
);
/** The campaign as stored now: what a process reads once its cached copy has expired. */
const stored = async () =>
  campaignView(
    (await t.database.db.select().from(ideaCampaigns).where(eq(ideaCampaigns.id, campaign.id)))[0]!,
  );

describe('a campaign’s domains edited in another process', () => {
  it('takes a suggestion into a domain added there, this process’s campaign still cached', async () => {
    const db = t.database.db;
    // This process has read the campaign and built its classifier.
    await ideasEngine.warm(db, await currentCampaign(db));
    const before = await stored();
    const domain = { code: 'elderly', name: '养老服务', description: '养老 老人 助餐 日间照料' };
    await db
      .update(ideaCampaigns)
      .set({ domains: [...before.domains, domain] })
      .where(eq(ideaCampaigns.id, campaign.id));
    const visitor: ServiceContext = { ...officeCtx, principal: null, ip: '198.51.100.7' };
    const filed = await submitSuggestion(visitor, { ...suggestionInput(tree.town), domain: 'elderly' });
    expect(filed.domain).toBe('elderly');
    const [row] = await db.select().from(ideaSuggestions).where(eq(ideaSuggestions.id, filed.id));
    expect(row?.domain).toBe('elderly');
    // A code no process ever added is still refused.
    await expect(
      submitSuggestion(visitor, { ...suggestionInput(tree.town), domain: 'nowhere' }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      errors: [expect.objectContaining({ code: 'unknown_domain' })],
    });
  });

  it('guesses a domain added there, and no longer one removed there, once it reads the campaign', async () => {
    const db = t.database.db;
    await other.warm(db, await stored());
    const added = await domains.fresh();
    // The other process's next read of the campaign shows the new domain: its classifier follows.
    const guessed = await other.analyse(db, await stored(), housing);
    expect(guessed.prediction.label).toBe(added);
    await domains.removing();
    const after = await other.classify(db, await stored(), [housing]);
    expect(after[0]!.scores.map((s) => s.label)).not.toContain(added);
    expect(after[0]!.scores.map((s) => s.label).sort()).toEqual((await domains.codes()).sort());
  });

  it('keeps the newer domains when a request still holds an older read of the campaign', async () => {
    const db = t.database.db;
    const older = await stored();
    const added = await domains.fresh();
    const newer = await stored();
    expect((await other.classify(db, newer, [housing]))[0]!.label).toBe(added);
    // A request that read the campaign before the edit: the classifier stays on the stored domains.
    expect((await other.classify(db, older, [housing]))[0]!.label).toBe(added);
  });
});
