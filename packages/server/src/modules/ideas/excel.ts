import type { Db } from '../../db/client.js';
import {
  type Choice,
  type Choices,
  type ImportColumn,
  type ImportLocale,
  type ImportReasons,
  type ImportSheet,
  importTemplate,
} from '../../kernel/excel-import.js';
import type { Campaign } from './contracts.js';
import { unitIndex } from './queries/lookup.js';
import type { authorKinds } from './schema.js';

/** The last four may be left out of a file: written is the usual channel, the domain is classified. */
export const importColumns: ImportColumn[] = [
  { key: 'title', header: '标题', headerEn: 'Title', width: 30 },
  { key: 'body', header: '建议内容', headerEn: 'Suggestion', width: 60 },
  { key: 'townCode', header: '所在镇街', headerEn: 'Town', width: 16 },
  { key: 'authorKind', header: '身份', headerEn: 'Author kind', width: 16 },
  { key: 'channel', header: '渠道', headerEn: 'Channel', required: false },
  { key: 'domain', header: '领域', headerEn: 'Domain', required: false },
  { key: 'realName', header: '姓名', headerEn: 'Name', required: false },
  { key: 'phone', header: '电话', headerEn: 'Phone', required: false },
];

/** Earlier templates' headers, still read so a file filled in before keeps importing. */
const formerColumns: Record<string, string[]> = {
  body: ['内容'],
  townCode: ['镇街代码'],
  authorKind: ['作者类别'],
};

// The workbook is made on the server, so its names live here (the pages' copies are in the web i18n files).
const authorKindNames: Record<(typeof authorKinds)[number], [string, string]> = {
  resident: ['居民', 'Resident'],
  cadre: ['干部', 'Civil servant'],
  native_abroad: ['在外黔江人', 'Native living elsewhere'],
  student: ['学生', 'Student'],
  enterprise: ['企业', 'Enterprise'],
  deputy: ['人大代表/政协委员', 'Deputy or CPPCC member'],
};
/** Staff enter every channel but the public site's own. */
const channelNames: Record<'written' | 'outreach' | 'homecoming' | 'event', [string, string]> = {
  written: ['书面', 'Written'],
  outreach: ['上门走访', 'Outreach visit'],
  homecoming: ['返乡座谈', 'Homecoming meeting'],
  event: ['活动现场', 'At an event'],
};
/** The English names of the usual domains; a campaign's own domain is named in Chinese only. */
export const domainNamesEn: Record<string, string> = {
  industry: 'Industrial upgrading',
  culture: 'Cultural heritage',
  technology: 'Science and innovation',
  ecology: 'Ecological protection',
  transport: 'Transport',
  education: 'Education',
  health: 'Health care',
  tourism: 'Culture and tourism',
  agriculture: 'Rural revitalisation',
  governance: 'Urban governance',
};

const named = (names: Record<string, [string, string]>): Choice[] =>
  Object.entries(names).map(([code, [zh, en]]) => ({ code, zh, en }));

const suggestionTowns = ['subdistrict', 'town', 'township', 'village', 'community'];
/** The template's drop-down offers the streets and towns; villages are still taken by name or code. */
const listedTowns = ['subdistrict', 'town', 'township'];

/** The towns by unit code, with the units' records for the import's checks. */
export async function importTowns(db: Db) {
  const units = [...(await unitIndex(db))].map(([id, u]) => ({ id, ...u }));
  return units.filter((u) => suggestionTowns.includes(u.kind));
}

type Town = Awaited<ReturnType<typeof importTowns>>[number];

function choicesOf(campaign: Campaign, towns: readonly Town[]): Choices {
  return {
    townCode: towns.map((u) => ({ code: u.code, zh: u.name })),
    authorKind: named(authorKindNames),
    channel: named(channelNames),
    domain: campaign.domains.map((d) => ({ code: d.code, zh: d.name, en: domainNamesEn[d.code] })),
  };
}

/**
 * The import's own reason: a row's domain, known when the file was checked, removed from the
 * campaign by an edit before the rows were written (`importSuggestions`).
 */
const suggestionReasons: ImportReasons = {
  domain_removed: {
    'zh-CN': '活动的领域刚被修改，已不再包含「{domain}」，请刷新后另选领域',
    en: 'The campaign’s domains were changed meanwhile and no longer include “{domain}”; reload and choose another domain',
  },
};

/** The import's sheet: its columns in either language (or an earlier template's), its choices. */
export function suggestionSheet(campaign: Campaign, towns: readonly Town[]): ImportSheet {
  const columns = importColumns.map((c) => ({ ...c, aliases: formerColumns[c.key] ?? [] }));
  return {
    columns,
    maxRows: 5000,
    requireRows: true,
    choices: choicesOf(campaign, towns),
    reasons: suggestionReasons,
  };
}

/** The template in the reader's language, with drop-down lists of the names each column takes. */
export function suggestionTemplate(campaign: Campaign, towns: readonly Town[], locale: ImportLocale) {
  const sheet = suggestionSheet(campaign, towns);
  const listed = towns.filter((u) => listedTowns.includes(u.kind));
  const example = listed.find((u) => u.name.startsWith('正阳')) ?? listed[0];
  return importTemplate({
    sheet,
    name: { 'zh-CN': '建议导入', en: 'Suggestions' },
    locale,
    choices: { ...sheet.choices, townCode: listed.map((u) => ({ code: u.code, zh: u.name })) },
    examples: [
      {
        title: '建议增设高铁站公交专线',
        body: '高铁开通后客流大增，建议开通高铁站到城区的公交接驳专线。',
        townCode: example?.code ?? '',
        authorKind: 'resident',
        channel: 'written',
        domain: campaign.domains.some((d) => d.code === 'transport') ? 'transport' : '',
      },
    ],
  });
}
