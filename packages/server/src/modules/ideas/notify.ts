import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { SuggestionRow } from './lookup.js';
import { ideaNotifications, ideaSupports } from './schema.js';

/**
 * Tells the author (by account, and always by tracking code so anonymous authors see it too)
 * and, when asked, every signed-in supporter. A key and data only; the web app words it.
 */
export async function notify(
  tx: Db,
  s: Pick<SuggestionRow, 'id' | 'authorUserId' | 'trackingCode' | 'title'>,
  key: string,
  params: Record<string, unknown>,
  supporters = false,
) {
  const p = { ...params, suggestionId: s.id, title: s.title };
  const rows: Array<typeof ideaNotifications.$inferInsert> = [
    { trackingCode: s.trackingCode, userId: s.authorUserId, key, params: p },
  ];
  if (supporters) {
    const fans = await tx
      .select({ userId: ideaSupports.userId })
      .from(ideaSupports)
      .where(eq(ideaSupports.suggestionId, s.id));
    for (const f of fans)
      if (f.userId && f.userId !== s.authorUserId) rows.push({ userId: f.userId, key, params: p });
  }
  await tx.insert(ideaNotifications).values(rows);
}
