import type { ServiceContext } from '../../../context.js';
import { writeBook } from '../../../excel/workbook.js';
import { momentInChina } from '../../../kernel/deadlines.js';
import { domainNamesEn } from '../excel.js';
import type { authorKinds, channels, eventKinds, participationKinds, suggestionStatuses } from '../schema.js';
import { currentCampaign } from './campaigns.js';
import { unitIndex } from './lookup.js';
import { type StaffStats, staffStats } from './stats-staff.js';

type Locale = 'zh-CN' | 'en';
type Labels<K extends string> = Record<K | 'unknown', [zh: string, en: string]>;

// The workbook is made on the server, so its labels live here (the pages' copies are in the web i18n files).
export const channelLabels: Labels<(typeof channels)[number]> = {
  online: ['线上', 'Online'],
  written: ['书面', 'Written'],
  outreach: ['上门走访', 'Outreach visits'],
  homecoming: ['返乡座谈', 'Homecoming symposia'],
  event: ['活动现场', 'Events'],
  unknown: ['未填写', 'Not given'],
};
export const authorKindLabels: Labels<(typeof authorKinds)[number]> = {
  resident: ['居民', 'Residents'],
  cadre: ['干部', 'Cadres'],
  native_abroad: ['在外黔江人', 'Natives living elsewhere'],
  student: ['学生', 'Students'],
  enterprise: ['企业', 'Enterprises'],
  deputy: ['人大代表/政协委员', 'Deputies and CPPCC members'],
  unknown: ['未填写', 'Not given'],
};
const kindLabels: Labels<(typeof participationKinds)[number]> = {
  submission: ['提交建议', 'Submissions'],
  support: ['支持', 'Supports'],
  comment: ['评论', 'Comments'],
  attendance: ['参加活动', 'Attendance'],
  survey: ['问卷', 'Survey answers'],
  unknown: ['未填写', 'Not given'],
};
export const statusLabels: Labels<(typeof suggestionStatuses)[number]> = {
  submitted: ['待初筛', 'Awaiting screening'],
  accepted: ['已受理', 'Accepted'],
  rejected: ['未通过', 'Rejected'],
  merged: ['已合并', 'Merged'],
  adopted: ['已采纳', 'Adopted'],
  unknown: ['未填写', 'Not given'],
};
const eventKindLabels: Labels<(typeof eventKinds)[number]> = {
  symposium: ['座谈会', 'Symposium'],
  speech: ['演讲比赛', 'Speech contest'],
  visit: ['走访', 'Visit'],
  forum: ['论坛', 'Forum'],
  going_out: ['走出去', 'Going out'],
  inviting_back: ['请回来', 'Inviting back'],
  unknown: ['未填写', 'Not given'],
};
const words = {
  summary: ['概况', 'Summary'],
  figure: ['指标', 'Figure'],
  value: ['数值', 'Value'],
  campaign: ['活动', 'Campaign'],
  scope: ['范围', 'Scope'],
  district: ['全区', 'Whole district'],
  participations: ['参与人次', 'Participations'],
  suggestions: ['建议条数', 'Suggestions'],
  exportedAt: ['导出时间', 'Exported at'],
  count: ['人次', 'Count'],
  suggestionCount: ['条数', 'Count'],
  byDay: ['按日', 'By day'],
  day: ['日期', 'Day'],
  byChannel: ['按渠道', 'By channel'],
  channel: ['渠道', 'Channel'],
  byTown: ['按镇街', 'By town'],
  town: ['镇街', 'Town'],
  byAuthorKind: ['按身份', 'By author kind'],
  authorKind: ['身份', 'Author kind'],
  byKind: ['按参与方式', 'By kind'],
  kind: ['参与方式', 'Kind'],
  byDomain: ['按领域', 'By domain'],
  domain: ['领域', 'Domain'],
  byStatus: ['按状态', 'By status'],
  status: ['状态', 'Status'],
  byEventKind: ['按活动类型', 'By kind of event'],
  eventKind: ['活动类型', 'Kind of event'],
  events: ['活动场次', 'Events'],
  attendance: ['参加人数', 'Attendance'],
  collected: ['收集建议', 'Suggestions collected'],
  unknown: ['未填写', 'Not given'],
  outsideTowns: ['不属任何镇街', 'Not tied to a town'],
} as const satisfies Record<string, [string, string]>;

/** The dashboard the actor sees, as a workbook: a summary sheet and one sheet per breakdown. */
export async function statsWorkbook(ctx: ServiceContext, locale: Locale): Promise<Buffer> {
  const at = locale === 'en' ? 1 : 0;
  const w = (k: keyof typeof words) => words[k][at];
  const stats: StaffStats = await staffStats(ctx);
  const campaign = await currentCampaign(ctx.db);
  const units = await unitIndex(ctx.db);
  // The usual domains by their English names for an English reader; a campaign's own in Chinese.
  const domains = new Map(
    campaign.domains.map((d) => [d.code, (locale === 'en' && domainNamesEn[d.code]) || d.name]),
  );
  const label =
    <K extends string>(table: Labels<K>) =>
    (key: string) =>
      (table as Record<string, [string, string]>)[key]?.[at] ?? key;
  const sheet = (
    title: keyof typeof words,
    keyHeader: keyof typeof words,
    counts: Array<{ key: string; n: number }>,
    name: (key: string) => string,
    countHeader: keyof typeof words = 'count',
  ) => ({
    name: w(title),
    columns: [
      { key: 'key', header: w(keyHeader), width: 24 },
      { key: 'n', header: w(countHeader), width: 12 },
    ],
    rows: counts.map((c) => ({ key: name(c.key), n: c.n })),
  });
  return writeBook([
    {
      name: w('summary'),
      columns: [
        { key: 'figure', header: w('figure'), width: 16 },
        { key: 'value', header: w('value'), width: 40 },
      ],
      rows: [
        { figure: w('campaign'), value: campaign.theme },
        {
          figure: w('scope'),
          value: stats.scope ? stats.scope.map((s) => s.name).join('、') : w('district'),
        },
        { figure: w('participations'), value: stats.participations },
        { figure: w('suggestions'), value: stats.suggestions },
        { figure: w('exportedAt'), value: momentInChina(new Date()) },
      ],
    },
    sheet('byDay', 'day', stats.byDay, (k) => k),
    sheet('byChannel', 'channel', stats.byChannel, label(channelLabels)),
    // The sheet adds up to the total: what no town holds (a department's event) is its last row.
    sheet(
      'byTown',
      'town',
      [...stats.byTown, ...(stats.outsideTowns ? [{ key: '', n: stats.outsideTowns }] : [])],
      (k) => (k ? (units.get(k)?.name ?? w('unknown')) : w('outsideTowns')),
    ),
    sheet('byAuthorKind', 'authorKind', stats.byAuthorKind, label(authorKindLabels)),
    sheet('byKind', 'kind', stats.byKind, label(kindLabels)),
    sheet('byDomain', 'domain', stats.byDomain, (k) => domains.get(k) ?? k, 'suggestionCount'),
    sheet('byStatus', 'status', stats.byStatus, label(statusLabels), 'suggestionCount'),
    {
      name: w('byEventKind'),
      columns: [
        { key: 'kind', header: w('eventKind'), width: 16 },
        { key: 'events', header: w('events'), width: 12 },
        { key: 'attendance', header: w('attendance'), width: 12 },
        { key: 'suggestions', header: w('collected'), width: 12 },
      ],
      rows: stats.byEventKind.map((f) => ({ ...f, kind: label(eventKindLabels)(f.kind) })),
    },
  ]);
}
