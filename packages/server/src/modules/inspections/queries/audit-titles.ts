import { inArray } from 'drizzle-orm';
import { type AuditTitles, titleLookup } from '../../../kernel/audit-titles.js';
import { maskPersonName } from '../../../privacy.js';
import { displayNames } from '../../users/api.js';
import { inspectionInspectors, inspectionItems, inspectionTasks } from '../schema.js';

/** The audit log's titles of inspection tasks and items. */
export const inspectionAuditTitles: AuditTitles = {
  inspectionTask: titleLookup(
    (db, ids) =>
      db
        .select({ id: inspectionTasks.id, title: inspectionTasks.title })
        .from(inspectionTasks)
        .where(inArray(inspectionTasks.id, ids)),
    (t) => ({ title: t.title }),
  ),
  inspectionItem: titleLookup(
    (db, ids) =>
      db
        .select({ id: inspectionItems.id, name: inspectionItems.name })
        .from(inspectionItems)
        .where(inArray(inspectionItems.id, ids)),
    (i) => ({ title: i.name }),
  ),
  // An inspector is an account: its name, masked as in every staff list.
  inspector: titleLookup(
    async (db, ids) => {
      const rows = await db
        .select({ id: inspectionInspectors.id, userId: inspectionInspectors.userId })
        .from(inspectionInspectors)
        .where(inArray(inspectionInspectors.id, ids));
      const names = await displayNames(
        db,
        rows.map((r) => r.userId),
      );
      return rows.map((r) => ({ id: r.id, name: names.get(r.userId) ?? '' }));
    },
    (i) => ({ title: maskPersonName(i.name) ?? '' }),
  ),
};
