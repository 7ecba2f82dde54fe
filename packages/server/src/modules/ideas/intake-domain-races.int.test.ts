import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../audit/schema.js';
import type { ServiceContext } from '../../context.js';
import { createTestContext, type TestContext } from '../../test-support/app.js';
import { type District, makeDistrict, signedIn } from '../../test-support/factories.js';
import { type MadeCampaign, makeCampaign, suggestionInput } from '../../test-support/factories-ideas.js';
import {
  contextOf,
  holdingCommit,
  racing,
  racingStatement,
  refusal,
  sideBySide,
} from '../../test-support/racing.js';
import { importSuggestions } from './commands/importSuggestions.js';
import { submitSuggestion } from './commands/submitSuggestion.js';
import { updateCampaign } from './commands/updateCampaign.js';
import { importColumns } from './excel.js';
import { currentCampaign } from './queries/campaigns.js';
import { ideaSuggestions } from './schema.js';
import { domainEdits } from './test-domains.js';
import { ideasEngine, suggestionText } from './text/engine.js';

/*
 * A suggestion comes in under a domain (chosen on the public form, in a letter an organiser
 * types in, in an imported file) while the office edits the campaign and removes that domain,
 * which no suggestion was in yet. The suggestion must not end in a domain the campaign no longer
 * has. The tests with `racing` and `racingStatement` put the edit between the intake's checks and
 * its write, and fail without the write checking the campaign's domains again, on PGlite and
 * PostgreSQL alike. The ones with two writes open at once (side by side, or the edit held
 * uncommitted) need two connections, which only PostgreSQL has: there they fail without the
 * campaign's row held (a read of the domains alone sees the edit not yet committed); on PGlite
 * the writes take turns. Run on PGlite, and on PostgreSQL with DATABASE_URL set.
 */

let t: TestContext;
let tree: District;
let campaign: MadeCampaign;
let officeCtx: ServiceContext;
let organiserCtx: ServiceContext;
let domains: ReturnType<typeof domainEdits>;

beforeAll(async () => {
  t = await createTestContext({ seed: [] });
  tree = await makeDistrict(t);
  const office = await signedIn(t, 'admin', tree.district);
  campaign = await makeCampaign(office);
  officeCtx = await contextOf(t, office);
  organiserCtx = await contextOf(t, await signedIn(t, 'organiser', tree.district));
  domains = domainEdits(t, officeCtx, campaign.id);
});
afterAll(() => t.close());

let addresses = 0;
/** A visitor of the public form, each from an address of their own (the form counts per address). */
const visitor = (): ServiceContext => ({ ...officeCtx, principal: null, ip: `198.51.100.${++addresses}` });
/** The intake's one write of new suggestions, grouped (intake-write.ts). */
const intakeInsert = 'insert into "idea_suggestions"';
const removedMeanwhile = (ctx: ServiceContext): ServiceContext => ({
  ...ctx,
  db: racingStatement(ctx.db, intakeInsert, domains.removing),
});
const inDomain = (domain: string) =>
  t.database.db.select().from(ideaSuggestions).where(eq(ideaSuggestions.domain, domain));
const domainRemoved = {
  code: 'CONFLICT',
  errors: [expect.objectContaining({ path: 'domain', code: 'domain_removed' })],
};

/** A file of one letter for the town, in `domain` (empty: the classifier's). */
const file =
  (
    domain: string,
    letter = ['恳请在黔江高铁站开通城区公交接驳专线', '建议开通高铁站到城区的公交接驳专线，方便群众出行。'],
  ) =>
  async () => ({
    csv: [
      importColumns.map((c) => c.header).join(','),
      `${letter.join(',')},${tree.town.code},resident,written,${domain},,`,
    ].join('\n'),
  });
/** A letter about housing, which the classifier puts into the domain `fresh()` added. */
const housing = [
  '小区物业管理混乱住房维修难',
  '我们小区物业不作为，住房维修基金使用难，建议加强小区物业和住房管理。',
];
/** The classifier's guesses for the housing letter, the first of them checked to be `domain`. */
async function guessedHousing(domain: string) {
  const { prediction } = await ideasEngine.analyse(
    t.database.db,
    await currentCampaign(t.database.db),
    suggestionText(housing[0]!, housing[1]!),
  );
  expect(prediction.label).toBe(domain);
  return prediction.scores.find((s) => s.label !== domain)!;
}

