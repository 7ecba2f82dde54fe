import { writeSheet } from '../../excel/workbook.js';
import {
  type Choice,
  choiceLabel,
  headedIn,
  type ImportColumn,
  type ImportLocale,
  type ImportSheet,
  importTemplate,
} from '../../kernel/excel-import.js';
import type { Indicator } from './contracts/library.js';

/** The targets module's workbooks: the columns their imports read and their exports write. */
export const indicatorColumns: ImportColumn[] = [
  { key: 'code', header: '指标编码', headerEn: 'Indicator code' },
  { key: 'name', header: '指标名称', headerEn: 'Indicator name', width: 32 },
  { key: 'measure', header: '计量单位', headerEn: 'Measure', width: 10 },
  { key: 'direction', header: '方向', headerEn: 'Direction', width: 10 },
  { key: 'category', header: '类别', headerEn: 'Category', width: 12 },
  { key: 'source', header: '数据来源', headerEn: 'Source', width: 20 },
  { key: 'frequency', header: '频次', headerEn: 'Frequency', width: 10 },
];

/** Excel cells carry the words staff type (Chinese, English or the API's code); the API the codes. */
const directionChoices: Choice[] = [
  { code: 'higher', zh: '越高越好', en: 'Higher is better' },
  { code: 'lower', zh: '越低越好', en: 'Lower is better' },
];
const categoryChoices: Choice[] = [
  { code: 'economy', zh: '经济', en: 'Economy' },
  { code: 'society', zh: '社会', en: 'Society' },
  { code: 'environment', zh: '生态', en: 'Environment' },
  { code: 'governance', zh: '治理', en: 'Governance' },
];
const frequencyChoices: Choice[] = [
  { code: 'monthly', zh: '月度', en: 'Monthly' },
  { code: 'quarterly', zh: '季度', en: 'Quarterly' },
  { code: 'yearly', zh: '年度', en: 'Yearly' },
];
export const indicatorSheet: ImportSheet = {
  columns: indicatorColumns,
  choices: { direction: directionChoices, category: categoryChoices, frequency: frequencyChoices },
};

/**
 * The library as a workbook in the reader's language: headers and enumerated cells in the words
 * the import reads back (it takes either language), so an export imports back unchanged.
 */
export function indicatorWorkbook(indicators: readonly Indicator[], locale: ImportLocale): Promise<Buffer> {
  const word = (key: 'direction' | 'category' | 'frequency', code: string) => {
    const choice = indicatorSheet.choices?.[key]?.find((c) => c.code === code);
    return choice ? choiceLabel(choice, locale) : code;
  };
  return writeSheet(
    locale === 'en' ? 'Indicators' : '指标库',
    headedIn(indicatorColumns, locale),
    indicators.map((i) => ({
      ...i,
      direction: word('direction', i.direction),
      category: word('category', i.category),
      frequency: word('frequency', i.frequency),
    })),
  );
}

/** The indicators' template in the reader's language, with drop-downs of the enumerated columns. */
export const indicatorTemplate = (locale: ImportLocale) =>
  importTemplate({
    sheet: indicatorSheet,
    name: { 'zh-CN': '指标库', en: 'Indicators' },
    locale,
    examples: [
      {
        code: 'ECO-001',
        name: '地区生产总值',
        measure: '亿元',
        direction: 'higher',
        category: 'economy',
        source: '区统计局',
        frequency: 'quarterly',
      },
    ],
  });

/** The benchmark values' sheet; the import reads its headers in either language. */
export const benchmarkColumns: ImportColumn[] = [
  { key: 'regionCode', header: '地区编码', headerEn: 'Region code' },
  { key: 'indicatorCode', header: '指标编码', headerEn: 'Indicator code' },
  { key: 'period', header: '期间', headerEn: 'Period' },
  { key: 'value', header: '数值', headerEn: 'Value' },
  { key: 'source', header: '来源', headerEn: 'Source', width: 24 },
];

/**
 * The report form: a row per planned indicator, each naming the quarter and the report it was
 * downloaded for, so a form of another quarter or report is refused on import; a value typed as a
 * percentage (5.2%) reads as shown (importReportValues.ts). Headed in the reader's language, it
 * imports back in either.
 */
export const reportColumns: ImportColumn[] = [
  { key: 'indicatorCode', header: '指标编码', headerEn: 'Indicator code' },
  { key: 'indicatorName', header: '指标名称', headerEn: 'Indicator name', width: 32 },
  { key: 'target', header: '本季目标', headerEn: 'Quarter target', width: 12 },
  { key: 'value', header: '实际值', headerEn: 'Actual value', width: 12, percentAsShown: true },
  { key: 'note', header: '说明', headerEn: 'Note', width: 30 },
  { key: 'period', header: '季度', headerEn: 'Quarter', width: 10 },
  { key: 'report', header: '报告编号', headerEn: 'Report ID', width: 38 },
];
