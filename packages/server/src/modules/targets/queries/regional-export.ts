import type { RegionalReport } from '../contracts/regional.js';
import {
  methodWords as methodWordsByLocale,
  provenanceWords as provenanceWordsByLocale,
  generatedWarning as warningIn,
} from './regional-words.js';

const methodWords = methodWordsByLocale['zh-CN'];
const provenanceWords = provenanceWordsByLocale['zh-CN'];
const generatedWarning = (r: RegionalReport) => warningIn(r, 'zh-CN');
const formulaWords = {
  weighted: '综合指数 = 100 × Σ 权重 × 极差标准化值（正向指标越大越好，逆向指标越小越好）。',
  topsis: '综合指数 = 100 × 与理想解的相对贴近度（向量标准化，加权后计算到理想解、负理想解的距离）。',
  gra: '综合指数 = 100 × 与最优序列的加权灰色关联度（分辨系数 0.5）。',
} as const;
const provenanceMarks = { real: '', entered: '†', generated: '*' } as const;

const esc = (s: unknown) =>
  String(s ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
const num = (x: number | null, digits = 2) =>
  x === null ? '—' : x.toLocaleString('zh-CN', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
const pct = (x: number | null) => (x === null ? '—' : `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)}%`);

/** A self-contained, print-ready HTML report (A4, no scripts, no outside resources). */
export function regionalHtml(r: RegionalReport): string {
  const head = r.metrics.map((m) => `<th>${esc(m.name)}<br><small>${esc(m.measure)}</small></th>`).join('');
  const ranking = r.rows
    .map(
      (row) =>
        `<tr${row.isSelf ? ' class="self"' : ''}><td>${row.rank}</td><td>${esc(row.regionName)}</td>${row.values
          .map(
            (v, j) =>
              `<td class="n" title="${provenanceWords[row.provenance[j]!]}">${num(v)}${provenanceMarks[row.provenance[j]!]}</td>`,
          )
          .join('')}<td class="n">${num(row.score)}</td></tr>`,
    )
    .join('');
  const gaps = r.gaps
    .map((g) => {
      const m = r.metrics.find((x) => x.code === g.metric)!;
      return `<tr><td>${esc(m.name)}</td><td class="n">${num(g.self)}</td><td class="n">${num(g.best)}</td><td>${esc(
        g.bestRegion,
      )}</td><td class="n">${num(g.mean)}</td><td class="n">${pct(g.gapToBest)}</td><td class="n">${pct(g.gapToMean)}</td><td class="n">${
        g.selfRank ?? '—'
      }</td></tr>`;
    })
    .join('');
  const trends = r.trends
    .map((t) => {
      const m = r.metrics.find((x) => x.code === t.metric)!;
      const years = [...new Set(t.series.flatMap((s) => s.points.map((p) => p[0])))].sort();
      const rows = t.series
        .map(
          (s) =>
            `<tr${s.isSelf ? ' class="self"' : ''}><td>${esc(s.regionName)}</td>${years
              .map((y) => `<td class="n">${num(s.points.find((p) => p[0] === y)?.[1] ?? null, 1)}</td>`)
              .join('')}</tr>`,
        )
        .join('');
      return `<h3>${esc(m.name)}（${esc(m.measure)}）</h3><table><tr><th>地区</th>${years.map((y) => `<th>${y}</th>`).join('')}</tr>${rows}</table>`;
    })
    .join('');
  const weights = r.metrics.map((m, j) => `${esc(m.name)} ${num((r.weights[j] ?? 0) * 100, 1)}%`).join('；');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>武陵山区中心城市经济社会发展水平分析报告 ${r.year}</title>
<style>@page{size:A4;margin:18mm}body{font-family:"Noto Serif CJK SC","Songti SC",serif;font-size:11pt;color:#111;max-width:190mm;margin:auto}
h1{font-size:18pt;text-align:center}h2{font-size:14pt;border-bottom:1px solid #999}h3{font-size:12pt}
table{border-collapse:collapse;width:100%;margin:6pt 0;page-break-inside:avoid}th,td{border:1px solid #999;padding:2pt 4pt;font-size:9pt}
th{background:#eee}td.n{text-align:right}tr.self td{font-weight:bold;background:#fff6e0}.note{font-size:9pt;color:#444}.warn{border:1px solid #d4380d;color:#d4380d;padding:4pt}</style></head><body>
<h1>武陵山区中心城市经济社会发展水平分析报告（${r.year}年）</h1>
${r.selfGenerated.length ? `<p class="warn">${esc(generatedWarning(r))}</p>` : ''}
<p class="note">综合评价方法：${methodWords[r.method]}。权重：${weights}。${
    r.consistency
      ? `一致性比率 CR = ${num(r.consistency.cr, 3)}（${r.consistency.consistent ? '通过' : '未通过'}一致性检验）。`
      : ''
  }${r.method === 'topsis' || r.method === 'gra' ? formulaWords[r.method] : formulaWords.weighted}</p>
<h2>一、综合排名</h2><table><tr><th>排名</th><th>地区</th>${head}<th>综合指数</th></tr>${ranking}</table>
<p class="note">数值来源：未标注者为${provenanceWords.real}；† ${provenanceWords.entered}；* ${provenanceWords.generated}（非真实统计）。</p>
${r.excluded.length ? `<p class="note">数据不全未参与排名：${r.excluded.map((e) => esc(e.regionName)).join('、')}。</p>` : ''}
<h2>二、分指标差距</h2><table><tr><th>指标</th><th>本区</th><th>最优值</th><th>最优地区</th><th>平均值</th><th>与最优差距</th><th>与平均差距</th><th>本区位次</th></tr>${gaps}</table>
<h2>三、发展趋势</h2>${trends}
<p class="note">数据来源：${r.sources.map(esc).join('；')}。${
    r.demoRegions.length ? `其中${r.demoRegions.map(esc).join('、')}为演示数据（生成），非真实统计。` : ''
  }</p></body></html>`;
}
