import { eq, inArray } from 'drizzle-orm';
import { type AuditTitles, titleLookup } from '../kernel/audit-titles.js';
import { users } from '../modules/users/api.js';
import { maskPersonName } from '../privacy.js';
import { sessions } from './schema.js';

/** The audit log's titles of sign-in sessions: whose session it is, the name masked as in every staff list. */
export const authAuditTitles: AuditTitles = {
  session: titleLookup(
    (db, ids) =>
      db
        .select({ id: sessions.id, name: users.displayName })
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        .where(inArray(sessions.id, ids)),
    (s) => ({ title: maskPersonName(s.name) ?? '' }),
  ),
};
