import { type AuditTitles, titleLookup } from '../../../kernel/audit-titles.js';
import { unitsByIds } from '../api.js';

/** The audit log's titles of units: their names (the tree's page lists them all). */
export const unitAuditTitles: AuditTitles = {
  unit: titleLookup(
    async (db, ids) => [...(await unitsByIds(db, ids)).values()],
    (u) => ({ title: u.name }),
  ),
};
