import { and, eq } from 'drizzle-orm';
import { auditEvents } from '../../audit/schema.js';
import type { Db } from '../../db/client.js';
import type { TestClient } from '../../test-support/app.js';
import { unitByCode } from '../units/api.js';
import { onPublishedIdeaLists as publishedIdeas } from './queries/lists-public.js';

export async function unitId(db: Db, code: string): Promise<string> {
  return (await unitByCode(db, code))!.id;
}

/** The demo organiser's own street (QJ-S03) and a town outside their scope (QJ-T01). */
export async function scopeTowns(db: Db): Promise<{ own: string; other: string }> {
  return { own: await unitId(db, 'QJ-S03'), other: await unitId(db, 'QJ-T01') };
}

export async function auditRows(db: Db, action: string, entityId?: string) {
  return db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), entityId ? eq(auditEvents.entityId, entityId) : undefined));
}

export const sampleSuggestion = (townId: string, n = 0) => ({
  title: `建议增设高铁站公交专线${n}`,
  body: `高铁开通后客流大增，建议城区开通黔江高铁站到城区的公交接驳专线，方便群众出行。编号${n}`,
  townId,
  authorKind: 'resident' as const,
});

/**
 * Shows the current campaign's suggestions on the public site as soon as they arrive, for tests
 * of what the public does with a fresh suggestion (support, comment, search); the default,
 * public after acceptance, has its own tests.
 */
export async function showOnSubmission(office: TestClient) {
  const current = await office.get<{ id: string }>('/api/v1/public/campaign');
  const r = await office.patch(`/api/v1/ideas/campaigns/${current.body.id}`, {
    publication: 'on_submission',
  });
  if (r.status !== 200) throw new Error(`could not change the campaign: ${JSON.stringify(r.body)}`);
}

/** The suggestions a published golden or good list holds: their scores are closed. */
export async function onPublishedIdeaLists(db: Db): Promise<Set<string | null>> {
  return new Set((await publishedIdeas(db)).map((r) => r.id));
}
