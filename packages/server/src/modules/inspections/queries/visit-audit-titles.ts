import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { type AuditTitles, titleLookup } from '../../../kernel/audit-titles.js';
import { attachments } from '../../../kernel/schema.js';
import { firmsByIds } from '../../business/api.js';
import { inspectionFindings, inspectionItems, inspectionVisits } from '../schema.js';

/** A visit's page, which the district office and supervisors (the log's readers) may open. */
const visitPage = (id: string) => `/inspections/visits/${id}`;

/** Rows with their visit's firm named, through the business module's api (one more query). */
async function withFirmNames<R extends { firmId: string }>(
  db: Db,
  rows: R[],
): Promise<Array<R & { firm: string }>> {
  const firms = await firmsByIds(
    db,
    rows.map((r) => r.firmId),
  );
  return rows.map((r) => ({ ...r, firm: firms.get(r.firmId)?.name ?? '' }));
}

/** Findings by id with their item's and firm's names. */
const findings = async (db: Db, ids: string[]) =>
  withFirmNames(
    db,
    await db
      .select({
        id: inspectionFindings.id,
        visitId: inspectionFindings.visitId,
        item: inspectionItems.name,
        firmId: inspectionVisits.firmId,
      })
      .from(inspectionFindings)
      .innerJoin(inspectionItems, eq(inspectionItems.id, inspectionFindings.itemId))
      .innerJoin(inspectionVisits, eq(inspectionVisits.id, inspectionFindings.visitId))
      .where(inArray(inspectionFindings.id, ids)),
  );

/**
 * The photos of a finding and of its rectification, by attachment id, named by what they show:
 * the finding's item and firm.
 */
const photos = titleLookup(
  async (db, ids) =>
    withFirmNames(
      db,
      await db
        .select({
          id: attachments.id,
          visitId: inspectionFindings.visitId,
          item: inspectionItems.name,
          firmId: inspectionVisits.firmId,
        })
        .from(attachments)
        .innerJoin(inspectionFindings, eq(inspectionFindings.id, attachments.ownerId))
        .innerJoin(inspectionItems, eq(inspectionItems.id, inspectionFindings.itemId))
        .innerJoin(inspectionVisits, eq(inspectionVisits.id, inspectionFindings.visitId))
        .where(
          and(
            inArray(attachments.id, ids),
            inArray(attachments.ownerKind, ['inspectionFinding', 'inspectionRectification']),
          ),
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
    async (db, ids) =>
      withFirmNames(
        db,
        await db
          .select({ id: inspectionVisits.id, firmId: inspectionVisits.firmId, date: inspectionVisits.date })
          .from(inspectionVisits)
          .where(inArray(inspectionVisits.id, ids)),
      ),
    (v) => ({ title: `${v.firm} ${v.date}`, link: visitPage(v.id) }),
  ),
  inspectionFinding: titleLookup(findings, (f) => ({
    title: `${f.item} · ${f.firm}`,
    link: visitPage(f.visitId),
  })),
  inspectionPhoto: photos,
  inspectionRectificationPhoto: photos,
};
