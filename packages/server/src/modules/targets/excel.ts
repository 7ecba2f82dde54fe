import { type Column, writeSheet } from '../../excel/workbook.js';

/** The targets module's workbooks: the columns their imports read and their exports write. */
export const indicatorColumns: Column[] = [
  { key: 'code', header: '指标编码' },
  { key: 'name', header: '指标名称', width: 32 },
  { key: 'measure', header: '计量单位', width: 10 },
  { key: 'direction', header: '方向', width: 10 },
  { key: 'category', header: '类别', width: 12 },
  { key: 'source', header: '数据来源', width: 20 },
  { key: 'frequency', header: '频次', width: 10 },
];

/** Excel cells carry the Chinese words staff type; the API the English enum values. */
export const directionWords: Record<string, string> = { 越高越好: 'higher', 越低越好: 'lower' };
export const categoryWords: Record<string, string> = {
  经济: 'economy',
  社会: 'society',
  生态: 'environment',
  治理: 'governance',
};
export const frequencyWords: Record<string, string> = { 月度: 'monthly', 季度: 'quarterly', 年度: 'yearly' };
const invert = (m: Record<string, string>) => Object.fromEntries(Object.entries(m).map(([k, v]) => [v, k]));
export const directionOut = invert(directionWords);
export const categoryOut = invert(categoryWords);
export const frequencyOut = invert(frequencyWords);

export const indicatorTemplate = () =>
  writeSheet('指标库', indicatorColumns, [
    {
      code: 'ECO-001',
      name: '地区生产总值',
      measure: '亿元',
      direction: '越高越好',
      category: '经济',
      source: '区统计局',
      frequency: '季度',
    },
  ]);

export const benchmarkColumns: Column[] = [
  { key: 'regionCode', header: '地区编码' },
  { key: 'indicatorCode', header: '指标编码' },
  { key: 'period', header: '期间' },
  { key: 'value', header: '数值' },
  { key: 'source', header: '来源', width: 24 },
];

export const reportColumns: Column[] = [
  { key: 'indicatorCode', header: '指标编码' },
  { key: 'indicatorName', header: '指标名称', width: 32 },
  { key: 'target', header: '本季目标', width: 12 },
  { key: 'value', header: '实际值', width: 12 },
  { key: 'note', header: '说明', width: 30 },
];
