import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { type userRoles as RolesTable, userRoles, users } from '../schema.js';

/** The ids of the enabled accounts granted `role` at exactly this unit. */
export async function holdersAt(
  db: Db,
  role: (typeof RolesTable.$inferSelect)['role'],
  unitId: string,
): Promise<string[]> {
  const rows = await db
    .selectDistinct({ id: users.id })
    .from(userRoles)
    .innerJoin(users, eq(users.id, userRoles.userId))
    .where(and(eq(userRoles.role, role), eq(userRoles.unitId, unitId), eq(users.disabled, false)));
  return rows.map((r) => r.id);
}
