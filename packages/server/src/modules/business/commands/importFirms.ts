import { eq, inArray } from 'drizzle-orm';
import type { AuditEntry } from '../../../audit/audit.js';
import type { ServiceContext } from '../../../context.js';
import type { Tx } from '../../../db/transaction.js';
import { forbidden } from '../../../errors.js';
import { runImport, type WorkbookBytes, type Written } from '../../../kernel/excel-import.js';
import { unitsByIds } from '../../units/api.js';
import type { FirmImportReport } from '../contracts.js';
import { firmColumns } from '../firm-sheet.js';
import { canBusiness, mayEver } from '../policy.js';
import { businessFirms, type FirmContact } from '../schema.js';
import { auditable } from '../views.js';
import {
  completedContact,
  type FirmRowValues,
  importLookups,
  type Lookups,
  parseFirmRow,
} from './firm-row.js';

type Existing = typeof businessFirms.$inferSelect;

/**
 * 企业批量导入: one row per firm, matched by its credit code, all or nothing. New codes are
 * filed, known ones updated where the file differs, so importing the same file again changes
 * nothing. A row's contact becomes the firm's first contact; other contacts stay. A contact cell
 * given in full beside one still masked as exported corrects that part of the first contact; a
 * masked cell that is not the firm's contact's masked form is refused (`masked_contact_unknown`),
 * since no one can tell whose it is. Every row is
 * checked first (the code's check character, a known industry and town, the size) and one bad
 * row rejects the file with a report naming each bad row and column.
 */
export async function importFirms(
  ctx: ServiceContext,
  upload: () => Promise<WorkbookBytes>,
): Promise<FirmImportReport> {
  if (!mayEver(ctx.principal, 'firm.import')) throw forbidden();
  const file = { xlsx: await upload() };
  const lookups = await importLookups(ctx.db);
  let existing = new Map<string, Existing & { inScope: boolean }>();
  return runImport(ctx, file, {
    sheet: { columns: firmColumns, requireRows: true },
    row: (values, row, report) => parseFirmRow(values, row, report, lookups),
    async check(rows, report) {
      existing = await existingByCode(ctx, rows, lookups);
      const first = new Map<string, number>();
      for (const r of rows) {
        const seen = first.get(r.creditCode);
        if (seen !== undefined)
          report.add(r.row, 'creditCode', 'duplicate_of_row', `duplicate of row ${seen}`, { row: seen });
        else first.set(r.creditCode, r.row);
        if (!canBusiness(ctx.principal, 'firm.import', { townPath: r.town.path }))
          report.add(r.row, 'town', 'outside_scope', 'outside your scope');
        if (existing.get(r.creditCode)?.inScope === false)
          report.add(r.row, 'creditCode', 'outside_scope', 'a firm outside your scope');
        if (r.contactMasked && !existing.has(r.creditCode))
          report.add(
            r.row,
            'contactPhone',
            'masked_contact',
            'a masked contact for a new firm; give it in full',
          );
        const part = r.contactPart;
        if (part && !completedContact(part, existing.get(r.creditCode)?.contacts ?? []))
          report.add(
            r.row,
            part.masked.field === 'name' ? 'contactName' : 'contactPhone',
            existing.has(r.creditCode) ? 'masked_contact_unknown' : 'masked_contact',
            existing.has(r.creditCode)
              ? "a masked cell that is not the firm's contact as exported; give the contact in full"
              : 'a masked contact for a new firm; give it in full',
          );
      }
    },
    write: (tx, rows) => writeFirms(tx, rows, existing),
  });
}

/** The firms the file names already, each with whether the actor may change it where it is. */
async function existingByCode(ctx: ServiceContext, rows: FirmRowValues[], lookups: Lookups) {
  const codes = rows.map((r) => r.creditCode);
  const found: Existing[] = [];
  for (let at = 0; at < codes.length; at += 5000)
    found.push(
      ...(await ctx.db
        .select()
        .from(businessFirms)
        .where(inArray(businessFirms.creditCode, codes.slice(at, at + 5000)))),
    );
  const towns = await unitsByIds(
    ctx.db,
    found.map((f) => f.townId).filter((id) => !lookups.townsById.has(id)),
  );
  const pathOf = (id: string) => lookups.townsById.get(id)?.path ?? towns.get(id)?.path ?? '';
  return new Map(
    found.map((f) => [
      f.creditCode,
      { ...f, inScope: canBusiness(ctx.principal, 'firm.import', { townPath: pathOf(f.townId) }) },
    ]),
  );
}

const sameContact = (a: FirmContact | undefined, b: FirmContact) => a?.name === b.name && a.phone === b.phone;

/**
 * The firm's contacts as the row leaves them: a new contact goes first, the others stay; a
 * corrected part replaces that part of the first contact (its old phone is not kept beside it).
 */
function contactsOf(old: Existing, r: FirmRowValues): FirmContact[] {
  const completed = r.contactPart && completedContact(r.contactPart, old.contacts);
  const contact = completed ?? r.contact;
  if (!contact || sameContact(old.contacts[0], contact)) return old.contacts;
  const others = completed ? old.contacts.slice(1) : old.contacts;
  return [contact, ...others.filter((c) => c.phone !== contact.phone)].slice(0, 5);
}

/** The firm's fields as the row would leave them, or null when the row changes nothing. */
function changesOf(old: Existing, r: FirmRowValues) {
  const next = {
    name: r.name,
    industryCode: r.industryCode,
    townId: r.town.id,
    size: r.size,
    contacts: contactsOf(old, r),
  };
  const same =
    next.name === old.name &&
    next.industryCode === old.industryCode &&
    next.townId === old.townId &&
    next.size === old.size &&
    next.contacts === old.contacts;
  return same ? null : next;
}

async function writeFirms(
  tx: Tx,
  rows: FirmRowValues[],
  existing: Map<string, Existing>,
): Promise<Written<FirmImportReport>> {
  const report: FirmImportReport = { created: 0, updated: 0, unchanged: 0 };
  const audit: AuditEntry[] = [];
  const fresh: Array<typeof businessFirms.$inferInsert> = [];
  for (const r of rows) {
    const old = existing.get(r.creditCode);
    if (!old) {
      const id = crypto.randomUUID();
      const values = {
        id,
        name: r.name,
        creditCode: r.creditCode,
        industryCode: r.industryCode,
        townId: r.town.id,
        size: r.size,
        contacts: r.contact ? [r.contact] : [],
      };
      fresh.push(values);
      audit.push({ action: 'firm.create', entityType: 'firm', entityId: id, after: auditable(values) });
      continue;
    }
    const next = changesOf(old, r);
    if (!next) {
      report.unchanged += 1;
      continue;
    }
    await tx
      .update(businessFirms)
      .set({ ...next, updatedAt: new Date() })
      .where(eq(businessFirms.id, old.id));
    audit.push({
      action: 'firm.update',
      entityType: 'firm',
      entityId: old.id,
      before: auditable({
        name: old.name,
        industryCode: old.industryCode,
        townId: old.townId,
        size: old.size,
        contacts: old.contacts,
      }),
      after: auditable(next),
    });
    report.updated += 1;
  }
  for (let at = 0; at < fresh.length; at += 500)
    await tx.insert(businessFirms).values(fresh.slice(at, at + 500));
  report.created = fresh.length;
  return { result: report, audit };
}
