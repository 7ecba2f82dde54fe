import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../context.js';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { type District, makeDistrict, signedIn } from '../../test-support/factories.js';
import { makeCampaign, makeSuggestion } from '../../test-support/factories-ideas.js';
import { contextOf, racing, refusal } from '../../test-support/racing.js';
import { adoptIdea } from './commands/adoptIdea.js';
import { editShortlist } from './commands/editShortlist.js';
import { mergeSuggestion } from './commands/mergeSuggestion.js';
import { rejectSuggestion } from './commands/rejectSuggestion.js';
import { reportProgress } from './commands/reportProgress.js';
import { supportSuggestion } from './commands/supportSuggestion.js';
import { computeStats } from './queries/stats.js';
import { ideaActions, ideaSuggestions, ideaSupports } from './schema.js';
import { auditRows } from './test-helpers.js';

/**
 * Actions and suggestions closed (done, merged, rejected): commands another user's closure
 * overtakes between their checks and their write, and the figures that count them.
 */
let t: TestContext;
let tree: District;
let office: TestClient;
let officeCtx: ServiceContext;
let otherTab: ServiceContext;
let citizenCtx: ServiceContext;

beforeAll(async () => {
  t = await createTestContext({ seed: [] });
  tree = await makeDistrict(t);
  office = await signedIn(t, 'admin', tree.district);
  await makeCampaign(office);
  officeCtx = await contextOf(t, office);
  otherTab = await contextOf(t, office);
  citizenCtx = await contextOf(t, await signedIn(t, 'citizen', tree.district));
});
afterAll(() => t.close());

const meanwhile = (ctx: ServiceContext, work: () => Promise<unknown>): ServiceContext => ({
  ...ctx,
  db: racing(ctx.db, work),
});
const accepted = async () =>
  (await makeSuggestion(t, { town: tree.town, state: 'accepted', screener: office })).id;

describe('a progress report on an action closed meanwhile', () => {
  it('is refused: the action stays done, and the audit holds the closing report only', async () => {
    const action = await adoptIdea(officeCtx, {
      suggestionId: await accepted(),
      title: '开通高铁站公交专线',
      ownerUnitId: tree.department.id,
      dueOn: '2099-06-30',
    });
    const refused = await refusal(
      reportProgress(
        meanwhile(officeCtx, () =>
          reportProgress(otherTab, action.id, { status: 'done', progress: 100, note: '' }),
        ),
        action.id,
        { status: 'in_progress', progress: 40, note: '' },
      ),
    );
    expect(refused).toMatchObject({
      code: 'INVALID_STATE',
      errors: [expect.objectContaining({ path: 'status', code: 'action_closed' })],
    });
    const [row] = await t.database.db.select().from(ideaActions).where(eq(ideaActions.id, action.id));
    expect(row).toMatchObject({ status: 'done', progress: 100 });
    const audit = await auditRows(t.database.db, 'action.progress', action.id);
    expect(audit.map((a) => a.after)).toEqual([expect.objectContaining({ status: 'done' })]);
  });
});

describe('a support of a suggestion merged meanwhile', () => {
  it('is refused and counted nowhere: neither on the merged one nor on the one it went into', async () => {
    const merged = await accepted();
    const into = await accepted();
    const refused = await refusal(
      supportSuggestion(
        meanwhile(citizenCtx, () => mergeSuggestion.run(officeCtx, { ids: [merged], into })),
        merged,
        'browser-merged',
      ),
    );
    expect(refused).toMatchObject({
      code: 'INVALID_STATE',
      errors: [expect.objectContaining({ path: 'id', code: 'support_closed' })],
    });
    const supports = await t.database.db
      .select()
      .from(ideaSupports)
      .where(eq(ideaSupports.suggestionId, merged));
    expect(supports).toEqual([]);
    const rows = await t.database.db.select().from(ideaSuggestions).where(eq(ideaSuggestions.id, merged));
    expect(rows[0]!.supports).toBe(0);
  });
});

describe('a suggestion put on the shortlist as it is rejected', () => {
  it('stays off, and the edit names it as unchanged', async () => {
    const kept = await accepted();
    const rejected = await accepted();
    const edited = await editShortlist(
      meanwhile(officeCtx, () => rejectSuggestion.run(otherTab, { ids: [rejected], reason: 'off_topic' })),
      { add: [kept, rejected], remove: [] },
    );
    expect(edited).toMatchObject({ added: 1, unchanged: [rejected] });
    const [row] = await t.database.db.select().from(ideaSuggestions).where(eq(ideaSuggestions.id, rejected));
    expect(row).toMatchObject({ status: 'rejected', shortlistedAt: null });
  });
});

describe('the campaign figures once suggestions are merged', () => {
  it('count by domain what the total counts: a merged suggestion lives on in its target', async () => {
    const into = await accepted();
    await mergeSuggestion.run(officeCtx, { ids: [await accepted()], into });
    const stats = await computeStats(t.database.db);
    expect(stats.byDomain.reduce((sum, d) => sum + d.n, 0)).toBe(stats.suggestions);
    expect(stats.byStatus.find((s) => s.key === 'merged')?.n).toBeGreaterThan(0);
  });
});
