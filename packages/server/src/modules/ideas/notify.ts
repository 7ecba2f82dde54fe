import { and, inArray, isNotNull } from 'drizzle-orm';
import type { Tx } from '../../db/transaction.js';
import { deliver, type Notice } from '../../kernel/notifications.js';
import { maskNumbersInText } from '../../privacy.js';
import type { SuggestionRow } from './queries/lookup.js';
import { ideaFollows, ideaSupports } from './schema.js';

type Notified = Pick<SuggestionRow, 'id' | 'authorUserId' | 'trackingCode' | 'title'>;

/**
 * Tells the authors of suggestions (by account, and always by tracking code so anonymous authors
 * see it too), their followers and, when asked, every signed-in supporter; each person once. A key and data only; the web app words
 * it. Many suggestions at once (a published list names every member of its clusters) cost one
 * read and one insert per thousand rows, not a round trip per author.
 */
export async function notifyAll(
  tx: Tx,
  suggestions: readonly Notified[],
  key: string,
  params: Record<string, unknown>,
  supporters = false,
) {
  if (suggestions.length === 0) return;
  const paramsOf = new Map(
    suggestions.map((s) => [s.id, { ...params, suggestionId: s.id, title: maskNumbersInText(s.title) }]),
  );
  const rows: Notice[] = suggestions.map((s) => ({
    trackingCode: s.trackingCode,
    userId: s.authorUserId,
    key,
    params: paramsOf.get(s.id)!,
  }));
  const ids = suggestions.map((s) => s.id);
  const told = new Set(suggestions.map((s) => `${s.id}:${s.authorUserId}`));
  const tell = (fans: ReadonlyArray<{ suggestionId: string; userId: string | null }>) => {
    for (const f of fans) {
      if (!f.userId || told.has(`${f.suggestionId}:${f.userId}`)) continue;
      told.add(`${f.suggestionId}:${f.userId}`);
      rows.push({ userId: f.userId, key, params: paramsOf.get(f.suggestionId)! });
    }
  };
  tell(
    await tx
      .select({ suggestionId: ideaFollows.suggestionId, userId: ideaFollows.userId })
      .from(ideaFollows)
      .where(inArray(ideaFollows.suggestionId, ids)),
  );
  if (supporters)
    tell(
      await tx
        .select({ suggestionId: ideaSupports.suggestionId, userId: ideaSupports.userId })
        .from(ideaSupports)
        .where(and(inArray(ideaSupports.suggestionId, ids), isNotNull(ideaSupports.userId))),
    );
  await deliver(tx, rows);
}

/** {@link notifyAll} for one suggestion. */
export function notify(
  tx: Tx,
  s: Notified,
  key: string,
  params: Record<string, unknown>,
  supporters = false,
) {
  return notifyAll(tx, [s], key, params, supporters);
}

/**
 * Tells the authors of suggestions alone (by account, and by tracking code): a message between
 * the office and an author, which followers and supporters do not read.
 */
export function notifyAuthors(
  tx: Tx,
  suggestions: readonly Notified[],
  key: string,
  params: Record<string, unknown>,
) {
  return deliver(
    tx,
    suggestions.map((s) => ({
      trackingCode: s.trackingCode,
      userId: s.authorUserId,
      key,
      params: { ...params, suggestionId: s.id, title: maskNumbersInText(s.title) },
    })),
  );
}
