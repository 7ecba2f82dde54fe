import { judgeDuplicate, type PreparedText, prepareText } from '@qianxing/core/text';
import { and, eq, gte } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { requestText } from '../routing-train.js';
import { businessRequests } from '../schema.js';

export interface RequestText {
  id: string;
  /** Title and body as one text. */
  text: string;
}

export interface RepeatOf {
  id: string;
  similarity: number;
}

/**
 * The earlier request that a new one repeats: among `earlier` (a firm's own past requests, a
 * few dozen at most), the one the text engine's near-duplicate decision holds most similar, if
 * it calls it a duplicate. Compared pair by pair: the set is too small for an index to pay.
 */
export function repeatOf(
  text: string | PreparedText,
  earlier: ReadonlyArray<{ id: string; text: string | PreparedText }>,
): RepeatOf | null {
  const prepared = typeof text === 'string' ? prepareText(text) : text;
  let best: RepeatOf | null = null;
  for (const e of earlier) {
    const verdict = judgeDuplicate(prepared, e.text);
    if (verdict.duplicate && (!best || verdict.similarity > best.similarity))
      best = { id: e.id, similarity: verdict.similarity };
  }
  return best;
}

/** How far back a firm's earlier requests count as the same issue raised before. */
const REPEAT_WINDOW_DAYS = 365;

/** The firm's earlier request (within a year) that a new one on `title` and `body` repeats, if any. */
export async function findRepeat(
  db: Db,
  firmId: string,
  title: string,
  body: string,
): Promise<RepeatOf | null> {
  const since = new Date(Date.now() - REPEAT_WINDOW_DAYS * 86_400_000);
  const earlier = await db
    .select({ id: businessRequests.id, title: businessRequests.title, body: businessRequests.body })
    .from(businessRequests)
    .where(and(eq(businessRequests.firmId, firmId), gte(businessRequests.createdAt, since)));
  return repeatOf(
    requestText(title, body),
    earlier.map((r) => ({ id: r.id, text: requestText(r.title, r.body) })),
  );
}

/**
 * The repeats among a batch of requests (the demo's year): each request against its firm's
 * earlier ones of the year before it, every text prepared once.
 */
export function repeatsAmong(
  requests: ReadonlyArray<{ id: string; firmId: string; title: string; body: string; createdAt: Date }>,
): Array<{ requestId: string; repeatOf: string; similarity: number }> {
  const byFirm = new Map<string, typeof requests>();
  for (const r of requests) byFirm.set(r.firmId, [...(byFirm.get(r.firmId) ?? []), r]);
  const out: Array<{ requestId: string; repeatOf: string; similarity: number }> = [];
  for (const own of byFirm.values()) {
    const sorted = [...own].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
    const prepared = sorted.map((r) => ({
      id: r.id,
      at: r.createdAt.getTime(),
      text: prepareText(requestText(r.title, r.body)),
    }));
    prepared.forEach((r, i) => {
      const earlier = prepared.slice(0, i).filter((e) => r.at - e.at <= REPEAT_WINDOW_DAYS * 86_400_000);
      const found = repeatOf(r.text, earlier);
      if (found) out.push({ requestId: r.id, repeatOf: found.id, similarity: found.similarity });
    });
  }
  return out;
}
