import { inArray } from 'drizzle-orm';
import { type AuditTitles, titleLookup } from '../../../kernel/audit-titles.js';
import { maskPersonName } from '../../../privacy.js';
import { invitations, users } from '../schema.js';

/** The audit log's titles of accounts and invitations: the name masked as in every staff list (PIPL). */
export const userAuditTitles: AuditTitles = {
  user: titleLookup(
    (db, ids) =>
      db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, ids)),
    (u) => ({ title: maskPersonName(u.name) ?? '' }),
  ),
  invitation: titleLookup(
    (db, ids) =>
      db
        .select({ id: invitations.id, name: invitations.displayName })
        .from(invitations)
        .where(inArray(invitations.id, ids)),
    (i) => ({ title: maskPersonName(i.name) ?? '', link: '/admin/users' }),
  ),
};
