import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../../audit/audit.js';
import { auditEvents } from '../../audit/schema.js';
import { transaction } from '../../db/transaction.js';
import { createTestContext, type TestContext } from '../../test-support/app.js';
import { makeDistrict, signedIn } from '../../test-support/factories.js';
import { makeCampaign } from '../../test-support/factories-ideas.js';
import { storeSuggestion } from './commands/intake-write.js';

/**
 * The public submission writes its audit events in its own batched statement, not through
 * audit(). This holds it to the same row: secrets dropped at any depth, dates as text, the actor
 * and request id kept.
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

const after = {
  title: '标题',
  password: 'never-stored',
  nested: { token: 'never-stored', tokenHash: 'never-stored', kept: 1 },
  list: [{ csrfToken: 'never-stored', codeHash: 'never-stored', at: new Date('2026-05-01T00:00:00Z') }],
};
const actor = { userId: null, label: 'anonymous', requestId: 'req-1' };

const eventOf = async (action: string, entityId: string) => {
  const [row] = await t.database.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), eq(auditEvents.entityId, entityId)));
  if (!row) throw new Error(`no ${action} event for ${entityId}`);
  return row;
};

describe("the public submission's audit events", () => {
  it('are the rows audit() writes for the same entry', async () => {
    const id = randomUUID();
    await storeSuggestion(t.database.db, {
      id,
      campaignId,
      title: '建议增设高铁站公交专线',
      body: '高铁开通后客流大增，建议开通公交接驳专线。',
      domain: 'transport',
      domainConfidence: 0.9,
      townId,
      authorKind: 'resident',
      channel: 'online',
      authorUserId: null,
      realName: null,
      phone: null,
      trackingCode: 'AUDITTEST1',
      tokens: '高铁 公交',
      titleWords: '高铁',
      bodyWords: '公交',
      eventId: null,
      createdBy: null,
      audit: { actorId: actor.userId, actorLabel: actor.label, after, requestId: actor.requestId },
    });
    await transaction(t.database.db, (tx) =>
      audit(tx, actor, {
        action: 'suggestion.submit',
        entityType: 'suggestion',
        entityId: 'by-audit',
        after,
      }),
    );
    const batched = await eventOf('suggestion.submit', id);
    const single = await eventOf('suggestion.submit', 'by-audit');
    const fields = (e: typeof batched) => ({
      actorId: e.actorId,
      actorLabel: e.actorLabel,
      entityType: e.entityType,
      before: e.before,
      after: e.after,
      requestId: e.requestId,
    });
    expect(fields(batched)).toEqual(fields(single));
    expect(JSON.stringify(batched.after)).not.toContain('never-stored');
    expect(batched.after).toEqual({
      title: '标题',
      nested: { kept: 1 },
      list: [{ at: '2026-05-01T00:00:00.000Z' }],
    });
  });
});
