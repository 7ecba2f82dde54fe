import { eq, inArray } from 'drizzle-orm';
import { attachmentTitles } from '../../../kernel/attachments.js';
import { type AuditTitles, titleLookup } from '../../../kernel/audit-titles.js';
import { reformBattles, reformCases, reformLists, reformProjects, reformReports } from '../schema.js';
import { studyAuditTitles } from './study-audit-titles.js';

/** The audit log's titles of the reform ledger: a report is its project's and its month's. */
export const reformAuditTitles: AuditTitles = {
  reformEvidence: attachmentTitles,
  ...studyAuditTitles,
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
  reformBattle: titleLookup(
    (db, ids) =>
      db
        .select({ id: reformBattles.id, name: reformBattles.name })
        .from(reformBattles)
        .where(inArray(reformBattles.id, ids)),
    (b) => ({ title: b.name, link: '/admin/reforms/battles' }),
  ),
  reformCase: titleLookup(
    (db, ids) =>
      db
        .select({ id: reformCases.id, name: reformCases.title })
        .from(reformCases)
        .where(inArray(reformCases.id, ids)),
    (c) => ({ title: c.name, link: '/admin/reforms/cases' }),
  ),
  // A run of the reminders is named by its day (the reminders of a day are one event).
  reformReminder: titleLookup(
    async (_db, days) => days.filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d)).map((id) => ({ id })),
    (d) => ({ title: d.id }),
    { textKeys: true },
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
