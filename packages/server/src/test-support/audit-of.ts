import { asc, eq } from 'drizzle-orm';
import { auditEvents } from '../audit/schema.js';
import type { TestContext } from './app.js';

/**
 * The actions of an entity's audit events in the order they were written. Without the order,
 * PostgreSQL may return them in any order: the sealer's updates move rows, and a test read the
 * steps of a visit shuffled.
 */
export const auditOf = async (t: TestContext, entityId: string) =>
  (
    await t.database.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(eq(auditEvents.entityId, entityId))
      .orderBy(asc(auditEvents.id))
  ).map((e) => e.action);
