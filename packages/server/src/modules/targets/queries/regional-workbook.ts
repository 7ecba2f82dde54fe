import { exceljs } from '../../../excel/exceljs.js';
import type { ImportLocale } from '../../../kernel/excel-import.js';
import type { RegionalReport } from '../contracts/regional.js';
import {
  generatedWarning,
  measureIn,
  methodWords,
  metricNameIn,
  provenanceWords,
  tableWords,
} from './regional-words.js';

/** The workbook's words in each language; the Chinese ones as the printable report has them. */
const words = {
  'zh-CN': {
    ...tableWords['zh-CN'],
    ranking: '综合排名',
    weights: '权重',
    gaps: '差距分析',
    trend: (metric: string) => `趋势-${metric}`,
    notes: '说明',
    valueHeader: (name: string, measure: string) => `${name}(${measure})`,
    sourceHeader: (name: string) => `${name}来源`,
    direction: '方向',
    weight: '权重',
    benefit: '正向',
    cost: '逆向',
    notesHeader: ['项目', '内容'],
    method: '方法',
    sources: '数据来源',
    demoData: '演示数据',
    selfGenerated: '本区生成数据',
    provenance: '数值来源',
    none: '无',
  },
  en: {
    ...tableWords.en,
    ranking: 'Ranking',
    weights: 'Weights',
    gaps: 'Gaps',
    trend: (metric: string) => `Trend-${metric}`,
    notes: 'Notes',
    valueHeader: (name: string, measure: string) => `${name} (${measure})`,
    sourceHeader: (name: string) => `${name} source`,
    direction: 'Direction',
    weight: 'Weight',
    benefit: 'Benefit',
    cost: 'Cost',
    notesHeader: ['Item', 'Content'],
    method: 'Method',
    sources: 'Data sources',
    demoData: 'Demo data',
    selfGenerated: 'Generated district data',
    provenance: 'Provenance of values',
    none: 'None',
  },
} as const;

/** Values to the two decimals the page shows them with; shares and gaps as Excel percentages. */
const round2 = (x: number | null) => (x === null ? null : Math.round(x * 100) / 100);
const percent = '0.0%';
const signedPercent = '+0.0%;-0.0%;0.0%';

type Cell = string | number | null;

/**
 * The report as a workbook in the reader's language: ranking, weights, gaps, one trend sheet per
 * metric and notes. Values are rounded as the page shows them, weights and gaps are numbers shown
 * as percentages; region names are as the data set has them (in Chinese).
 */
export async function regionalWorkbook(r: RegionalReport, locale: ImportLocale): Promise<Buffer> {
  const w = words[locale];
  const metricName = (m: RegionalReport['metrics'][number]) => metricNameIn(m, locale);
  const metricOf = (code: string) => r.metrics.find((m) => m.code === code)!;
  const book = new (await exceljs()).Workbook();
  const sheet = (name: string, header: string[], rows: Cell[][], formats: Record<number, string> = {}) => {
    const s = book.addWorksheet(name.slice(0, 31));
    s.addRow(header).font = { bold: true };
    for (const row of rows) {
      const added = s.addRow(row);
      for (const [at, numFmt] of Object.entries(formats)) added.getCell(Number(at) + 1).numFmt = numFmt;
    }
    s.columns.forEach((c) => {
      c.width = 16;
    });
    s.views = [{ state: 'frozen', ySplit: 1 }];
  };
  // Each value is followed by its provenance, so a copied cell never loses where it came from.
  sheet(
    w.ranking,
    [
      w.rank,
      w.region,
      ...r.metrics.flatMap((m) => [
        w.valueHeader(metricName(m), measureIn(m.measure, locale)),
        w.sourceHeader(metricName(m)),
      ]),
      w.score,
    ],
    r.rows.map((row) => [
      row.rank,
      row.regionName,
      ...row.values.flatMap((v, j) => [round2(v), provenanceWords[locale][row.provenance[j]!]]),
      round2(row.score),
    ]),
  );
  sheet(
    w.weights,
    [w.indicator, w.direction, w.weight],
    r.metrics.map((m, j) => [metricName(m), m.direction === 1 ? w.benefit : w.cost, r.weights[j] ?? null]),
    { 2: percent },
  );
  sheet(
    w.gaps,
    [w.indicator, ...w.gapHeaders],
    r.gaps.map((g) => [
      metricName(metricOf(g.metric)),
      round2(g.self),
      round2(g.best),
      g.bestRegion,
      round2(g.mean),
      g.gapToBest,
      g.gapToMean,
      g.selfRank,
    ]),
    { 5: signedPercent, 6: signedPercent },
  );
  for (const t of r.trends) {
    const years = [...new Set(t.series.flatMap((s) => s.points.map((p) => p[0])))].sort();
    sheet(
      w.trend(metricName(metricOf(t.metric))),
      [w.region, ...years.map(String)],
      t.series.map((s) => [
        s.regionName,
        ...years.map((y) => round2(s.points.find((p) => p[0] === y)?.[1] ?? null)),
      ]),
    );
  }
  sheet(
    w.notes,
    [...w.notesHeader],
    [
      [w.method, methodWords[locale][r.method]],
      [w.sources, r.sources.join(w.sourceSep)],
      [w.demoData, r.demoRegions.join(w.listSep) || w.none],
      [w.selfGenerated, generatedWarning(r, locale) || w.none],
      [w.provenance, Object.values(provenanceWords[locale]).join(w.listSep)],
    ],
  );
  return Buffer.from(await book.xlsx.writeBuffer());
}
