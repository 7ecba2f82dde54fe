import type { Db } from '../db/client.js';

/** What the audit log shows for the entity of an event: its title, and its page where it has one. */
export interface EntityTitle {
  title: string;
  /** The web app's path of the entity's page. */
  link?: string | undefined;
  /** Where a type has kinds the page words apart (a list's: golden_idea…), the entity's kind. */
  kind?: string | undefined;
}

/** The titles of the entities of one type with these ids, in one query (an unknown id is absent). */
export type TitleLookup = (db: Db, ids: readonly string[]) => Promise<Map<string, EntityTitle>>;

/** A module's lookups, by the entity type its audit events name. */
export type AuditTitles = Readonly<Record<string, TitleLookup>>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether an event's id is a row's UUID (rather than a code, a month, a seed's or an import's name). */
export const isUuid = (id: string) => UUID.test(id);

/**
 * A lookup from a read of rows by id and the title of a row: the read runs once per page of
 * the audit log, for all the ids of its type. Ids are UUIDs unless `textKeys` (a table keyed by
 * code): an event's id that is not one (a seed's, say) is left out rather than sent to a uuid
 * column, which PostgreSQL would refuse.
 */
export function titleLookup<R extends { id: string }>(
  read: (db: Db, ids: string[]) => Promise<R[]>,
  title: (row: R) => EntityTitle,
  options: { textKeys?: boolean } = {},
): TitleLookup {
  return async (db, ids) => {
    const unique = [...new Set(ids)].filter((id) => options.textKeys || isUuid(id));
    if (unique.length === 0) return new Map();
    return new Map((await read(db, unique)).map((r) => [r.id, title(r)]));
  };
}
