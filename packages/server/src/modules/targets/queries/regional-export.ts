import type { ImportLocale } from '../../../kernel/excel-import.js';
import type { RegionalReport } from '../contracts/regional.js';
import {
  formulaWords,
  generatedWarning,
  htmlWords,
  measureIn,
  methodWords,
  metricNameIn,
  provenanceWords,
  tableWords,
} from './regional-words.js';

const provenanceMarks = { real: '', entered: '†', generated: '*' } as const;

const esc = (s: unknown) =>
  String(s ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
const pct = (x: number | null) => (x === null ? '—' : `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)}%`);

/**
 * A self-contained, print-ready HTML report (A4, no scripts, no outside resources) in the reader's
 * language; region names are as the data set has them (in Chinese).
 */
export function regionalHtml(r: RegionalReport, locale: ImportLocale): string {
  const [h, t, p] = [htmlWords[locale], tableWords[locale], provenanceWords[locale]];
  const num = (x: number | null, digits = 2) =>
    x === null ? '—' : x.toLocaleString(locale, { maximumFractionDigits: digits, minimumFractionDigits: 0 });
  const metricOf = (code: string) => r.metrics.find((m) => m.code === code)!;
  const name = (m: RegionalReport['metrics'][number]) => esc(metricNameIn(m, locale));
  const measure = (m: RegionalReport['metrics'][number]) => esc(measureIn(m.measure, locale));
  const head = r.metrics.map((m) => `<th>${name(m)}<br><small>${measure(m)}</small></th>`).join('');
  const ranking = r.rows
    .map(
      (row) =>
        `<tr${row.isSelf ? ' class="self"' : ''}><td>${row.rank}</td><td>${esc(row.regionName)}</td>${row.values
          .map(
            (v, j) =>
              `<td class="n" title="${p[row.provenance[j]!]}">${num(v)}${provenanceMarks[row.provenance[j]!]}</td>`,
          )
          .join('')}<td class="n">${num(row.score)}</td></tr>`,
    )
    .join('');
  const gaps = r.gaps
    .map(
      (g) =>
        `<tr><td>${name(metricOf(g.metric))}</td><td class="n">${num(g.self)}</td><td class="n">${num(g.best)}</td><td>${esc(
          g.bestRegion,
        )}</td><td class="n">${num(g.mean)}</td><td class="n">${pct(g.gapToBest)}</td><td class="n">${pct(g.gapToMean)}</td><td class="n">${
          g.selfRank ?? '—'
        }</td></tr>`,
    )
    .join('');
  const trends = r.trends
    .map((trend) => {
      const m = metricOf(trend.metric);
      const years = [...new Set(trend.series.flatMap((s) => s.points.map((x) => x[0])))].sort();
      const rows = trend.series
        .map(
          (s) =>
            `<tr${s.isSelf ? ' class="self"' : ''}><td>${esc(s.regionName)}</td>${years
              .map((y) => `<td class="n">${num(s.points.find((x) => x[0] === y)?.[1] ?? null, 1)}</td>`)
              .join('')}</tr>`,
        )
        .join('');
      return `<h3>${h.withMeasure(name(m), measure(m))}</h3><table><tr><th>${t.region}</th>${years.map((y) => `<th>${y}</th>`).join('')}</tr>${rows}</table>`;
    })
    .join('');
  const weights = r.metrics
    .map((m, j) => `${name(m)} ${num((r.weights[j] ?? 0) * 100, 1)}%`)
    .join(t.sourceSep);
  const consistency = r.consistency ? h.consistency(num(r.consistency.cr, 3), r.consistency.consistent) : '';
  const formula = formulaWords[locale][r.method === 'topsis' || r.method === 'gra' ? r.method : 'weighted'];
  const gapHeaders = [t.indicator, ...t.gapHeaders].map((x) => `<th>${x}</th>`).join('');
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${h.title(r.year)}</title>
<style>@page{size:A4;margin:18mm}body{font-family:"Noto Serif CJK SC","Songti SC",serif;font-size:11pt;color:#111;max-width:190mm;margin:auto}
h1{font-size:18pt;text-align:center}h2{font-size:14pt;border-bottom:1px solid #999}h3{font-size:12pt}
table{border-collapse:collapse;width:100%;margin:6pt 0;page-break-inside:avoid}th,td{border:1px solid #999;padding:2pt 4pt;font-size:9pt}
th{background:#eee}td.n{text-align:right}tr.self td{font-weight:bold;background:#fff6e0}.note{font-size:9pt;color:#444}.warn{border:1px solid #d4380d;color:#d4380d;padding:4pt}</style></head><body>
<h1>${h.heading(r.year)}</h1>
${r.selfGenerated.length ? `<p class="warn">${esc(generatedWarning(r, locale))}</p>` : ''}
<p class="note">${h.method(methodWords[locale][r.method], weights)}${consistency}${formula}</p>
<h2>${h.ranking}</h2><table><tr><th>${t.rank}</th><th>${t.region}</th>${head}<th>${t.score}</th></tr>${ranking}</table>
<p class="note">${h.provenance(p)}</p>
${r.excluded.length ? `<p class="note">${h.excluded(r.excluded.map((e) => esc(e.regionName)).join(t.listSep))}</p>` : ''}
<h2>${h.gaps}</h2><table><tr>${gapHeaders}</tr>${gaps}</table>
<h2>${h.trends}</h2>${trends}
<p class="note">${h.sources(r.sources.map(esc).join(t.sourceSep))}${
    r.demoRegions.length ? h.demo(r.demoRegions.map(esc).join(t.listSep)) : ''
  }</p></body></html>`;
}
