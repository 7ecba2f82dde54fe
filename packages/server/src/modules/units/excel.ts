import { writeSheet } from '../../excel/workbook.js';
import {
  type Choice,
  choiceLabel,
  headedIn,
  type ImportColumn,
  type ImportLocale,
  type ImportSheet,
  importTemplate,
} from '../../kernel/excel-import.js';
import type { Unit } from './contracts.js';

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

/** The units as the tree shows them: each after its parent, siblings by order, then by name. */
export function inTreeOrder(all: readonly Unit[]): Unit[] {
  const ids = new Set(all.map((u) => u.id));
  const below = new Map<string | null, Unit[]>();
  for (const unit of all) {
    // A unit whose parent is not in the list stands at the top, as on the page.
    const parent = unit.parentId && ids.has(unit.parentId) ? unit.parentId : null;
    below.set(parent, [...(below.get(parent) ?? []), unit]);
  }
  const ordered: Unit[] = [];
  const visit = (parent: string | null) => {
    const children = (below.get(parent) ?? []).sort(
      (a, b) => a.sort - b.sort || a.name.localeCompare(b.name, 'zh-CN'),
    );
    for (const unit of children) {
      ordered.push(unit);
      visit(unit.id);
    }
  };
  visit(null);
  return ordered;
}

/**
 * The tree as a workbook the import takes back: the template's headers, kinds by the names its
 * drop-down offers (区, 街道 …; District, Subdistrict … in English), rows in the tree's order.
 */
export function unitWorkbook(all: readonly Unit[], locale: ImportLocale): Promise<Buffer> {
  const byId = new Map(all.map((u) => [u.id, u]));
  const kindOf = (code: string) => {
    const choice = kindChoices.find((c) => c.code === code);
    return choice ? choiceLabel(choice, locale) : code;
  };
  return writeSheet(
    locale === 'en' ? 'Units' : '单位',
    headedIn(unitColumns, locale),
    inTreeOrder(all).map((u) => ({
      code: u.code,
      name: u.name,
      kind: kindOf(u.kind),
      parentCode: u.parentId ? (byId.get(u.parentId)?.code ?? '') : '',
      sort: u.sort,
    })),
    { kind: kindChoices.map((c) => choiceLabel(c, locale)) },
  );
}
