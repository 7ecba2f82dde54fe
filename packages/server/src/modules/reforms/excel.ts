import type { ServiceContext } from '../../context.js';
import { forbidden } from '../../errors.js';
import type { FileNames } from '../../http/upload.js';
import {
  type Choice,
  choiceLabel,
  type ImportColumn,
  type ImportLocale,
  type ImportReasons,
  type ImportSheet,
  importTemplate,
} from '../../kernel/excel-import.js';
import type { UnitBrief } from '../units/api.js';
import { canReform } from './policy.js';

/**
 * The ledger's spreadsheet (改革任务台账) as a reform office sends it upward: one row per project,
 * its headers in Chinese or English. Import reads the first eleven columns; the last three are the
 * computed progress, written on export and ignored on import, so an exported ledger can be edited
 * and imported again. Lists and units are named as they are kept (they have no English names), a
 * unit whose name another shares with its code in brackets (see unitWords).
 */
export const ledgerColumns: ImportColumn[] = [
  { key: 'code', header: '项目编号', headerEn: 'Project code', width: 14 },
  { key: 'name', header: '改革项目', headerEn: 'Project', width: 40 },
  { key: 'list', header: '所属清单', headerEn: 'List', width: 28 },
  { key: 'source', header: '任务来源', headerEn: 'Source', width: 10 },
  { key: 'leadUnit', header: '牵头单位', headerEn: 'Lead unit', width: 18 },
  { key: 'coUnits', header: '配合单位', headerEn: 'Co-units', width: 28, required: false },
  { key: 'startDate', header: '开始时间', headerEn: 'Start', width: 12 },
  { key: 'endDate', header: '完成时限', headerEn: 'Deadline', width: 12 },
  { key: 'goal', header: '改革目标', headerEn: 'Goal', width: 40, required: false },
  { key: 'pilotLevel', header: '试点层级', headerEn: 'Pilot level', width: 10, required: false },
  { key: 'pilotStatus', header: '试点状态', headerEn: 'Pilot status', width: 12, required: false },
  { key: 'milestones', header: '节点完成', headerEn: 'Milestones done', width: 10, required: false },
  { key: 'percent', header: '完成率', headerEn: 'Progress', width: 10, required: false },
  { key: 'status', header: '推进状态', headerEn: 'Status', width: 10, required: false },
];

/**
 * Cells carry the words staff type (Chinese, English or the API's code), the API the codes; the
 * aliases are the other spellings offices write, read but never offered.
 */
export const sourceChoices: Choice[] = [
  { code: 'national', zh: '国家级', en: 'National', aliases: ['国家'] },
  { code: 'municipal', zh: '市级', en: 'Municipal', aliases: ['重庆市'] },
  { code: 'local', zh: '区级', en: 'District', aliases: ['区县', '本地'] },
];
export const pilotLevelChoices: Choice[] = [
  { code: 'national', zh: '国家级', en: 'National' },
  { code: 'municipal', zh: '市级', en: 'Municipal' },
];
export const pilotStatusChoices: Choice[] = [
  { code: 'applying', zh: '申报中', en: 'Applying' },
  { code: 'underway', zh: '推进中', en: 'Under way' },
  { code: 'accepted', zh: '已验收', en: 'Accepted' },
  { code: 'closed', zh: '已结束', en: 'Closed' },
];
/** The export's progress status, computed, so never read back. */
export const statusChoices: Choice[] = [
  { code: 'not_started', zh: '未启动', en: 'Not started' },
  { code: 'on_track', zh: '推进中', en: 'On track' },
  { code: 'behind', zh: '滞后', en: 'Behind' },
  { code: 'completed', zh: '已完成', en: 'Completed' },
];

