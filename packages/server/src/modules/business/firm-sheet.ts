import { asc, count } from 'drizzle-orm';
import type { ServiceContext } from '../../context.js';
import type { Db } from '../../db/client.js';
import { refuseOversizeExport } from '../../excel/export-limit.js';
import { writeSheet } from '../../excel/workbook.js';
import { headedIn, type ImportColumn, type ImportLocale } from '../../kernel/excel-import.js';
import { unitBriefs, unitsByIds } from '../units/api.js';
import type { FirmQuery } from './contracts.js';
import { firmConditions } from './queries/listFirms.js';
import { businessFirms, type FirmSize } from './schema.js';
import { industryNames, maskContact } from './views.js';

/** The columns of the import and its template, headed in the words staff use. */
export const firmColumns: ImportColumn[] = [
  { key: 'name', header: '企业名称', headerEn: 'Firm name', width: 32 },
  { key: 'creditCode', header: '统一社会信用代码', headerEn: 'Credit code', width: 22 },
  { key: 'industry', header: '行业门类', headerEn: 'Industry', width: 24 },
  { key: 'town', header: '所在镇街', headerEn: 'Town', width: 14 },
  { key: 'size', header: '企业规模', headerEn: 'Size', width: 10 },
  { key: 'contactName', header: '联系人', headerEn: 'Contact', width: 12, required: false },
  { key: 'contactPhone', header: '联系电话', headerEn: 'Contact phone', width: 16, required: false },
];

/** The size classes by their names in the 2017 statistical standard (and by their keys). */
export const sizeNames: Record<FirmSize, string> = {
  large: '大型',
  medium: '中型',
  small: '小型',
  micro: '微型',
};

/** The size classes in English, which the import reads as their keys. */
const sizeNamesEn: Record<FirmSize, string> = {
  large: 'Large',
  medium: 'Medium',
  small: 'Small',
  micro: 'Micro',
};

/** The sheet's name in each language. */
const firmSheetName: Record<ImportLocale, string> = { 'zh-CN': '企业', en: 'Firms' };

/** A size as a cell gives it: 大型, 大型企业, large. */
export function sizeOf(cell: string): FirmSize | undefined {
  const text = cell.trim().replace(/企业$/, '');
  return (Object.keys(sizeNames) as FirmSize[]).find(
    (s) => sizeNames[s] === text || s === text.toLowerCase(),
  );
}

/**
 * The template's example row. Its credit code passes the check, so the import refuses the row
 * by that code: left in the sheet, it would be filed as a firm of the registry.
 */
export const templateExample = {
  name: '重庆市黔江区示例农产品加工有限公司',
  creditCode: '91500114000000001N',
  industry: 'C 制造业',
  town: '城西街道',
  size: '小型',
  contactName: '张伟',
  contactPhone: '13800000000',
};

/**
 * The template in the reader's language, with drop-downs of the industries, the streets and towns
 * and the size classes as the import reads them (it reads codes too).
 */
export async function firmTemplate(db: Db, locale: ImportLocale) {
  const industries = [...(await industryNames(db))].map(([code, name]) => `${code} ${name}`);
  const towns = (await unitBriefs(db))
    .filter((u) => ['subdistrict', 'town', 'township'].includes(u.kind))
    .map((u) => u.name);
  return writeSheet(firmSheetName[locale], headedIn(firmColumns, locale), [templateExample], {
    industry: industries,
    town: towns,
    size: Object.values(sizeNames),
  });
}

/** Between a firm's contacts in one cell of the export: 田**；向*. */
export const contactSeparator = '；';

/**
 * The firms of the actor's scope matching the filters, as a workbook in the reader's language
 * (headers, sheet, industries and sizes in words the import reads back), contacts masked. More
 * firms than a workbook holds (`QIANXING_EXPORT_MAX_ROWS`) are refused with the count
 * (export_too_large), never cut short without a word.
 */
export async function exportFirms(ctx: ServiceContext, filters: Omit<FirmQuery, 'page' | 'pageSize'>) {
  const where = await firmConditions(ctx, 'firm.export', filters);
  const [matching] = await ctx.db.select({ n: count() }).from(businessFirms).where(where);
  refuseOversizeExport(matching?.n ?? 0);
  const rows = await ctx.db
    .select()
    .from(businessFirms)
    .where(where)
    .orderBy(asc(businessFirms.name), asc(businessFirms.id));
  const locale = ctx.locale ?? 'zh-CN';
  const industries = await industryNames(ctx.db, locale);
  const towns = await unitsByIds(
    ctx.db,
    rows.map((r) => r.townId),
  );
  return writeSheet(
    firmSheetName[locale],
    headedIn(firmColumns, locale),
    rows.map((r) => {
      const contacts = r.contacts.map(maskContact);
      return {
        name: r.name,
        creditCode: r.creditCode,
        industry: `${r.industryCode} ${industries.get(r.industryCode) ?? ''}`.trim(),
        town: towns.get(r.townId)?.name ?? '',
        size: locale === 'en' ? sizeNamesEn[r.size] : sizeNames[r.size],
        contactName: contacts.map((c) => c.name).join(contactSeparator),
        contactPhone: contacts.map((c) => c.phone).join(contactSeparator),
      };
    }),
  );
}
