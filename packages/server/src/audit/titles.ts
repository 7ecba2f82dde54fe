import { authAuditTitles } from '../auth/audit-titles.js';
import type { Db } from '../db/client.js';
import { type EntityTitle, isUuid, type TitleLookup } from '../kernel/audit-titles.js';
import { modules } from '../modules/registry.js';

/** Every title lookup, by entity type: the sign-in sessions' and every module's. */
export function titleLookups(): Map<string, TitleLookup> {
  return new Map(
    [authAuditTitles, ...modules.map((m) => m.auditTitles ?? {})].flatMap((t) => Object.entries(t)),
  );
}

/**
 * The entity types of audit events that name no one record, so have no title: the page shows
 * their type's name alone. A new entity type is either titled by its module or listed here with
 * its reason (titles.test.ts holds every `entityType` of the sources to that).
 */
export const untitledEntityTypes: Readonly<Record<string, string>> = {
  settings: 'a module’s settings (its id is the module): the type and the action name them',
  liaisonSettings: 'the one row of the liaison visits’ frequencies',
  projectSettings: 'the one row of the projects’ stalled-stage thresholds',
  scorecardSettings: 'the one row of the departments’ scorecard weights',
  reformPlan: 'the district’s one three-step plan, named by its type',
  liaison: 'a run over every cadre–firm pair (pairing, reminders, the demo), not one pair',
  targets: 'the demo seed of the catch-up module',
  reforms: 'the demo seeds of the reform ledger',
  inspections: 'the demo seed of the inspections',
  device: 'a remembered device, deleted as it is forgotten: its event keeps its masked address and browser',
  notification: 'a message read by its reader (the actor); its wording is made in the reader’s language',
};

const key = (entityType: string, entityId: string) => `${entityType}\u0000${entityId}`;

export interface EntityOfEvent {
  title?: EntityTitle | undefined;
  /** A record of a titled type that is not found (deleted since): the page shows its short id. */
  gone: boolean;
}

/**
 * The titles of the entities a page of the audit log names: one query per entity type, through
 * the module that owns it. An entity gone since, or of a type without a title, has none.
 */
export async function entityTitles(
  db: Db,
  events: ReadonlyArray<{ entityType: string; entityId: string }>,
): Promise<(entityType: string, entityId: string) => EntityOfEvent> {
  const byType = new Map<string, string[]>();
  for (const e of events) byType.set(e.entityType, [...(byType.get(e.entityType) ?? []), e.entityId]);
  const known = titleLookups();
  const found = new Map<string, EntityTitle>();
  await Promise.all(
    [...byType].map(async ([type, ids]) => {
      const lookup = known.get(type);
      if (!lookup) return;
      for (const [id, title] of await lookup(db, ids)) found.set(key(type, id), title);
    }),
  );
  return (entityType, entityId) => {
    const title = found.get(key(entityType, entityId));
    return { title, gone: !title && known.has(entityType) && isUuid(entityId) };
  };
}
