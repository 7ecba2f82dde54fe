import { yiYuan } from '@qianxing/core/business';
import type { ServiceContext } from '../../../context.js';
import { writeSheet } from '../../../excel/workbook.js';
import { headedIn, type ImportColumn, type ImportLocale } from '../../../kernel/excel-import.js';
import type { ProjectStage } from '../contracts-projects.js';
import { listChains } from '../queries/industrial-chains.js';
import { listProjects } from '../queries/projects.js';

const stageNames: Record<ImportLocale, Record<ProjectStage, string>> = {
  'zh-CN': { signed: '签约', registered: '注册', started: '开工', producing: '投产', effective: '达效' },
  en: {
    signed: 'Signed',
    registered: 'Registered',
    started: 'Started',
    producing: 'In production',
    effective: 'At capacity',
  },
};

/** Amounts in 亿元 (100 million yuan) with two decimals, as the projects page shows them. */
const yiFormat = '0.00';
const columns: ImportColumn[] = [
  { key: 'name', header: '项目名称', headerEn: 'Project', width: 32 },
  { key: 'investor', header: '投资方', headerEn: 'Investor', width: 28 },
  {
    key: 'amount',
    header: '签约金额（亿元）',
    headerEn: 'Amount signed (100 million yuan)',
    width: 16,
    numFmt: yiFormat,
  },
  { key: 'chain', header: '产业链', headerEn: 'Industrial chain', width: 12 },
  { key: 'commissioner', header: '服务专员', headerEn: 'Service commissioner', width: 24 },
  { key: 'leadUnit', header: '牵头单位', headerEn: 'Lead unit', width: 16 },
  { key: 'signed', header: '签约日期', headerEn: 'Signed on', width: 12 },
  { key: 'registered', header: '注册日期', headerEn: 'Registered on', width: 12 },
  { key: 'started', header: '开工日期', headerEn: 'Started on', width: 12 },
  { key: 'producing', header: '投产日期', headerEn: 'In production on', width: 12 },
  { key: 'effective', header: '达效日期', headerEn: 'At capacity on', width: 12 },
  { key: 'stage', header: '当前阶段', headerEn: 'Stage', width: 10 },
  { key: 'landingDays', header: '落地周期（天）', headerEn: 'Landing cycle (days)', width: 14 },
  {
    key: 'funds',
    header: '到位资金（亿元）',
    headerEn: 'Funds in place (100 million yuan)',
    width: 16,
    numFmt: yiFormat,
  },
  { key: 'stalled', header: '停滞天数', headerEn: 'Stalled', width: 10 },
];

/** 万元 as 亿元, rounded to the two decimals the page shows. */
const yi = (wan: number) => Number(yiYuan(wan));

const stalledWords = (locale: ImportLocale, days: number, waitingFor: ProjectStage) =>
  locale === 'en'
    ? `${days} ${days === 1 ? 'day' : 'days'} (awaiting ${stageNames.en[waitingFor]})`
    : `${days}（待${stageNames['zh-CN'][waitingFor]}）`;

/**
 * The projects the list shows under the same filters, as a workbook in the reader's language,
 * amounts in 亿元 as the page shows them.
 */
export async function exportProjects(
  ctx: ServiceContext,
  query: Parameters<typeof listProjects>[1],
): Promise<Buffer> {
  const locale = ctx.locale ?? 'zh-CN';
  const { items } = await listProjects(ctx, query);
  const chainsEn = new Map((await listChains(ctx.db)).map((c) => [c.code, c.nameEn]));
  return writeSheet(
    locale === 'en' ? 'Investment projects' : '招商引资项目',
    headedIn(columns, locale),
    items.map((p) => ({
      name: p.name,
      investor: p.investor,
      amount: yi(p.amount),
      chain: (locale === 'en' && chainsEn.get(p.chainCode)) || p.chainName,
      commissioner: p.commissionerName,
      leadUnit: p.leadUnitName,
      ...p.stages,
      stage: stageNames[locale][p.stage],
      landingDays: p.landingDays ?? '',
      funds: yi(p.fundsInPlace),
      stalled: p.stalled ? stalledWords(locale, p.stalled.days, p.stalled.waitingFor) : '',
    })),
  );
}
