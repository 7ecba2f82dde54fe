import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { AppError, notFound } from '../../../errors.js';
import { unitBriefs } from '../../units/api.js';
import { ideaSuggestions } from '../schema.js';

export type SuggestionRow = typeof ideaSuggestions.$inferSelect;

const townKinds = new Set(['subdistrict', 'town', 'township', 'village', 'community']);
const unitCache = new WeakMap<
  Db,
  { at: number; byId: Map<string, { path: string; kind: string; code: string; name: string }> }
>();

/** Units by id, cached for a minute per process: the tree changes rarely, intake reads it often. */
export async function unitIndex(db: Db) {
  const hit = unitCache.get(db);
  if (hit && Date.now() - hit.at < 60_000) return hit.byId;
  const rows = await unitBriefs(db);
  const byId = new Map(rows.map((r) => [r.id, { path: r.path, kind: r.kind, code: r.code, name: r.name }]));
  unitCache.set(db, { at: Date.now(), byId });
  return byId;
}

/** The town (street, town, township or below) a suggestion belongs to. */
export async function requireTown(db: Db, townId: string, field = 'townId') {
  let unit = (await unitIndex(db)).get(townId);
  if (!unit) {
    unitCache.delete(db);
    unit = (await unitIndex(db)).get(townId);
  }
  if (!unit || !townKinds.has(unit.kind))
    throw new AppError('VALIDATION', 'not a town', [
      { path: field, message: 'not a town', code: 'not_a_town' },
    ]);
  return unit;
}

export async function loadSuggestion(db: Db, id: string, campaignId?: string) {
  const [row] = await db
    .select()
    .from(ideaSuggestions)
    .where(
      campaignId
        ? and(eq(ideaSuggestions.id, id), eq(ideaSuggestions.campaignId, campaignId))
        : eq(ideaSuggestions.id, id),
    );
  if (!row) throw notFound('suggestion');
  return row;
}

/** The town path of a suggestion, for scope checks. */
export async function townPath(db: Db, townId: string): Promise<string> {
  return (await unitIndex(db)).get(townId)?.path ?? '/';
}
