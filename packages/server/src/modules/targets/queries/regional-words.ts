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
