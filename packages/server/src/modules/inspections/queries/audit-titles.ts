import { inArray } from 'drizzle-orm';
import { type AuditTitles, titleLookup } from '../../../kernel/audit-titles.js';
import { maskPersonName } from '../../../privacy.js';
import { displayNames } from '../../users/api.js';
import { inspectionInspectors, inspectionItems, inspectionPlans, inspectionTasks } from '../schema.js';
import { visitAuditTitles } from './visit-audit-titles.js';

/** The audit log's titles of inspection tasks, items, inspectors, plans and their visits. */
export const inspectionAuditTitles: AuditTitles = {
  ...visitAuditTitles,
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
  // A plan has no name: the plans page tells plans apart by their period, and so does the log.
  inspectionPlan: titleLookup(
    (db, ids) =>
      db
        .select({
          id: inspectionPlans.id,
          start: inspectionPlans.periodStart,
          end: inspectionPlans.periodEnd,
        })
        .from(inspectionPlans)
        .where(inArray(inspectionPlans.id, ids)),
    (p) => ({ title: `${p.start} – ${p.end}` }),
  ),
};
