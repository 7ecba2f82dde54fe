import type { ImportLocale } from '../../../kernel/excel-import.js';
import type { RegionalReport } from '../contracts/regional.js';

/** The comparison's methods, the values' provenance and the generated-data warning, in each language. */
export const methodWords = {
  'zh-CN': {
    entropy: '熵权法',
    ahp: '层次分析法',
    manual: '人工设定权重',
    topsis: 'TOPSIS 逼近理想解排序法（熵权）',
    gra: '灰色关联分析（熵权）',
  },
  en: {
    entropy: 'Entropy weights',
    ahp: 'Analytic hierarchy process',
    manual: 'Weights set by hand',
    topsis: 'TOPSIS, closeness to the ideal (entropy weights)',
    gra: 'Grey relational analysis (entropy weights)',
  },
} as const satisfies Record<ImportLocale, Record<RegionalReport['method'], string>>;

/** How each value's provenance reads in the exports, beside the value. */
export const provenanceWords = {
  'zh-CN': { real: '公开统计', entered: '区填报', generated: '演示生成' },
  en: {
    real: 'Published statistics',
    entered: 'Entered by the district',
    generated: 'Generated for the demo',
  },
} as const;

/** Said plainly at the top of both exports when any of the district's values are generated. */
export function generatedWarning(r: RegionalReport, locale: ImportLocale): string {
  if (!r.selfGenerated.length) return '';
  const metric = (code: string) => r.metrics.find((m) => m.code === code)!;
  return locale === 'en'
    ? `Note: the district's values of these indicators are generated for the demo, not real statistics, so the ranking is for demonstration only: ${r.selfGenerated
        .map((code) => metric(code).nameEn)
        .join(', ')}.`
    : `注意：本区以下指标的数值为演示用生成数据，并非真实统计，排名仅供演示：${r.selfGenerated
        .map((code) => metric(code).name)
        .join('、')}。`;
}

/** The unit of a metric, in the reader's language. */
export function measureIn(measure: string, locale: ImportLocale): string {
  const english: Record<string, string> = { 亿元: '100 million yuan', 元: 'yuan', '%': '%' };
  return locale === 'en' ? (english[measure] ?? measure) : measure;
}

/** A metric's name in the reader's language. */
export const metricNameIn = (m: { name: string; nameEn: string }, locale: ImportLocale) =>
  locale === 'en' ? m.nameEn : m.name;

/** The words of the tables both exports have: the ranking and the gaps, and how lists are joined. */
export const tableWords = {
  'zh-CN': {
    rank: '排名',
    region: '地区',
    score: '综合指数',
    indicator: '指标',
    gapHeaders: ['本区', '最优值', '最优地区', '平均值', '与最优差距', '与平均差距', '本区位次'],
    listSep: '、',
    sourceSep: '；',
  },
  en: {
    rank: 'Rank',
    region: 'Region',
    score: 'Composite index',
    indicator: 'Indicator',
    gapHeaders: ['District', 'Best', 'Best region', 'Mean', 'Gap to best', 'Gap to mean', 'District rank'],
    listSep: ', ',
    sourceSep: '; ',
  },
} as const satisfies Record<ImportLocale, Record<string, unknown>>;

/** How the composite index is worked out, said once under the method. */
export const formulaWords = {
  'zh-CN': {
    weighted: '综合指数 = 100 × Σ 权重 × 极差标准化值（正向指标越大越好，逆向指标越小越好）。',
    topsis: '综合指数 = 100 × 与理想解的相对贴近度（向量标准化，加权后计算到理想解、负理想解的距离）。',
    gra: '综合指数 = 100 × 与最优序列的加权灰色关联度（分辨系数 0.5）。',
  },
  en: {
    weighted:
      'Composite index = 100 × Σ weight × min-max normalised value (for a benefit indicator larger is better, for a cost indicator smaller is better).',
    topsis:
      'Composite index = 100 × relative closeness to the ideal solution (vector normalisation, then the weighted distances to the ideal and the negative ideal solutions).',
    gra: 'Composite index = 100 × weighted grey relational grade against the best series (distinguishing coefficient 0.5).',
  },
} as const satisfies Record<ImportLocale, Record<'weighted' | 'topsis' | 'gra', string>>;

type Provenances = (typeof provenanceWords)[ImportLocale];

/** The printable report's own words; the Chinese ones as the report has always had them. */
export const htmlWords = {
  'zh-CN': {
    title: (year: number) => `武陵山区中心城市经济社会发展水平分析报告 ${year}`,
    heading: (year: number) => `武陵山区中心城市经济社会发展水平分析报告（${year}年）`,
    method: (method: string, weights: string) => `综合评价方法：${method}。权重：${weights}。`,
    consistency: (cr: string, passed: boolean) =>
      `一致性比率 CR = ${cr}（${passed ? '通过' : '未通过'}一致性检验）。`,
    ranking: '一、综合排名',
    gaps: '二、分指标差距',
    trends: '三、发展趋势',
    provenance: (p: Provenances) =>
      `数值来源：未标注者为${p.real}；† ${p.entered}；* ${p.generated}（非真实统计）。`,
    excluded: (names: string) => `数据不全未参与排名：${names}。`,
    sources: (sources: string) => `数据来源：${sources}。`,
    demo: (names: string) => `其中${names}为演示数据（生成），非真实统计。`,
    withMeasure: (name: string, measure: string) => `${name}（${measure}）`,
  },
  en: {
    title: (year: number) =>
      `Economic and social development of the central cities of the Wuling Mountains region: analysis report ${year}`,
    heading: (year: number) =>
      `Economic and social development of the central cities of the Wuling Mountains region: analysis report (${year})`,
    method: (method: string, weights: string) =>
      `Method of the composite evaluation: ${method}. Weights: ${weights}. `,
    consistency: (cr: string, passed: boolean) =>
      `Consistency ratio CR = ${cr} (${passed ? 'passes' : 'fails'} the consistency test). `,
    ranking: '1. Ranking',
    gaps: '2. Gaps by indicator',
    trends: '3. Trends',
    provenance: (p: Provenances) =>
      `Provenance of values: (unmarked) ${p.real}; † ${p.entered}; * ${p.generated} (not real statistics).`,
    excluded: (names: string) => `Not ranked, their data being incomplete: ${names}.`,
    sources: (sources: string) => `Data sources: ${sources}. `,
    demo: (names: string) => `Of these, ${names}: demo data (generated), not real statistics.`,
    withMeasure: (name: string, measure: string) => `${name} (${measure})`,
  },
} as const;
