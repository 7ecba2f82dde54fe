import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../context.js';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { type District, makeDistrict, signedIn } from '../../test-support/factories.js';
import {
  type MadeCampaign,
  makeCampaign,
  makeSuggestion,
  type SuggestionState,
} from '../../test-support/factories-ideas.js';
import { contextOf, racing, refusal, sideBySide } from '../../test-support/racing.js';
import { acceptSuggestion } from './commands/acceptSuggestion.js';
import { reclassifySuggestion } from './commands/reclassifySuggestion.js';
import { updateCampaign } from './commands/updateCampaign.js';
import { ideaSuggestions } from './schema.js';
import { domainEdits } from './test-domains.js';
import { auditRows } from './test-helpers.js';

/*
 * A screener puts a suggestion into a domain (accepting it into the domain they chose, or
 * reclassifying it) while the office edits the campaign and removes that domain, which no
 * suggestion was in yet. The suggestion must not end in a domain the campaign no longer has.
 * The tests with `racing` put the edit between the screening's checks and its write, and fail
 * without the write reading the campaign's domains again on PGlite and PostgreSQL alike. The one
 * side by side keeps both transactions open at once, which only PostgreSQL truly does: there it
 * fails without the campaign's row held (a read of the domains alone sees the edit not yet
 * committed); on PGlite they take turns. Run on PGlite, and on PostgreSQL with DATABASE_URL set.
 */

let t: TestContext;
let tree: District;
let office: TestClient;
let campaign: MadeCampaign;
let officeCtx: ServiceContext;
let screenerCtx: ServiceContext;

beforeAll(async () => {
  t = await createTestContext({ seed: [] });
  tree = await makeDistrict(t);
  office = await signedIn(t, 'admin', tree.district);
  campaign = await makeCampaign(office);
  officeCtx = await contextOf(t, office);
  screenerCtx = await contextOf(t, await signedIn(t, 'screener', tree.district));
  domains = domainEdits(t, officeCtx, campaign.id);
});
afterAll(() => t.close());

let domains: ReturnType<typeof domainEdits>;
const freshDomain = () => domains.fresh();
const removing = () => domains.removing();
const suggestion = async (state: SuggestionState = 'submitted') =>
  (await makeSuggestion(t, { town: tree.town, state, screener: office })).id;
const rowOf = async (id: string) =>
  (await t.database.db.select().from(ideaSuggestions).where(eq(ideaSuggestions.id, id)))[0]!;
const campaignDomains = () => domains.codes();
const meanwhile = (ctx: ServiceContext, work: () => Promise<unknown>): ServiceContext => ({
  ...ctx,
  db: racing(ctx.db, work),
});
const domainRemoved = {
  code: 'CONFLICT',
  errors: [expect.objectContaining({ path: 'domain', code: 'domain_removed' })],
};

describe('a suggestion put into a domain the office removes meanwhile', () => {
  it('refuses the acceptance into it: the suggestion stays submitted in its own domain', async () => {
    const domain = await freshDomain();
    const id = await suggestion();
    const before = await rowOf(id);
    const refused = await refusal(
      acceptSuggestion.run(meanwhile(screenerCtx, removing), { ids: [id], domain }),
    );
    expect(refused).toMatchObject(domainRemoved);
    expect(await campaignDomains()).not.toContain(domain);
    expect(await rowOf(id)).toMatchObject({ status: 'submitted', domain: before.domain });
    expect(await auditRows(t.database.db, 'suggestion.accept', id)).toEqual([]);
  });

  it('refuses the reclassification into it', async () => {
    const domain = await freshDomain();
    const id = await suggestion('accepted');
    const before = await rowOf(id);
    const refused = await refusal(
      reclassifySuggestion.run(meanwhile(screenerCtx, removing), { ids: [id], domain }),
    );
    expect(refused).toMatchObject(domainRemoved);
    expect(await rowOf(id)).toMatchObject({ status: 'accepted', domain: before.domain });
    expect(await auditRows(t.database.db, 'suggestion.reclassify', id)).toEqual([]);
  });

  it('still accepts without a domain chosen: the suggestion keeps the one it is in', async () => {
    await freshDomain();
    const id = await suggestion();
    await acceptSuggestion.run(meanwhile(screenerCtx, removing), { ids: [id] });
    expect((await rowOf(id)).status).toBe('accepted');
  });
});

describe('a reclassification and a campaign edit removing its domain at once (PostgreSQL)', () => {
  it('lets one of them through: no suggestion ends in a domain the campaign lacks', async () => {
    const domain = await freshDomain();
    const id = await suggestion('accepted');
    // Both transactions reach their commit having looked, unless the campaign's row holds one back.
    const rest = await domains.rest();
    const inStep = sideBySide(2, 'before commit');
    const outcomes = await Promise.all([
      refusal(reclassifySuggestion.run(inStep(screenerCtx), { ids: [id], domain })),
      refusal(updateCampaign(inStep(officeCtx), campaign.id, { domains: rest })),
    ]);
    expect(outcomes.filter((o) => o !== undefined)).toHaveLength(1);
    expect(await campaignDomains()).toContain((await rowOf(id)).domain);
  });
});
