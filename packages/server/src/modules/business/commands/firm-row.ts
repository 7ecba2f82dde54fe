import type { Db } from '../../../db/client.js';
import type { RowReport } from '../../../kernel/excel-import.js';
import { type UnitBrief, unitBriefs } from '../../units/api.js';
import { FirmContact, FirmInput } from '../contracts.js';
import { contactSeparator, sizeOf, templateExample } from '../firm-sheet.js';
import { townKinds } from '../lookup.js';
import { listIndustries } from '../queries/industries.js';
import type { FirmContact as Contact, FirmSize } from '../schema.js';
import { maskContact } from '../views.js';

/**
 * One contact cell given in full beside the other still masked as the export wrote it: the office
 * corrected a phone (or a name) and left the rest as it was.
 */
export interface ContactPart {
  given: { name: string } | { phone: string };
  /** The masked cell: which of the two, and what it holds. */
  masked: { field: 'name' | 'phone'; cell: string };
}

/** One row of a firm import, checked: what the write needs. */
export interface FirmRowValues {
  row: number;
  name: string;
  creditCode: string;
  industryCode: string;
  town: UnitBrief;
  size: FirmSize;
  contact?: Contact;
  /** The contact cells hold the export's masked values (139****2606): keep the firm's contacts. */
  contactMasked?: true;
  /** One contact cell new, the other masked: completed from the firm's contact (`completedContact`). */
  contactPart?: ContactPart;
}

/** What a row's words are matched against: the industries in use, the streets, towns and townships. */
export interface Lookups {
  industries: Map<string, string>;
  towns: Map<string, UnitBrief | 'ambiguous'>;
  townsById: Map<string, UnitBrief>;
}

/**
 * An industry as a cell gives it, and as the list is keyed: C, 制造业, C 制造业, C-制造业, 农林牧渔业,
 * or in English as the English export writes it (C Manufacturing).
 */
const industryKey = (cell: string) => cell.replace(/[\s\-—、,，.．:：]+/g, '').toUpperCase();

export async function importLookups(db: Db): Promise<Lookups> {
  const industries = new Map<string, string>();
  for (const i of await listIndustries(db))
    if (i.active)
      for (const key of [
        i.code,
        i.name,
        `${i.code}${i.name}`,
        ...(i.nameEn ? [i.nameEn, `${i.code}${i.nameEn}`] : []),
      ])
        industries.set(industryKey(key), i.code);
  const towns = new Map<string, UnitBrief | 'ambiguous'>();
  const townsById = new Map<string, UnitBrief>();
  for (const u of (await unitBriefs(db)).filter((u) => townKinds.includes(u.kind))) {
    townsById.set(u.id, u);
    towns.set(u.code, u);
    towns.set(u.name, towns.has(u.name) ? 'ambiguous' : u);
  }
  return { industries, towns, townsById };
}

const NameAndCode = FirmInput.pick({ name: true, creditCode: true });

/** One row's cells to a firm, or undefined once each of its problems is in the report. */
export function parseFirmRow(
  values: Record<string, string>,
  row: number,
  report: RowReport,
  lookups: Lookups,
): FirmRowValues | undefined {
  const before = report.size;
  const base = NameAndCode.safeParse({ name: values.name, creditCode: values.creditCode });
  if (!base.success) for (const issue of base.error.issues) report.addIssue(row, issue);
  else if (base.data.creditCode === templateExample.creditCode)
    report.add(row, 'creditCode', 'template_example', "the template's example row; delete it");
  const cell = values.industry ?? '';
  const industryCode = lookups.industries.get(industryKey(cell));
  if (!industryCode) report.add(row, 'industry', 'unknown_industry', `no industry ${cell}`);
  const town = lookups.towns.get((values.town ?? '').trim());
  if (town === 'ambiguous')
    report.add(row, 'town', 'ambiguous_town', 'several units have this name; give its code');
  else if (!town) report.add(row, 'town', 'unknown_town', `no street, town or township ${values.town}`);
  const size = sizeOf(values.size ?? '');
  if (!size) report.add(row, 'size', 'unknown_size', 'one of 大型, 中型, 小型, 微型');
  const { contact, contactMasked, contactPart } = contactCells(values, row, report);
  if (report.size > before || !base.success || !industryCode || !town || town === 'ambiguous' || !size)
    return undefined;
  return {
    row,
    ...base.data,
    industryCode,
    town,
    size,
    ...(contact ? { contact } : {}),
    ...(contactMasked ? { contactMasked: true as const } : {}),
    ...(contactPart ? { contactPart } : {}),
  };
}

const isMasked = (cell: string) => cell.includes('*');

/**
 * A row's contact cells. The registry's export masks contacts, so a file exported, corrected and
 * imported again carries them masked: masked cells (beside an empty one) mean "as it was", never a
 * new contact. A cell given in full beside a masked one is a correction of that part alone, which
 * the firm's stored contact completes once the firm is known (`completedContact`).
 */
function contactCells(values: Record<string, string>, row: number, report: RowReport) {
  const name = (values.contactName ?? '').trim();
  const phone = (values.contactPhone ?? '').trim();
  const nameMasked = isMasked(name);
  const phoneMasked = isMasked(phone);
  if ((nameMasked || !name) && (phoneMasked || !phone) && (nameMasked || phoneMasked))
    return { contactMasked: true as const };
  if (nameMasked || phoneMasked) {
    const field = nameMasked ? 'phone' : 'name';
    const parsed = FirmContact.shape[field].safeParse(nameMasked ? phone : name);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        report.addIssue(row, issue, field === 'name' ? 'contactName' : 'contactPhone');
      return {};
    }
    const contactPart: ContactPart = {
      given: field === 'name' ? { name: parsed.data } : { phone: parsed.data },
      masked: nameMasked ? { field: 'name', cell: name } : { field: 'phone', cell: phone },
    };
    return { contactPart };
  }
  if (!name && !phone) return {};
  const parsed = FirmContact.safeParse({ name: values.contactName, phone: values.contactPhone });
  if (parsed.success) return { contact: parsed.data };
  for (const issue of parsed.error.issues)
    report.addIssue(row, issue, issue.path[0] === 'name' ? 'contactName' : 'contactPhone');
  return {};
}

/**
 * The firm's first contact with the row's corrected part, when the row's masked cell is that
 * contact's masked form as the export wrote it (the first contact's alone, or all the firm's
 * contacts in one cell); undefined when it is not, as the masked cell then names no one known.
 */
export function completedContact(part: ContactPart, contacts: readonly Contact[]): Contact | undefined {
  const first = contacts[0];
  if (!first) return undefined;
  const masked = contacts.map((c) => maskContact(c)[part.masked.field]);
  if (part.masked.cell !== masked[0] && part.masked.cell !== masked.join(contactSeparator)) return undefined;
  return { ...first, ...part.given };
}
