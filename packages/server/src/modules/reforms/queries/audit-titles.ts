import { eq, inArray } from 'drizzle-orm';
import { attachmentTitles } from '../../../kernel/attachments.js';
import { type AuditTitles, titleLookup } from '../../../kernel/audit-titles.js';
import { reformLists, reformProjects, reformReports } from '../schema.js';

/** The audit log's titles of the reform ledger: a report is its project's and its month's. */
export const reformAuditTitles: AuditTitles = {
  reformEvidence: attachmentTitles,
  reformList: titleLookup(
    (db, ids) =>
      db
        .select({ id: reformLists.id, name: reformLists.name })
        .from(reformLists)
        .where(inArray(reformLists.id, ids)),
    (l) => ({ title: l.name }),
  ),
  reformProject: titleLookup(
    (db, ids) =>
      db
        .select({ id: reformProjects.id, name: reformProjects.name })
        .from(reformProjects)
        .where(inArray(reformProjects.id, ids)),
    (p) => ({ title: p.name, link: `/admin/reforms/projects/${p.id}` }),
  ),
  reformReport: titleLookup(
    (db, ids) =>
      db
        .select({ id: reformReports.id, name: reformProjects.name, period: reformReports.period })
        .from(reformReports)
        .innerJoin(reformProjects, eq(reformProjects.id, reformReports.projectId))
        .where(inArray(reformReports.id, ids)),
    (r) => ({ title: `${r.name} ${r.period}`, link: `/admin/reforms/reports/${r.id}` }),
  ),
};
