import type { ServiceContext } from '../../../context.js';
import { forbidden } from '../../../errors.js';
import { writeSheet } from '../../../excel/workbook.js';
import { ledgerColumns } from '../excel.js';
import { canReform } from '../policy.js';
import { loadLedger } from './ledger.js';

const statusWords = {
  not_started: '未启动',
  on_track: '推进中',
  behind: '滞后',
  completed: '已完成',
} as const;
const sourceOut = { national: '国家级', municipal: '市级', local: '区级' } as const;
const pilotLevelOut = { national: '国家级', municipal: '市级' } as const;
const pilotStatusOut = {
  applying: '申报中',
  underway: '推进中',
  accepted: '已验收',
  closed: '已结束',
} as const;

/** The whole ledger, today's progress included; every member of staff may take it. */
export async function exportLedger(ctx: ServiceContext): Promise<Buffer> {
  if (!canReform(ctx.principal, 'ledger.read')) throw forbidden();
  const ledger = await loadLedger(ctx.db);
  return writeSheet(
    '改革任务台账',
    ledgerColumns,
    ledger.projects.map((p) => ({
      code: p.row.code,
      name: p.row.name,
      list: p.list.name,
      source: sourceOut[p.row.source],
      leadUnit: p.lead.name,
      coUnits: p.coUnitIds.map((id) => ledger.units.get(id)?.name ?? '').join('、'),
      startDate: p.row.startDate,
      endDate: p.row.endDate,
      goal: p.row.goal,
      pilotLevel: p.row.pilotLevel ? pilotLevelOut[p.row.pilotLevel] : '',
      pilotStatus: p.row.pilotStatus ? pilotStatusOut[p.row.pilotStatus] : '',
      milestones: `${p.summary.milestonesDone}/${p.summary.milestones}`,
      percent: `${(100 * p.progress).toFixed(1)}%`,
      status: statusWords[p.summary.status],
    })),
  );
}
