import type { ServiceContext } from '../../../context.js';
import { type Column, writeSheet } from '../../../excel/workbook.js';
import { listProjects } from '../queries/projects.js';

const stageNames = {
  signed: '签约',
  registered: '注册',
  started: '开工',
  producing: '投产',
  effective: '达效',
};

const columns: Column[] = [
  { key: 'name', header: '项目名称', width: 32 },
  { key: 'investor', header: '投资方', width: 28 },
  { key: 'amount', header: '签约金额（万元）', width: 16 },
  { key: 'chain', header: '产业链', width: 12 },
  { key: 'commissioner', header: '服务专员', width: 24 },
  { key: 'leadUnit', header: '牵头单位', width: 16 },
  { key: 'signed', header: '签约日期', width: 12 },
  { key: 'registered', header: '注册日期', width: 12 },
  { key: 'started', header: '开工日期', width: 12 },
  { key: 'producing', header: '投产日期', width: 12 },
  { key: 'effective', header: '达效日期', width: 12 },
  { key: 'stage', header: '当前阶段', width: 10 },
  { key: 'landingDays', header: '落地周期（天）', width: 14 },
  { key: 'funds', header: '到位资金（万元）', width: 16 },
  { key: 'stalled', header: '停滞天数', width: 10 },
];

/** The projects the list shows under the same filters, as a workbook in the office's words. */
export async function exportProjects(
  ctx: ServiceContext,
  query: Parameters<typeof listProjects>[1],
): Promise<Buffer> {
  const { items } = await listProjects(ctx, query);
  return writeSheet(
    '招商引资项目',
    columns,
    items.map((p) => ({
      name: p.name,
      investor: p.investor,
      amount: p.amount,
      chain: p.chainName,
      commissioner: p.commissionerName,
      leadUnit: p.leadUnitName,
      ...p.stages,
      stage: stageNames[p.stage],
      landingDays: p.landingDays ?? '',
      funds: p.fundsInPlace,
      stalled: p.stalled ? `${p.stalled.days}（待${stageNames[p.stalled.waitingFor]}）` : '',
    })),
  );
}
