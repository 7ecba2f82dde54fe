import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { type AuditTitles, titleLookup } from '../../../kernel/audit-titles.js';
import { attachments } from '../../../kernel/schema.js';
import { businessFirms } from '../../business/api.js';
import { inspectionFindings, inspectionItems, inspectionVisits } from '../schema.js';

/** A visit's page, which the district office and supervisors (the log's readers) may open. */
const visitPage = (id: string) => `/inspections/visits/${id}`;

/** Findings by id with their item's and firm's names, in one query. */
const findings = (db: Db, ids: string[]) =>
  db
    .select({
      id: inspectionFindings.id,
      visitId: inspectionFindings.visitId,
      item: inspectionItems.name,
      firm: businessFirms.name,
    })
    .from(inspectionFindings)
    .innerJoin(inspectionItems, eq(inspectionItems.id, inspectionFindings.itemId))
    .innerJoin(inspectionVisits, eq(inspectionVisits.id, inspectionFindings.visitId))
    .innerJoin(businessFirms, eq(businessFirms.id, inspectionVisits.firmId))
    .where(inArray(inspectionFindings.id, ids));

/**
 * The photos of a finding and of its rectification, by attachment id, named by what they show:
 * the finding's item and firm.
 */
const photos = titleLookup(
  (db, ids) =>
    db
      .select({
        id: attachments.id,
        visitId: inspectionFindings.visitId,
        item: inspectionItems.name,
        firm: businessFirms.name,
      })
      .from(attachments)
      .innerJoin(inspectionFindings, eq(inspectionFindings.id, attachments.ownerId))
      .innerJoin(inspectionItems, eq(inspectionItems.id, inspectionFindings.itemId))
      .innerJoin(inspectionVisits, eq(inspectionVisits.id, inspectionFindings.visitId))
      .innerJoin(businessFirms, eq(businessFirms.id, inspectionVisits.firmId))
      .where(
        and(
          inArray(attachments.id, ids),
          inArray(attachments.ownerKind, ['inspectionFinding', 'inspectionRectification']),
        ),
      ),
  (p) => ({ title: `${p.item} · ${p.firm}`, link: visitPage(p.visitId) }),
);

/**
 * The audit log's titles of joint inspection visits, their findings and photos: a visit is its
 * firm and day, as the visit lists tell them apart; a finding and its photos, its item and firm.
 */
export const visitAuditTitles: AuditTitles = {
  inspectionVisit: titleLookup(
    (db, ids) =>
      db
        .select({ id: inspectionVisits.id, firm: businessFirms.name, date: inspectionVisits.date })
        .from(inspectionVisits)
        .innerJoin(businessFirms, eq(businessFirms.id, inspectionVisits.firmId))
        .where(inArray(inspectionVisits.id, ids)),
    (v) => ({ title: `${v.firm} ${v.date}`, link: visitPage(v.id) }),
  ),
  inspectionFinding: titleLookup(findings, (f) => ({
    title: `${f.item} · ${f.firm}`,
    link: visitPage(f.visitId),
  })),
  inspectionPhoto: photos,
  inspectionRectificationPhoto: photos,
};