/** The import's own reasons in each language (the kernel words the common ones). */
const ledgerReasons: ImportReasons = {
  unknown_list: { 'zh-CN': '找不到改革清单「{value}」', en: 'No such reform list: “{value}”' },
  unknown_unit: { 'zh-CN': '找不到单位「{value}」', en: 'No such unit: “{value}”' },
  ambiguous_ledger_unit: {
    'zh-CN': '有多个单位叫「{value}」，请写成「{value}（单位代码）」或只填单位代码',
    en: 'Several units are called “{value}”; write “{value}（unit code）” or the code alone',
  },
  taken: {
    'zh-CN': '项目编号「{value}」已被导入期间新建的项目使用，请核对后重新导入',
    en: 'Project code “{value}” was taken by a project created meanwhile; check it and import again',
  },
  lead_unit_as_co_unit: {
    'zh-CN': '牵头单位不能同时是配合单位',
    en: 'The lead unit cannot also be a co-unit',
  },
  period_order: { 'zh-CN': '完成时限早于开始时间', en: 'The deadline is before the start' },
  milestone_outside_period: {
    'zh-CN': '节点「{value}」的完成时限为 {date}，不在此期限内，请先调整该节点',
    en: 'Milestone “{value}” is due on {date}, outside these dates; move it first',
  },
  pilot_pair: {
    'zh-CN': '试点层级和试点状态须同时填写或同时留空',
    en: 'A pilot has both a level and a status; other projects neither',
  },
};

/**
 * A unit as the ledger names it: by its name, and where units share that name by the name with
 * its code in brackets (区发展改革委（QJ-D02）), so the export imports back to the same unit and
 * staff still read the name.
 */
export function unitWords(units: Iterable<UnitBrief>): (unit: UnitBrief) => string {
  const count = new Map<string, number>();
  for (const u of units) count.set(u.name, (count.get(u.name) ?? 0) + 1);
  return (unit) => ((count.get(unit.name) ?? 0) > 1 ? `${unit.name}（${unit.code}）` : unit.name);
}

/** A cell's `name（code）` (full-width or ASCII brackets) as its parts, or undefined. */
export function namedWithCode(word: string): { name: string; code: string } | undefined {
  const m = /^(.+?)\s*[（(]\s*([^（）()]+?)\s*[）)]$/.exec(word);
  return m ? { name: m[1]!, code: m[2]! } : undefined;
}

/** What the import reads: every column in either language, the enumerated ones by their choices. */
export const ledgerSheet: ImportSheet = {
  columns: ledgerColumns,
  requireRows: true,
  maxRows: 5000,
  choices: { source: sourceChoices, pilotLevel: pilotLevelChoices, pilotStatus: pilotStatusChoices },
  reasons: ledgerReasons,
};

/** The sheet's name, and the name its file is offered under, in each language. */
export const ledgerName: Record<ImportLocale, string> = { 'zh-CN': '改革任务台账', en: 'Reform ledger' };
export const ledgerFileName = (kind: 'ledger' | 'template'): FileNames => ({
  'zh-CN': `改革任务台账${kind === 'template' ? '模板' : ''}.xlsx`,
  en: `reform-ledger${kind === 'template' ? '-template' : ''}.xlsx`,
});

/** A choice's code as the reader's language names it (an unknown code as it is). */
export function choiceWord(choices: readonly Choice[], code: string | null, locale: ImportLocale): string {
  if (!code) return '';
  const choice = choices.find((c) => c.code === code);
  return choice ? choiceLabel(choice, locale) : code;
}

/** An empty ledger in the reader's language, with one example row and drop-downs of the enumerated columns. */
export function ledgerTemplate(ctx: ServiceContext): Promise<Buffer> {
  if (!canReform(ctx.principal, 'ledger.read')) throw forbidden();
  return importTemplate({
    sheet: { ...ledgerSheet, columns: ledgerColumns.slice(0, 11) },
    name: ledgerName,
    locale: ctx.locale ?? 'zh-CN',
    examples: [
      {
        code: 'QJGG-2026-001',
        name: '深化“一件事一次办”集成改革',
        list: '现阶段亟须改革攻坚',
        source: 'local',
        leadUnit: '区政务服务办',
        coUnits: '区发展改革委、区市场监管局',
        startDate: '2026-01-01',
        endDate: '2026-12-31',
        goal: '企业和群众高频事项“一件事”全部实现一次办结',
        pilotLevel: '',
        pilotStatus: '',
      },
    ],
  });
}
