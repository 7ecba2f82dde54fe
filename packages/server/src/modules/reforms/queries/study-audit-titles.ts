import { inArray } from 'drizzle-orm';
import { attachmentTitles } from '../../../kernel/attachments.js';
import { type AuditTitles, titleLookup } from '../../../kernel/audit-titles.js';
import { reformStudySessions, reformStudyVisits } from '../schema.js';

/** The audit log's titles of study visits, learning sessions and their files. */
export const studyAuditTitles: AuditTitles = {
  reformStudyReport: attachmentTitles,
  reformStudyMaterial: attachmentTitles,
  reformStudyVisit: titleLookup(
    (db, ids) =>
      db
        .select({ id: reformStudyVisits.id, name: reformStudyVisits.title })
        .from(reformStudyVisits)
        .where(inArray(reformStudyVisits.id, ids)),
    (v) => ({ title: v.name, link: `/admin/reforms/learning/visits/${v.id}` }),
  ),
  reformStudySession: titleLookup(
    (db, ids) =>
      db
        .select({ id: reformStudySessions.id, name: reformStudySessions.title })
        .from(reformStudySessions)
        .where(inArray(reformStudySessions.id, ids)),
    (s) => ({ title: s.name, link: '/admin/reforms/learning?tab=sessions' }),
  ),
};
