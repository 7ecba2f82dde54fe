import {
  type Choice,
  type ImportColumn,
  type ImportLocale,
  type ImportSheet,
  importTemplate,
} from '../../kernel/excel-import.js';

/** The unit tree's workbook: the columns its import reads and its export writes. */
export const unitColumns: ImportColumn[] = [
  { key: 'code', header: '编码', headerEn: 'Code' },
  { key: 'name', header: '名称', headerEn: 'Name', width: 28 },
  { key: 'kind', header: '类型', headerEn: 'Kind' },
  { key: 'parentCode', header: '上级编码', headerEn: 'Parent code' },
  { key: 'sort', header: '排序', headerEn: 'Order', width: 8 },
];

/** A unit's kind by its code or its name in either language (the pages' copies are in the web i18n files). */
const kindChoices: Choice[] = [
  { code: 'district', zh: '区', en: 'District' },
  { code: 'subdistrict', zh: '街道', en: 'Subdistrict' },
  { code: 'town', zh: '镇', en: 'Town' },
  { code: 'township', zh: '乡', en: 'Township' },
  { code: 'community', zh: '社区', en: 'Community' },
  { code: 'village', zh: '村', en: 'Village' },
  { code: 'department', zh: '部门', en: 'Department' },
  { code: 'other', zh: '其他机构', en: 'Other body' },
];

export const unitSheet: ImportSheet = { columns: unitColumns, choices: { kind: kindChoices } };

/** The template in the reader's language, with a drop-down of the kinds. */
export const unitTemplate = (locale: ImportLocale) =>
  importTemplate({
    sheet: unitSheet,
    name: { 'zh-CN': '单位', en: 'Units' },
    locale,
    examples: [{ code: 'QJ-EXAMPLE', name: '示例街道', kind: 'subdistrict', parentCode: 'QJ', sort: '1' }],
  });
