import { inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { Tx } from '../../db/transaction.js';
import { maskNumbersInText } from '../../privacy.js';
import { notifyAll } from './notify.js';
import { ideaSuggestions, ideaTimeline } from './schema.js';

/** What another module may know of a suggestion before taking it up: its state and masked title. */
export interface SuggestionState {
  id: string;
  title: string;
  status: (typeof ideaSuggestions.$inferSelect)['status'];
}

/** The suggestions of `ids` that exist, with their state; the others are left out. */
export async function suggestionStates(
  db: Db,
  ids: readonly string[],
): Promise<Map<string, SuggestionState>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: ideaSuggestions.id, title: ideaSuggestions.title, status: ideaSuggestions.status })
    .from(ideaSuggestions)
    .where(inArray(ideaSuggestions.id, [...ids]));
  return new Map(rows.map((r) => [r.id, { ...r, title: maskNumbersInText(r.title) }]));
}

/**
 * What happens to a suggestion taken up by the reforms module: a reform project or a key battle
 * it became, the project's progress, and the project's withdrawal (`reformWithdrawn`: the office
 * deleted it, saying why), the battle's deletion (`reformBattleDeleted`) or the suggestion taken
 * off it (`reformBattleUnlinked`), with the office's reason. It goes on the suggestion's timeline (the author reads it by tracking
 * code) and to the author, its followers and every signed-in supporter's inbox, in the
 * transaction of the change (`ideas.notice.<kind>`, `ideas.timeline.<kind>`).
 */
export type ReformEvent =
  | 'reformProject'
  | 'reformBattle'
  | 'reformProgress'
  | 'reformWithdrawn'
  | 'reformBattleDeleted'
  | 'reformBattleUnlinked';

export async function followReform(
  tx: Tx,
  suggestionIds: readonly string[],
  kind: ReformEvent,
  params: Record<string, unknown>,
): Promise<void> {
  if (suggestionIds.length === 0) return;
  const rows = await tx
    .select({
      id: ideaSuggestions.id,
      authorUserId: ideaSuggestions.authorUserId,
      trackingCode: ideaSuggestions.trackingCode,
      title: ideaSuggestions.title,
    })
    .from(ideaSuggestions)
    .where(inArray(ideaSuggestions.id, [...suggestionIds]));
  if (rows.length === 0) return;
  await tx.insert(ideaTimeline).values(rows.map((s) => ({ suggestionId: s.id, kind, params })));
  await notifyAll(tx, rows, `ideas.notice.${kind}`, params, true);
}
