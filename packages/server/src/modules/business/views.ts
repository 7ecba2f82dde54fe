import type { Principal } from '../../auth/principal.js';
import type { Db } from '../../db/client.js';
import type { Locale } from '../../openapi/describe.js';
import { maskPersonName, maskPhone } from '../../privacy.js';
import { unitsByIds } from '../units/api.js';
import type { Firm } from './contracts.js';
import type { FirmRow } from './lookup.js';
import { canBusiness, type FirmResource } from './policy.js';
import { listIndustries } from './queries/industries.js';
import type { FirmContact } from './schema.js';

/** 张*, 138****5678: a contact as lists and exports show them. */
export const maskContact = (c: FirmContact): FirmContact => ({
  name: maskPersonName(c.name) ?? '',
  phone: maskPhone(c.phone) ?? '',
});

/** A firm's fields as its audit events record them: contacts masked like everywhere else they are listed. */
export function auditable<T extends { contacts?: FirmContact[] | undefined }>(fields: T): T {
  return fields.contacts ? { ...fields, contacts: fields.contacts.map(maskContact) } : fields;
}

/**
 * A catalogue entry's name in the reader's language: the English one where it has one. The
 * Chinese name stays the key of the Excel sheets, which are read back.
 */
export const catalogueName = (entry: { name: string; nameEn: string }, locale?: Locale) =>
  locale === 'en' && entry.nameEn ? entry.nameEn : entry.name;

/** Industry names by code (the list has a few dozen rows), in Chinese unless `locale` says English. */
export async function industryNames(db: Db, locale?: Locale): Promise<Map<string, string>> {
  return new Map((await listIndustries(db)).map((r) => [r.code, catalogueName(r, locale)]));
}

/** What the actor may do on a firm, as the web app's buttons need it. */
export const firmActions = (p: Principal | null, resource: FirmResource): Firm['actions'] => ({
  update: canBusiness(p, 'firm.update', resource),
  manageStaff: canBusiness(p, 'firm.manageStaff', resource),
});

/**
 * Firm rows as the API shows them, with their industry's and town's names; contacts masked
 * unless `whole` (the firm's own page, for those who may read it).
 */
export async function firmViews(
  db: Db,
  p: Principal | null,
  rows: readonly FirmRow[],
  options: { whole: boolean; locale?: Locale },
): Promise<Firm[]> {
  const [industries, towns] = await Promise.all([
    industryNames(db, options.locale),
    unitsByIds(
      db,
      rows.map((r) => r.townId),
    ),
  ]);
  return rows.map((row) => {
    const town = towns.get(row.townId);
    return {
      id: row.id,
      name: row.name,
      creditCode: row.creditCode,
      industryCode: row.industryCode,
      industryName: industries.get(row.industryCode) ?? row.industryCode,
      townId: row.townId,
      townName: town?.name ?? '',
      size: row.size,
      contacts: options.whole ? row.contacts : row.contacts.map(maskContact),
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
      actions: firmActions(p, { townPath: town?.path ?? '' }),
    };
  });
}
