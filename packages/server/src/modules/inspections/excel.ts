import type { ServiceContext } from '../../context.js';
import { writeSheet } from '../../excel/workbook.js';
import type { FileNames } from '../../http/upload.js';
import {
  headedIn,
  type ImportColumn,
  type ImportLocale,
  type ImportReasons,
} from '../../kernel/excel-import.js';
import { readPools } from './queries/items.js';

/**
 * The departments' inspection lists (检查事项清单) and inspectors (执法人员名录) as staff keep
 * them in Excel: one row per item or inspector, matched on import by the item's code or the
 * inspector's account; an export can be edited and imported again. Headers, sheets and the
 * working-day and active cells are in the reader's language; the import reads either.
 */
export const itemColumns: ImportColumn[] = [
  { key: 'code', header: '事项编码', headerEn: 'Item code', width: 16 },
  { key: 'unit', header: '实施部门', headerEn: 'Department', width: 18 },
  { key: 'name', header: '检查事项', headerEn: 'Inspection item', width: 36 },
  { key: 'legalBasis', header: '检查依据', headerEn: 'Legal basis', width: 44 },
  {
    key: 'qualification',
    header: '所需执法资格',
    headerEn: 'Qualification required',
    width: 16,
    required: false,
  },
  { key: 'expectedMinutes', header: '预计用时（分钟）', headerEn: 'Expected time (minutes)', width: 14 },
];

export const inspectorColumns: ImportColumn[] = [
  { key: 'login', header: '账号', headerEn: 'Account', width: 18 },
  { key: 'unit', header: '所属部门', headerEn: 'Department', width: 18 },
  { key: 'qualifications', header: '执法资格', headerEn: 'Qualifications', width: 28, required: false },
  {
    key: 'workingDays',
    header: '工作日',
    headerEn: 'Working days (1 = Monday)',
    width: 14,
    required: false,
  },
  {
    key: 'conflicts',
    header: '回避企业（统一社会信用代码）',
    headerEn: 'Firms to avoid (credit codes)',
    width: 40,
    required: false,
  },
  { key: 'active', header: '在岗', headerEn: 'Active', width: 8, required: false },
  { key: 'name', header: '姓名', headerEn: 'Name', width: 12, required: false },
];

/**
 * The imports' own reasons in each language (the kernel words the common ones), so that a refused
 * file's report reads in the reader's language throughout, each line "第 3 行 · 所属部门：…".
 */
export const importReasons: ImportReasons = {
  unknown_unit: { 'zh-CN': '找不到单位「{value}」', en: 'No such unit: “{value}”' },
  ambiguous_unit: {
    'zh-CN': '有多个单位叫「{value}」，请填写单位代码',
    en: 'Several units are called “{value}”; give the unit’s code',
  },
  not_a_department: { 'zh-CN': '「{value}」不是部门', en: '“{value}” is not a department' },
  outside_scope: {
    'zh-CN': '「{value}」不在您负责的范围内',
    en: '“{value}” is outside the units you are responsible for',
  },
  unknown_user: { 'zh-CN': '没有账号「{value}」', en: 'No account “{value}”' },
  not_department_staff: {
    'zh-CN': '账号「{value}」不是该部门的工作人员',
    en: 'The account “{value}” is not the department’s staff',
  },
  unknown_firm: {
    'zh-CN': '找不到统一社会信用代码为「{value}」的企业',
    en: 'No firm with the credit code “{value}”',
  },
  item_in_task: {
    'zh-CN': '「{value}」已列入抽查任务，不能改到其他部门',
    en: '“{value}” is checked by a task and cannot move to another department',
  },
};

/** The items' import's own reasons besides: a row's item changed by someone else since the checks. */
export const itemReasons: ImportReasons = {
  ...importReasons,
  taken: {
    'zh-CN': '事项编码「{value}」已被导入期间新建的检查事项使用，请核对后重新导入',
    en: 'Item code “{value}” was taken by an item created meanwhile; check it and import again',
  },
  edited_meanwhile: {
    'zh-CN': '编码为「{value}」的检查事项在导入期间被改了编码，请核对后重新导入',
    en: 'The item coded “{value}” had its code changed meanwhile; check it and import again',
  },
};

