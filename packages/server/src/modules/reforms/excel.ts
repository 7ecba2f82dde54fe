import type { ServiceContext } from '../../context.js';
import { forbidden } from '../../errors.js';
import { writeSheet } from '../../excel/workbook.js';
import type { ImportColumn } from '../../kernel/excel-import.js';
import { canReform } from './policy.js';

/**
 * The ledger's spreadsheet (改革任务台账) as a reform office sends it upward: one row per project.
 * Import reads the first eleven columns; the last three are the computed progress, written on
 * export and ignored on import, so an exported ledger can be edited and imported again.
 */
export const ledgerColumns: ImportColumn[] = [
  { key: 'code', header: '项目编号', width: 14 },
  { key: 'name', header: '改革项目', width: 40 },
  { key: 'list', header: '所属清单', width: 28 },
  { key: 'source', header: '任务来源', width: 10 },
  { key: 'leadUnit', header: '牵头单位', width: 18 },
  { key: 'coUnits', header: '配合单位', width: 28, required: false },
  { key: 'startDate', header: '开始时间', width: 12 },
  { key: 'endDate', header: '完成时限', width: 12 },
  { key: 'goal', header: '改革目标', width: 40, required: false },
  { key: 'pilotLevel', header: '试点层级', width: 10, required: false },
  { key: 'pilotStatus', header: '试点状态', width: 10, required: false },
  { key: 'milestones', header: '节点完成', width: 10, required: false },
  { key: 'percent', header: '完成率', width: 10, required: false },
  { key: 'status', header: '推进状态', width: 10, required: false },
];

/** Cells carry the words staff type; the API the English enum values. */
export const sourceWords: Record<string, 'national' | 'municipal' | 'local'> = {
  国家: 'national',
  国家级: 'national',
  市级: 'municipal',
  重庆市: 'municipal',
  区级: 'local',
  区县: 'local',
  本地: 'local',
};
export const pilotLevelWords: Record<string, 'national' | 'municipal'> = {
  国家级: 'national',
  市级: 'municipal',
};
export const pilotStatusWords: Record<string, 'applying' | 'underway' | 'accepted' | 'closed'> = {
  申报中: 'applying',
  推进中: 'underway',
  已验收: 'accepted',
  已结束: 'closed',
};
/** An empty ledger with one example row and drop-downs of the enumerated columns. */
export function ledgerTemplate(ctx: ServiceContext): Promise<Buffer> {
  if (!canReform(ctx.principal, 'ledger.read')) throw forbidden();
  return writeSheet(
    '改革任务台账',
    ledgerColumns.slice(0, 11),
    [
      {
        code: 'QJGG-2026-001',
        name: '深化“一件事一次办”集成改革',
        list: '现阶段亟须改革攻坚',
        source: '区级',
        leadUnit: '区政务服务办',
        coUnits: '区发展改革委、区市场监管局',
        startDate: '2026-01-01',
        endDate: '2026-12-31',
        goal: '企业和群众高频事项“一件事”全部实现一次办结',
        pilotLevel: '',
        pilotStatus: '',
      },
    ],
    {
      // Drop-downs of the words the import reads (it takes the other spellings above too).
      source: ['国家级', '市级', '区级'],
      pilotLevel: Object.keys(pilotLevelWords),
      pilotStatus: Object.keys(pilotStatusWords),
    },
  );
}
