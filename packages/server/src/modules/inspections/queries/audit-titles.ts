import { inArray } from 'drizzle-orm';
import { type AuditTitles, titleLookup } from '../../../kernel/audit-titles.js';
import { inspectionItems, inspectionTasks } from '../schema.js';

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
};