/** The inspectors' import's own reasons besides: its cells of lists, weekdays and yes or no. */
export const inspectorReasons: ImportReasons = {
  ...importReasons,
  too_big_string: { 'zh-CN': '每项最多 {maximum} 个字', en: 'At most {maximum} characters each' },
  invalid_format: {
    'zh-CN': '请填写星期几，如“一二三四五”或“1,2,3,4,5”',
    en: 'Give weekdays such as “1,2,3,4,5” (1 = Monday) or “一二三四五”',
  },
  invalid_value: { 'zh-CN': '请填写“是”或“否”', en: 'Give “Yes” or “No”' },
  account_disabled: {
    'zh-CN': '账号「{value}」已停用，不能作为执法人员',
    en: 'The account “{value}” is disabled and cannot be an inspector',
  },
};

/** The sheets' names, and the names their files are offered under, in each language. */
const sheetNames = {
  items: { 'zh-CN': '检查事项清单', en: 'Inspection items' },
  inspectors: { 'zh-CN': '执法人员名录', en: 'Inspectors' },
} as const satisfies Record<string, Record<ImportLocale, string>>;
export const sheetName = (what: keyof typeof sheetNames, locale: ImportLocale) => sheetNames[what][locale];
export const inspectionFileName = (
  what: keyof typeof sheetNames,
  kind: 'export' | 'template',
): FileNames => ({
  'zh-CN': `${sheetNames[what]['zh-CN']}${kind === 'template' ? '模板' : ''}.xlsx`,
  en: `${what === 'items' ? 'inspection-items' : 'inspectors'}${kind === 'template' ? '-template' : ''}.xlsx`,
});

/** 一 … 日 as ISO weekdays; cells may also give digits 1–7. */
const weekdayWords: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7 };
/** Working days as the reader's language writes them: 一二三四五, or ISO digits 1,2,3,4,5 in English. */
export const weekdaysOut = (days: readonly number[], locale: ImportLocale = 'zh-CN') =>
  locale === 'en'
    ? days.join(',')
    : days.map((d) => Object.keys(weekdayWords).find((k) => weekdayWords[k] === d)).join('');
/** 在岗 as the reader's language words it. */
export const activeWord = (active: boolean, locale: ImportLocale) =>
  locale === 'en' ? (active ? 'Yes' : 'No') : active ? '是' : '否';

/** Weekdays from a cell ("一二三四五", "1,2,3,4,5", "周一至周五" is not read), or undefined when unreadable. */
export function weekdaysIn(cell: string): number[] | undefined {
  const parts = [...cell.replace(/[周星期、,，\s]/g, '')];
  const days = parts.map((c) => weekdayWords[c] ?? (/^[1-7]$/.test(c) ? Number(c) : Number.NaN));
  return days.length > 0 && days.every((d) => Number.isInteger(d)) ? [...new Set(days)].sort() : undefined;
}

export const splitList = (cell: string) => cell.split(/[、,，;；\s]+/).filter(Boolean);
export const yesWords = new Set(['是', '在岗', 'Y', 'y', 'yes', 'Yes', 'YES', '1']);
export const noWords = new Set(['否', '不在岗', 'N', 'n', 'no', 'No', 'NO', '0']);

export function itemTemplate(ctx: ServiceContext): Promise<Buffer> {
  readPools(ctx);
  const locale = ctx.locale ?? 'zh-CN';
  return writeSheet(sheetName('items', locale), headedIn(itemColumns, locale), [
    {
      code: 'QJJC-SJ-01',
      unit: '区市场监管局',
      name: '食品经营许可及经营行为检查',
      legalBasis: '《中华人民共和国食品安全法》第一百一十条',
      qualification: '市场监管执法',
      expectedMinutes: 40,
    },
  ]);
}

export function inspectorTemplate(ctx: ServiceContext): Promise<Buffer> {
  readPools(ctx);
  const locale = ctx.locale ?? 'zh-CN';
  return writeSheet(sheetName('inspectors', locale), headedIn(inspectorColumns.slice(0, 6), locale), [
    {
      login: 'inspector.sj1',
      unit: '区市场监管局',
      qualifications: '市场监管执法、食品安全执法',
      workingDays: weekdaysOut([1, 2, 3, 4, 5], locale),
      conflicts: '',
      active: activeWord(true, locale),
    },
  ]);
}