describe('a suggestion coming in under a domain the office removes meanwhile', () => {
  it('refuses the public form’s: nothing is stored in the removed domain', async () => {
    const domain = await domains.fresh();
    const refused = await refusal(
      submitSuggestion(removedMeanwhile(visitor()), { ...suggestionInput(tree.town), domain }),
    );
    expect(refused).toMatchObject(domainRemoved);
    expect(await domains.codes()).not.toContain(domain);
    expect(await inDomain(domain)).toEqual([]);
  });

  it('files a form whose citizen chose no domain under the classifier’s next guess', async () => {
    const domain = await domains.fresh();
    const input = { ...suggestionInput(tree.town), title: housing[0]!, body: housing[1]! };
    // The classifier, built with the new domain, guesses it for this text.
    const next = await guessedHousing(domain);
    const filed = await submitSuggestion(removedMeanwhile(visitor()), input);
    expect(filed).toMatchObject({
      domain: next.label,
      domainConfidence: Math.round(next.probability * 1e4) / 1e4,
    });
    expect(await domains.codes()).not.toContain(domain);
    const [row] = await t.database.db.select().from(ideaSuggestions).where(eq(ideaSuggestions.id, filed.id));
    expect(row).toMatchObject({ domain: next.label, domainConfirmed: false });
    const [event] = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'suggestion.submit'), eq(auditEvents.entityId, filed.id)));
    expect(event?.after).toMatchObject({ domain: next.label });
  });

  it('refuses an organiser’s written entry', async () => {
    const domain = await domains.fresh();
    const letter = { ...suggestionInput(tree.town), domain, channel: 'written' as const };
    const refused = await refusal(submitSuggestion(removedMeanwhile(organiserCtx), letter));
    expect(refused).toMatchObject(domainRemoved);
    expect(await inDomain(domain)).toEqual([]);
  });

  it('refuses only the row in the removed domain when submissions are written together', async () => {
    const domain = await domains.fresh();
    const kept = (await domains.rest())[0]!.code;
    // One handle, so the two share its group commit: the edit comes before its first write.
    const ctx = removedMeanwhile(visitor());
    const [removed, stays] = await Promise.all([
      refusal(submitSuggestion(ctx, { ...suggestionInput(tree.town), domain })),
      submitSuggestion(
        { ...ctx, ip: `198.51.100.${++addresses}` },
        { ...suggestionInput(tree.town), domain: kept },
      ),
    ]);
    expect(removed).toMatchObject(domainRemoved);
    expect(stays.domain).toBe(kept);
    expect((await inDomain(kept)).map((s) => s.id)).toContain(stays.id);
    expect(await inDomain(domain)).toEqual([]);
  });

  it('refuses the imported file, naming the row: nothing of it is written', async () => {
    const domain = await domains.fresh();
    const ctx = { ...organiserCtx, db: racing(organiserCtx.db, domains.removing) };
    const refused = await refusal(importSuggestions(ctx, file(domain)));
    expect(refused).toMatchObject({
      code: 'VALIDATION',
      errors: [expect.objectContaining({ path: 'row 2.domain', code: 'domain_removed' })],
    });
    expect(await inDomain(domain)).toEqual([]);
  });
});

describe('an imported row whose domain the file left empty, its guessed domain removed meanwhile', () => {
  it('goes into the classifier’s next guess: the file is not refused', async () => {
    const domain = await domains.fresh();
    const next = await guessedHousing(domain);
    const ctx = { ...organiserCtx, db: racing(organiserCtx.db, domains.removing) };
    const imported = (await importSuggestions(ctx, file('', housing))) as { created: number };
    expect(imported.created).toBe(1);
    expect(await domains.codes()).not.toContain(domain);
    const [row] = await t.database.db
      .select()
      .from(ideaSuggestions)
      .where(eq(ideaSuggestions.title, housing[0]!));
    expect(row).toMatchObject({ domain: next.label, domainConfirmed: false });
    expect(row!.domainConfidence).toBeCloseTo(next.probability, 3);
  });
});

describe('an intake and a campaign edit removing its domain at once (PostgreSQL)', () => {
  it('lets the import or the edit through, not both', async () => {
    const domain = await domains.fresh();
    // Both have read the campaign when they go on, unless its row holds one of them back. The
    // edit starts as the import opens its transaction, the file read and classified by then.
    const rest = await domains.rest();
    const inStep = sideBySide(2, 'after the first statement');
    let edit: Promise<unknown> = Promise.resolve();
    const editing = async () => {
      edit = refusal(updateCampaign(inStep(officeCtx), campaign.id, { domains: rest }));
    };
    const importer = { ...organiserCtx, db: racing(inStep(organiserCtx).db, editing) };
    const imported = await refusal(importSuggestions(importer, file(domain)));
    const outcomes = [imported, await edit];
    expect(outcomes.filter((o) => o !== undefined)).toHaveLength(1);
    const left = await domains.codes();
    for (const s of await inDomain(domain)) expect(left).toContain(s.domain);
  });

  it('refuses a submission written while the edit has not yet committed', async () => {
    const domain = await domains.fresh();
    const rest = await domains.rest();
    // The form's caches and the text worker are warm, so the submission reaches its write in time.
    await submitSuggestion(visitor(), { ...suggestionInput(tree.town), domain: rest[0]!.code });
    const { db, holding } = holdingCommit(officeCtx.db, 1000);
    const edit = refusal(updateCampaign({ ...officeCtx, db }, campaign.id, { domains: rest }));
    await holding;
    const submitted = await refusal(submitSuggestion(visitor(), { ...suggestionInput(tree.town), domain }));
    expect(await edit).toBeUndefined();
    expect(submitted).toMatchObject({ errors: [expect.objectContaining({ path: 'domain' })] });
    expect(await inDomain(domain)).toEqual([]);
  });
});
