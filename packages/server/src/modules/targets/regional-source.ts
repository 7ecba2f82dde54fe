import type { ImportLocale } from '../../kernel/excel-import.js';

/**
 * The source the seeded prefecture statistics are stored under: a key, worded for readers by
 * {@link sourceWords}. Where the data set comes from, for engineers, is in the regional fixtures'
 * SOURCES file; readers are told what the statistics are and where they were published.
 */
export const regionalSource = 'wuling-prefecture-statistics';
/** The key earlier seeds stored (the data set's origin), worded the same way. */
const earlierRegionalSource = 'eileenCHEN-9/PhD_2022_2025 (CSMAR-style prefecture statistics)';

const regionalSourceWords: Record<ImportLocale, string> = {
  'zh-CN':
    '武陵山区各地级市（州）经济统计数据，2000—2020年（公开发布的研究用统计数据集，指标口径同 CSMAR 区域经济数据库）',
  en: 'Economic statistics of the Wuling Mountain prefecture-level cities, 2000–2020 (an openly published research data set of official statistics, indicators as in the CSMAR regional economy database)',
};

/** The source the demo's generated values are stored under (kept in Chinese, as databases have it). */
export const demoSource = '演示数据（生成）';
const demoSourceWords: Record<ImportLocale, string> = { 'zh-CN': demoSource, en: 'Demo data (generated)' };

/**
 * A stored source as a reader sees it: the seeded statistics described, the demo's generated
 * values named in the reader's language, any other as the office gave it.
 */
export const sourceWords = (source: string, locale: ImportLocale): string => {
  if (source === regionalSource || source === earlierRegionalSource) return regionalSourceWords[locale];
  return source === demoSource ? demoSourceWords[locale] : source;
};

/**
 * The distinct sources of a report's values as readers see them, in a fixed order (the values
 * come in none): the statistics by name, the demo's generated values last.
 */
export const sourcesListed = (sources: readonly string[], locale: ImportLocale): string[] => [
  ...new Set(
    [...new Set(sources)]
      .sort((a, b) => Number(a === demoSource) - Number(b === demoSource) || a.localeCompare(b))
      .map((s) => sourceWords(s, locale)),
  ),
];
