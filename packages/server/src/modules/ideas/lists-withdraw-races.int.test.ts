import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../context.js';
import { notifications } from '../../kernel/schema.js';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { type District, makeDistrict, signedIn } from '../../test-support/factories.js';
import { makeCampaign, makeSuggestion } from '../../test-support/factories-ideas.js';
import { contextOf, racing, refusal, sideBySide } from '../../test-support/racing.js';
import { adoptIdea } from './commands/adoptIdea.js';
import { publishList } from './commands/publishList.js';
import { saveList } from './commands/saveList.js';
import { withdrawListEntry } from './commands/withdrawListEntry.js';
import { ideaActions, ideaLists } from './schema.js';
import { auditRows } from './test-helpers.js';

/*
 * An entry withdrawn from a published list from two tabs at once, or adopted while it is
 * withdrawn. The tests with `racing` put the other command between the checks and the write, and
 * fail without the write's own check on PGlite and PostgreSQL alike. The one side by side keeps
 * both withdrawals' transactions open at once, which only PostgreSQL truly does: there it fails
 * without the list's row held (both read the entry not yet withdrawn); on PGlite they take turns.
 * Run on PGlite, and on PostgreSQL with DATABASE_URL set.
 */

let t: TestContext;
let tree: District;
let office: TestClient;
let officeCtx: ServiceContext;
let otherTab: ServiceContext;

beforeAll(async () => {
  t = await createTestContext({ seed: [] });
  tree = await makeDistrict(t);
  office = await signedIn(t, 'admin', tree.district);
  await makeCampaign(office);
  officeCtx = await contextOf(t, office);
  otherTab = await contextOf(t, office);
});
afterAll(() => t.close());
beforeEach(async () => {
  await t.database.db.delete(ideaActions);
  await t.database.db.delete(ideaLists);
});

/** A published golden list of one entry: the entry and its suggestion's tracking code. */
async function published() {
  const made = await makeSuggestion(t, { town: tree.town, state: 'accepted', screener: office });
  await saveList(officeCtx, 'golden_idea', {
    entries: [{ rank: 1, suggestionId: made.id, memberIds: [], title: '点子', citation: '' }],
  });
  const list = await publishList(officeCtx, 'golden_idea');
  return { listId: list.id, entryId: list.entries[0]!.id, trackingCode: made.trackingCode };
}
const reason = { reason: '经核实系抄袭他人文章' };
const meanwhile = (ctx: ServiceContext, work: () => Promise<unknown>): ServiceContext => ({
  ...ctx,
  db: racing(ctx.db, work),
});
const told = (trackingCode: string) =>
  t.database.db
    .select()
    .from(notifications)
    .where(
      and(eq(notifications.trackingCode, trackingCode), eq(notifications.key, 'ideas.notice.listWithdrawn')),
    );
const withdrawnAlready = {
  code: 'INVALID_STATE',
  errors: [expect.objectContaining({ path: 'entryId', code: 'entry_withdrawn' })],
};

describe('an entry withdrawn from two tabs at once', () => {
  it('is withdrawn once: the second is refused, and its author told once', async () => {
    const { listId, entryId, trackingCode } = await published();
    const refused = await refusal(
      withdrawListEntry(
        meanwhile(officeCtx, () => withdrawListEntry(otherTab, 'golden_idea', entryId, reason)),
        'golden_idea',
        entryId,
        reason,
      ),
    );
    expect(refused).toMatchObject(withdrawnAlready);
    expect(await told(trackingCode)).toHaveLength(1);
    expect(await auditRows(t.database.db, 'list.withdrawEntry', listId)).toHaveLength(1);
  });

  it('side by side, waits for the list held by the other and is refused (PostgreSQL)', async () => {
    const { listId, entryId, trackingCode } = await published();
    // Both read the entry before either has written, unless the list's row holds one back.
    const inStep = sideBySide(2, 'after the first statement');
    const outcomes = await Promise.all([
      refusal(withdrawListEntry(inStep(officeCtx), 'golden_idea', entryId, reason)),
      refusal(withdrawListEntry(inStep(otherTab), 'golden_idea', entryId, reason)),
    ]);
    expect(outcomes.filter((o) => o !== undefined)).toEqual([expect.objectContaining(withdrawnAlready)]);
    expect(await told(trackingCode)).toHaveLength(1);
    expect(await auditRows(t.database.db, 'list.withdrawEntry', listId)).toHaveLength(1);
  });
});

describe('an entry adopted while it is withdrawn', () => {
  it('refuses the adoption: no action follows an entry off the list', async () => {
    const { entryId } = await published();
    const refused = await refusal(
      adoptIdea(
        meanwhile(officeCtx, () => withdrawListEntry(otherTab, 'golden_idea', entryId, reason)),
        { entryId, title: '落实该点子', ownerUnitId: tree.department.id, dueOn: '2099-06-30' },
      ),
    );
    expect(refused).toMatchObject(withdrawnAlready);
    expect(await t.database.db.select().from(ideaActions).where(eq(ideaActions.entryId, entryId))).toEqual(
      [],
    );
  });
});
