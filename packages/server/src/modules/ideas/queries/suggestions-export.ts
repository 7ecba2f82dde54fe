import { and, desc, sql } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import { refuseOversizeExport } from '../../../excel/export-limit.js';
import { writeBook } from '../../../excel/workbook.js';
import { momentInChina } from '../../../kernel/deadlines.js';
import type { SuggestionExportQuery } from '../contracts.js';
import { domainNamesEn } from '../excel.js';
import { ideaSuggestions } from '../schema.js';
import { staffView } from '../views.js';
import { unitIndex } from './lookup.js';
import { queueConditions } from './screening.js';
import { channelLabels, statusLabels } from './stats-export.js';

type Locale = 'zh-CN' | 'en';

// The workbook is made on the server, so its labels live here (the page's are in the web i18n files).
const words = {
  sheet: ['建议', 'Suggestions'],
  createdAt: ['提交时间', 'Submitted at'],
  title: ['标题', 'Title'],
  body: ['内容', 'Text'],
  domain: ['领域', 'Domain'],
  town: ['镇街', 'Town'],
  authorKind: ['身份', 'Author'],
  channel: ['渠道', 'Channel'],
  status: ['状态', 'Status'],
  reason: ['未通过原因', 'Reason not accepted'],
  supports: ['支持数', 'Supports'],
  realName: ['姓名', 'Name'],
  phone: ['电话', 'Phone'],
} as const satisfies Record<string, [string, string]>;

// One author per row, so singular (the statistics count groups: "Residents").
const authorWords: Record<string, [string, string]> = {
  resident: ['居民', 'Resident'],
  cadre: ['干部', 'Cadre'],
  native_abroad: ['在外黔江人', 'Native living elsewhere'],
  student: ['学生', 'Student'],
  enterprise: ['企业', 'Enterprise'],
  deputy: ['人大代表/政协委员', 'Deputy or CPPCC member'],
};

/**
 * The built-in reasons not to accept, worded as the pages word them (ideas.rejectReason); a
 * reason of the office's own is its own words and goes as it is.
 */
const rejectReasonWords = new Map<string, [string, string]>([
  ['off_topic', ['与主题无关', 'Off topic']],
  ['duplicate', ['重复', 'Duplicate']],
  ['insufficient', ['内容不充分', 'Too little content']],
  ['inappropriate', ['内容不当', 'Inappropriate']],
  ['personal_matter', ['个人诉求', 'Personal matter']],
]);

/**
 * The suggestions a screener's list shows for these filters, every page of it, as a workbook in
 * the reader's language: names rather than codes, the newest first, a name and a phone masked as
 * on the page (PIPL), numbers typed into a text masked too. Scoped to the reader's towns.
 */
export async function suggestionsWorkbook(
  ctx: ServiceContext,
  q: SuggestionExportQuery,
  locale: Locale,
): Promise<Buffer> {
  const { campaign, where } = await queueConditions(ctx, q);
  const [count] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(ideaSuggestions)
    .where(and(...where));
  // Refused above the workbook's limit (QIANXING_EXPORT_MAX_ROWS), with the count.
  refuseOversizeExport(count?.n ?? 0);
  const [rows, units] = await Promise.all([
    ctx.db
      .select()
      .from(ideaSuggestions)
      .where(and(...where))
      .orderBy(desc(ideaSuggestions.createdAt), desc(ideaSuggestions.id)),
    unitIndex(ctx.db),
  ]);
  const at = locale === 'en' ? 1 : 0;
  const w = (k: keyof typeof words) => words[k][at];
  const domainName = new Map(
    campaign.domains.map((d) => [d.code, at === 1 ? (domainNamesEn[d.code] ?? d.name) : d.name]),
  );
  const columns = (Object.keys(words) as (keyof typeof words)[])
    .filter((k) => k !== 'sheet')
    .map((key) => ({ key, header: w(key), width: widths[key] ?? 12 }));
  return writeBook([
    {
      name: w('sheet'),
      columns,
      rows: rows.map((row) => {
        const v = staffView(row);
        return {
          createdAt: momentInChina(row.createdAt),
          title: v.title,
          body: v.body,
          domain: domainName.get(v.domain) ?? v.domain,
          town: units.get(v.townId)?.name ?? '',
          authorKind: authorWords[v.authorKind]?.[at] ?? v.authorKind,
          channel: channelLabels[v.channel][at],
          status: statusLabels[v.status][at],
          reason: v.rejectReason ? (rejectReasonWords.get(v.rejectReason)?.[at] ?? v.rejectReason) : '',
          supports: v.supports,
          realName: v.realName ?? '',
          phone: v.phone ?? '',
        };
      }),
    },
  ]);
}

const widths: Partial<Record<keyof typeof words, number>> = {
  createdAt: 20,
  title: 40,
  body: 60,
  domain: 16,
  town: 12,
  reason: 24,
  phone: 14,
};
