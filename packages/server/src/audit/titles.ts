import type { Db } from '../db/client.js';
import type { EntityTitle, TitleLookup } from '../kernel/audit-titles.js';
import { modules } from '../modules/registry.js';

/** Every module's title lookups, by entity type. */
function lookups(): Map<string, TitleLookup> {
  return new Map(modules.flatMap((m) => Object.entries(m.auditTitles ?? {})));
}

const key = (entityType: string, entityId: string) => `${entityType}\u0000${entityId}`;

/**
 * The titles of the entities a page of the audit log names: one query per entity type, through
 * the module that owns it. An entity gone since, or of a type without a title, is absent.
 */
export async function entityTitles(
  db: Db,
  events: ReadonlyArray<{ entityType: string; entityId: string }>,
): Promise<(entityType: string, entityId: string) => EntityTitle | undefined> {
  const byType = new Map<string, string[]>();
  for (const e of events) byType.set(e.entityType, [...(byType.get(e.entityType) ?? []), e.entityId]);
  const known = lookups();
  const found = new Map<string, EntityTitle>();
  await Promise.all(
    [...byType].map(async ([type, ids]) => {
      const lookup = known.get(type);
      if (!lookup) return;
      for (const [id, title] of await lookup(db, ids)) found.set(key(type, id), title);
    }),
  );
  return (entityType, entityId) => found.get(key(entityType, entityId));
}
